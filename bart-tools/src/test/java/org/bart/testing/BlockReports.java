package org.bart.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.hdfs.server.datanode.DataNodeTestUtils;

/** Full block reports from every DataNode of a (mini) cluster, as their periodic ones would be. */
public final class BlockReports {

  private BlockReports() {
  }

  /**
   * Has every running DataNode send a full block report now and returns once each has sent it.
   * The DataNodes report at once: {@code MiniDFSCluster.triggerBlockReports} asks one after
   * another and waits for each, seconds for a cluster of 24.
   */
  public static void sendFromEvery(MiniDFSCluster cluster) throws Exception {
    List<DataNode> dataNodes = cluster.getDataNodes();
    ExecutorService senders = Executors.newFixedThreadPool(dataNodes.size());
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (DataNode dn : dataNodes) {
        sent.add(senders.submit(() -> {
          DataNodeTestUtils.triggerBlockReport(dn);
          return null;
        }));
      }
      for (Future<?> f : sent) {
        f.get();
      }
    } finally {
      senders.shutdownNow();
    }
  }
}
