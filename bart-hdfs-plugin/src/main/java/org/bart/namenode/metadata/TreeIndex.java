package org.bart.namenode.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.bart.namenode.hdfs.HdfsNamespace;
import org.bart.namenode.hdfs.InodePaths;
import org.bart.namenode.hdfs.Namespace;

/**
 * The transitioned trees of the namespace, for the maintenance loop: the inode ids of their
 * {@code .bart} directories, kept in {@code trusted.bart.trees} on the root (ids survive renames
 * of the trees; ids of deleted trees are dropped when next read).
 */
public final class TreeIndex {

  private static final String XATTR = "trusted.bart.trees";
  private static final String ROOT = "/";

  private TreeIndex() {
  }

  /** Records the tree whose hidden directory is {@code hiddenDir}. */
  public static synchronized void add(Namespace ns, String hiddenDir) throws IOException {
    Set<Long> ids = read(ns);
    if (ids.add(ns.info(hiddenDir).fileId())) {
      write(ns, ids);
    }
  }

  /** The trees (their paths now) that still exist. */
  public static List<String> trees(DistributedFileSystem dfs, InodePaths paths)
      throws IOException {
    return trees(new HdfsNamespace(dfs), paths::pathOf);
  }

  /** The trees (their paths now) that still exist; {@code pathOf} gives an inode's path or null. */
  public static synchronized List<String> trees(Namespace ns, LongFunction<String> pathOf)
      throws IOException {
    List<String> trees = new ArrayList<>();
    for (long id : read(ns)) {
      String hidden = pathOf.apply(id);
      if (hidden != null) {
        trees.add(new Path(hidden).getParent().toUri().getPath());
      }
    }
    return trees;
  }

  private static Set<Long> read(Namespace ns) throws IOException {
    Set<Long> ids = new LinkedHashSet<>();
    byte[] v = ns.getXAttr(ROOT, XATTR);
    if (v != null) {
      ByteBuffer b = ByteBuffer.wrap(v);
      while (b.remaining() >= 8) {
        ids.add(b.getLong());
      }
    }
    return ids;
  }

  private static void write(Namespace ns, Set<Long> ids) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 * ids.size());
    for (long id : ids) {
      b.putLong(id);
    }
    ns.setXAttr(ROOT, XATTR, b.array());
  }
}
