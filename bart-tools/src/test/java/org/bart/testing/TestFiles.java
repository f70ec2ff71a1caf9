package org.bart.testing;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.bart.namenode.hdfs.BlockGroup;

/** Waiting for files written to a (mini) cluster to be fully reported. */
public final class TestFiles {

  private TestFiles() {
  }

  /** Waits until the NameNode knows a replica of every internal block of every group. */
  public static List<BlockGroup> awaitComplete(DistributedFileSystem dfs, Path path)
      throws Exception {
    String p = path.toUri().getPath();
    Poll.until("all internal blocks of " + p + " reported", 30_000, () -> {
      for (BlockGroup g : BlockGroup.of(dfs.getClient(), p)) {
        if (!g.isComplete()) {
          return false;
        }
      }
      return true;
    });
    return BlockGroup.of(dfs.getClient(), p);
  }
}
