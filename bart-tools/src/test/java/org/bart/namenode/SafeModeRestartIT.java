package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.bart.admin.TransitionRunner;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.CoordinatorClient;
import org.bart.report.MaintenanceReport;
import org.bart.testing.DeadNodes;
import org.bart.testing.Poll;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A NameNode restarted while a DataNode holding a unit of a wide group is down: the data-only
 * block group of that unit is never "safe" to HDFS, so the NameNode would stay in safe mode; BART
 * lets it leave (that unit is rebuildable), then repair restores the group and verify passes.
 */
class SafeModeRestartIT {

  private SmallCluster small;

  @AfterEach
  void stop() {
    if (small != null) {
      small.close();
    }
  }

  @Test
  void aRestartWithADataNodeDownLeavesSafeModeAndRepairRestoresTheGroup() throws Exception {
    small = SmallCluster.forRestarts();
    Map<String, byte[]> contents = small.writeTree("/restart", SmallCluster.SEED);
    TransitionRunner.Outcome o = small.transition("/restart", 2);
    assertTrue(o.succeeded, o.error);
    String parity = WideGroups.parityFiles(small.dfs(), "/restart").get(0);
    DatanodeInfo holder = WideLayout.load(small.dfs(), parity).units[0].nodes.get(0);

    MiniDFSCluster mini = small.cluster.mini();
    mini.stopDataNode(holder.getXferAddr());
    mini.restartNameNode(false);
    Poll.until("the NameNode out of safe mode without help", 120_000,
        () -> !mini.getNameNode().isInSafeMode());

    DeadNodes.declare(mini, holder.getDatanodeUuid());
    small.cluster.awaitDead(Collections.singleton(holder.getDatanodeUuid()), 120_000);
    try (CoordinatorClient c = CoordinatorClient.connect(small.cluster.conf())) {
      Poll.until("repair rebuilt the lost unit", 120_000, () -> {
        MaintenanceReport r = MaintenanceReport.fromJson(c.repair("/restart"));
        return r.problems.isEmpty()
            && WideLayout.load(small.dfs(), parity).lostUnits().isEmpty();
      });
      MaintenanceReport v = MaintenanceReport.fromJson(c.verify("/restart"));
      assertTrue(v.problems.isEmpty(), v.problems.toString());
    }
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(small.dfs(), new Path(e.getKey())),
          e.getKey() + ", seed " + SmallCluster.SEED);
    }
  }
}
