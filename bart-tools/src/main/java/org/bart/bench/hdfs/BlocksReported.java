package org.bart.bench.hdfs;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.bart.namenode.hdfs.BlockGroup;

/** Waits until the NameNode knows every internal block of a file on exactly one DataNode. */
final class BlocksReported {

  private static final long TIMEOUT_MS = 60_000;

  private BlocksReported() {
  }

  /**
   * Waits until every internal block of {@code path} is on exactly one DataNode: reported, and no
   * excess replica (one the NameNode reconstructed while a DataNode was slow, or a copy a
   * restarted cluster still holds) left to confuse the file checksums the transition compares.
   */
  static void await(DistributedFileSystem dfs, String path)
      throws IOException, InterruptedException, TimeoutException {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (true) {
      boolean clean = true;
      for (BlockGroup g : BlockGroup.of(dfs.getClient(), path)) {
        clean &= g.isComplete() && g.hasOneReplicaPerBlock();
      }
      if (clean) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new TimeoutException("blocks of " + path + " not each on one DataNode after "
            + TIMEOUT_MS + " ms");
      }
      Thread.sleep(50);
    }
  }
}
