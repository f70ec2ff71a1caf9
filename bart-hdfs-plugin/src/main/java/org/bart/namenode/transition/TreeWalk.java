package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.bart.namenode.metadata.BartPaths;

/**
 * The files under a tree, one at a time, depth first in the NameNode's listing order (names
 * sorted within a directory), leaving out BART's own {@code .bart}. It holds one listing iterator
 * per directory level, each fetching {@code dfs.ls.limit} entries at a time: memory follows the
 * tree's depth, never its size.
 */
final class TreeWalk {

  private final DistributedFileSystem dfs;
  private final Deque<RemoteIterator<FileStatus>> levels = new ArrayDeque<>();

  TreeWalk(DistributedFileSystem dfs, String tree) throws IOException {
    this.dfs = dfs;
    levels.push(dfs.listStatusIterator(new Path(tree)));
  }

  /** The path of the next file, or null when the tree has no more. */
  String next() throws IOException {
    while (!levels.isEmpty()) {
      RemoteIterator<FileStatus> level = levels.peek();
      if (!level.hasNext()) {
        levels.pop();
        continue;
      }
      FileStatus f = level.next();
      if (f.isDirectory()) {
        if (!BartPaths.HIDDEN_DIR.equals(f.getPath().getName())) {
          levels.push(dfs.listStatusIterator(f.getPath()));
        }
      } else if (f.isFile()) {
        return f.getPath().toUri().getPath();
      }
    }
    return null;
  }
}
