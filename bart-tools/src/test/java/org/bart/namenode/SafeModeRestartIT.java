package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.bart.demo.EmbeddedCluster;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.CoordinatorClient;
import org.bart.report.MaintenanceReport;
import org.bart.testing.Poll;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A NameNode restarted while m = 3 DataNodes of a (6,3,3) wide group are down, one of them
 * holding a wide parity. The data-only block groups of the lost data units are never "safe" to
 * HDFS, so the NameNode would stay in safe mode; BART lets it leave (every lost unit is
 * rebuildable), then repair restores the group and verify passes. In safe mode the NameNode
 * refuses to locate a file with a block no DataNode reported ("Zero blocklocations"), as the lost
 * wide parity is, so BART must find that out another way.
 */
class SafeModeRestartIT {

  private WideCluster wide;

  @AfterEach
  void stop() {
    if (wide != null) {
      wide.close();
    }
  }

  @Test
  void aRestartWithThreeDataNodesOfAGroupDownLeavesSafeModeAndRepairRestoresIt()
      throws Exception {
    wide = new WideCluster(EmbeddedCluster.builder().set(
        CommonConfigurationKeysPublic.IPC_CLIENT_CONNECTION_MAXIDLETIME_KEY, "100"), 24,
        WideCluster.SEED + 2);
    String parity = WideGroups.parityFiles(wide.dfs(), WideCluster.TREE).get(0);
    WideLayout before = WideLayout.load(wide.dfs(), parity);
    // a data unit of the first and of the second member, and the first wide parity
    for (int u : new int[] {0, before.code.k(), before.code.parityUnit(0)}) {
      wide.stop(before.units[u].nodes.get(0).getDatanodeUuid());
    }
    MiniDFSCluster mini = wide.cluster.mini();
    mini.restartNameNode(false);
    Poll.until("the NameNode out of safe mode without help", 120_000,
        () -> !mini.getNameNode().isInSafeMode());

    wide.awaitStoppedDead();
    try (CoordinatorClient c = CoordinatorClient.connect(wide.cluster.conf())) {
      Poll.until("repair rebuilt the lost units", 120_000, () -> {
        MaintenanceReport r = MaintenanceReport.fromJson(c.repair(WideCluster.TREE));
        return r.problems.isEmpty()
            && WideLayout.load(wide.dfs(), parity).lostUnits().isEmpty();
      });
      MaintenanceReport v = MaintenanceReport.fromJson(c.verify(WideCluster.TREE));
      assertTrue(v.problems.isEmpty(), v.problems.toString());
    }
    wide.checkReads(new Random(WideCluster.SEED));
  }
}
