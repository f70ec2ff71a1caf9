package org.bart.testing;

import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.ObjectName;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.bart.namenode.hdfs.BlockGroup;

/** Waiting for files written to a (mini) cluster to be fully reported. */
public final class TestFiles {

  /** The NameNode's live state (not a metrics snapshot) in this JVM's MBean server. */
  private static final String NAMESYSTEM_STATE = "Hadoop:service=NameNode,name=FSNamesystemState";

  private TestFiles() {
  }

  /**
   * Waits until the NameNode knows exactly one replica of every internal block of every group
   * and rebuilds none anywhere. A report that came late can have made HDFS rebuild an internal
   * block the DataNodes already had; the extra copy it then deletes may be the one a transition
   * planned to read.
   */
  public static List<BlockGroup> awaitComplete(DistributedFileSystem dfs, Path path)
      throws Exception {
    String p = path.toUri().getPath();
    Poll.until("all internal blocks of " + p + " reported once, nothing being rebuilt", 30_000,
        () -> {
          for (BlockGroup g : BlockGroup.of(dfs.getClient(), p)) {
            if (!g.isComplete() || !g.hasOneReplicaPerBlock()) {
              return false;
            }
          }
          return pendingReconstructions() == 0;
        });
    return BlockGroup.of(dfs.getClient(), p);
  }

  private static long pendingReconstructions() throws Exception {
    return ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(
        new ObjectName(NAMESYSTEM_STATE), "PendingReconstructionBlocks")).longValue();
  }
}
