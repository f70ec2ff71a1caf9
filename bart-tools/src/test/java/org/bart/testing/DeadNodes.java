package org.bart.testing;

import java.io.IOException;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.server.blockmanagement.DatanodeDescriptor;

/**
 * Stopped DataNodes declared dead at once, as the NameNode itself would after its heartbeat
 * expiry (2 rechecks + 10 heartbeats: 11 s here). HDFS's own tests do the same
 * ({@link MiniDFSCluster#setDataNodeDead}); what follows (lost blocks, repair) is unchanged.
 */
public final class DeadNodes {

  private DeadNodes() {
  }

  /** Declares the stopped DataNode {@code uuid} dead (nothing if the NameNode never saw it). */
  public static void declare(MiniDFSCluster mini, String uuid) throws IOException {
    for (org.apache.hadoop.hdfs.server.datanode.DataNode dn : mini.getDataNodes()) {
      if (uuid.equals(dn.getDatanodeUuid())) {
        throw new IllegalStateException("DataNode " + uuid + " is running: stop it first");
      }
    }
    DatanodeDescriptor d = mini.getNamesystem().getBlockManager().getDatanodeManager()
        .getDatanode(uuid);
    if (d != null) {
      mini.setDataNodeDead(d);
    }
  }
}
