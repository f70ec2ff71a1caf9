package org.bart.namenode.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.bart.namenode.hdfs.InodePaths;

/**
 * The transitioned trees of the namespace, for the maintenance loop: the inode ids of their
 * {@code .bart} directories, kept in {@code trusted.bart.trees} on the root (ids survive renames
 * of the trees; ids of deleted trees are dropped when next read).
 */
public final class TreeIndex {

  private static final String XATTR = "trusted.bart.trees";
  private static final Path ROOT = new Path("/");

  private TreeIndex() {
  }

  /** Records the tree whose hidden directory is {@code hiddenDir}. */
  public static synchronized void add(DistributedFileSystem dfs, String hiddenDir)
      throws IOException {
    Set<Long> ids = read(dfs);
    if (ids.add(dfs.getClient().getFileInfo(hiddenDir).getFileId())) {
      write(dfs, ids);
    }
  }

  /** The trees (their paths now) that still exist. */
  public static synchronized List<String> trees(DistributedFileSystem dfs, InodePaths paths)
      throws IOException {
    List<String> trees = new ArrayList<>();
    for (long id : read(dfs)) {
      String hidden = paths.pathOf(id);
      if (hidden != null) {
        trees.add(new Path(hidden).getParent().toUri().getPath());
      }
    }
    return trees;
  }

  private static Set<Long> read(DistributedFileSystem dfs) throws IOException {
    Set<Long> ids = new LinkedHashSet<>();
    byte[] v = dfs.getXAttrs(ROOT).get(XATTR);
    if (v != null) {
      ByteBuffer b = ByteBuffer.wrap(v);
      while (b.remaining() >= 8) {
        ids.add(b.getLong());
      }
    }
    return ids;
  }

  private static void write(DistributedFileSystem dfs, Set<Long> ids) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 * ids.size());
    for (long id : ids) {
      b.putLong(id);
    }
    dfs.setXAttr(ROOT, XATTR, b.array(), EnumSet.of(XAttrSetFlag.CREATE, XAttrSetFlag.REPLACE));
  }
}
