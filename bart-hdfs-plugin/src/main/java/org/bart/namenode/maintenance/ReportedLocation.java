package org.bart.namenode.maintenance;

import java.io.IOException;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.bart.namenode.metadata.WideLayout;

/**
 * Waiting for the NameNode to learn where a unit now is, after an agent rebuilt or moved it (the
 * DataNode reports the new replica; the NameNode's view is the truth repair acts on).
 */
final class ReportedLocation {

  private static final long REPORT_WAIT_MS = 60_000;

  private ReportedLocation() {
  }

  /**
   * Waits until the NameNode lists {@code added} for unit u, and no longer {@code removed} unless
   * that DataNode is out of service: the NameNode keeps listing a replicated block's copy on a
   * decommissioning DataNode (only live replicas count toward its excess) until the node is gone.
   */
  static void await(GroupLocations where, WideLayout l, int u, DatanodeInfo added,
      DatanodeInfo removed) throws IOException {
    long deadline = System.currentTimeMillis() + REPORT_WAIT_MS;
    while (true) {
      WideLayout now = where.layout(l.parityPath);
      boolean has = false;
      boolean still = false;
      for (DatanodeInfo dn : now.units[u].nodes) {
        has |= dn.getDatanodeUuid().equals(added.getDatanodeUuid());
        still |= removed != null && dn.getDatanodeUuid().equals(removed.getDatanodeUuid())
            && dn.isInService();
      }
      if (has && !still) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("the NameNode did not report unit " + u + " of " + l.parityPath
            + " on " + added.getXferAddr() + " within " + REPORT_WAIT_MS / 1000 + " s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }
}
