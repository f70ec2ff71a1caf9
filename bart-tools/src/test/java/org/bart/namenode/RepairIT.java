package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.server.blockmanagement.DatanodeDescriptor;
import org.apache.hadoop.hdfs.server.namenode.FSNamesystem;
import org.bart.demo.ClusterHealth;
import org.bart.namenode.hdfs.InodePaths;
import org.bart.namenode.hdfs.NameNodeInternals;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.AgentClient;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.UnreadableRangeException;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.ops.MoveOp;
import org.bart.protocol.wide.AgentNode;
import org.bart.report.MaintenanceReport;
import org.bart.testing.Poll;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;


/**
 * Degraded reads, repair and maintenance of wide groups, on one cluster: reads through the BART
 * client with 1, 2 and 3 stopped DataNodes of a group are byte-identical and 4 lost units fail
 * with the specific exception and no bytes; then lost units are rebuilt after DataNodes die (and
 * the files then survive three more failures), a deliberately co-located pair is separated, a
 * decommissioning DataNode emptied, and the survivors of a deleted member re-protected.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RepairIT {

  private static WideCluster wide;

  @BeforeAll
  static void start() throws Exception {
    wide = new WideCluster(28, WideCluster.SEED + 1);
  }

  @AfterAll
  static void stop() {
    if (wide != null) {
      wide.close();
    }
  }

  private static MaintenanceReport run(boolean repair) throws Exception {
    try (CoordinatorClient c = CoordinatorClient.connect(wide.cluster.conf())) {
      MaintenanceReport r = MaintenanceReport.fromJson(repair ? c.repair(WideCluster.TREE)
          : c.verify(WideCluster.TREE));
      System.out.println((repair ? "repair: " : "verify: ") + r.actions + " " + r.problems);
      return r;
    }
  }

  private static void assertVerified() throws Exception {
    MaintenanceReport v = run(false);
    assertTrue(v.problems.isEmpty(), v.problems.toString());
    assertEquals(2, v.groupsChecked);
  }

  /**
   * One, two and three stopped DataNodes of a random wide group: the integration through the BART
   * client and the NameNode plugin. Every erasure pattern goes through the same code paths in the
   * unit tests (WideReadDegradedTest, DegradedReaderTest) in milliseconds.
   */
  @Test
  @Order(1)
  void oneTwoAndThreeStoppedDataNodesReadBackIdentical() throws Exception {
    Random r = new Random(WideCluster.SEED);
    for (int failures = 1; failures <= 3; failures++) {
      Map<String, List<String>> groups = wide.unitNodes();
      List<String> parities = new ArrayList<>(groups.keySet());
      List<String> nodes = new ArrayList<>(groups.get(parities.get(r.nextInt(parities.size()))));
      Collections.shuffle(nodes, r);
      for (String uuid : nodes.subList(0, failures)) {
        wide.stop(uuid);
      }
      wide.checkReads(r);
      wide.restartAll();
    }
  }

  @Test
  @Order(2)
  void fourLostUnitsOfOneGroupFailLoudlyWithoutReturningBytes() throws Exception {
    Map<String, List<String>> groups = wide.unitNodes();
    String parity = groups.keySet().iterator().next();
    WideLayout l = WideLayout.load(wide.dfs(), parity);
    String member = wide.dfs().getClient().getFileInfo(BartPaths.byInode(
        l.group.getMembers(0).getFileId())) == null ? null
        : new InodePaths(new NameNodeInternals(wide.cluster.mini().getNameNode()))
            .pathOf(l.group.getMembers(0).getFileId());
    // member 0's first data unit plus three others: one more than m = 3
    List<String> nodes = groups.get(parity);
    for (String uuid : new String[] {nodes.get(0), nodes.get(6), nodes.get(12), nodes.get(18)}) {
      wide.stop(uuid);
    }
    try (FileSystem fs = wide.bartClient();
        FSDataInputStream in = fs.open(new Path(member))) {
      byte[] buf = new byte[WideCluster.CELL];
      long groupStart = 6L * WideCluster.CELL * l.group.getMembers(0).getGroupIndex();
      UnreadableRangeException e = assertThrows(UnreadableRangeException.class,
          () -> in.readFully(groupStart, buf));
      assertTrue(e.getMessage().contains(member) && e.getMessage().contains(parity)
          && e.getMessage().contains("unavailable blocks"), e.getMessage());
      assertEquals(-1, Arrays.mismatch(new byte[WideCluster.CELL], buf),
          "no byte was returned into the buffer");
    } finally {
      wide.restartAll();
    }
  }

  @Test
  @Order(3)
  void repairRebuildsWhatThreeDeadDataNodesHeldAndThreeMoreFailuresAreSurvived()
      throws Exception {
    assertVerified();
    Map<String, List<String>> groups = wide.unitNodes();
    List<String> first = groups.values().iterator().next();
    List<String> dead = new ArrayList<>(first.subList(0, 3));
    long lostUnits = 0;
    for (List<String> nodes : groups.values()) {
      lostUnits += nodes.stream().filter(dead::contains).count();
    }
    for (String uuid : dead) {
      wide.stop(uuid);
    }
    wide.awaitStoppedDead();
    FSNamesystem fsn = wide.cluster.mini().getNamesystem();
    Poll.until("the NameNode counts the lost blocks", 30_000,
        () -> ClusterHealth.of(fsn).missing > 0);
    MaintenanceReport r = run(true);
    assertTrue(r.problems.isEmpty(), r.problems.toString());
    assertEquals(lostUnits, r.actions.stream().filter(a -> a.startsWith("rebuilt")).count(),
        r.actions.toString());
    Poll.until("no missing block", 30_000, () -> ClusterHealth.of(fsn).missing == 0);
    assertVerified();

    List<String> others = new ArrayList<>(wide.unitNodes().values().iterator().next());
    others.removeAll(dead);
    for (String uuid : others.subList(0, 3)) {
      wide.stop(uuid);
    }
    wide.checkReads(new Random(WideCluster.SEED));
    wide.restartAll();
  }

  @Test
  @Order(4)
  void aCoLocatedPairIsSeparated() throws Exception {
    String parity = wide.unitNodes().keySet().iterator().next();
    WideLayout l = WideLayout.load(wide.dfs(), parity);
    DatanodeInfo a = l.units[6].nodes.get(0);
    DatanodeInfo b = l.units[1].nodes.get(0);
    // Move unit 1 (member 0) onto the DataNode of unit 6 (member 1), as the Balancer could: it
    // keeps a block group's own blocks apart, but knows nothing of wide groups.
    try (AgentClient agent = AgentClient.connect(wide.cluster.agentAddress(a.getDatanodeUuid()),
        wide.cluster.conf())) {
      agent.move(new MoveOp(WideReadConverter.toReplica(l.units[1].block),
          new AgentNode(b, null), new AgentNode(a, wide.cluster.agentAddress(a.getDatanodeUuid()))));
    }
    Poll.until("unit 1 moved next to unit 6", 30_000, () -> {
      WideLayout now = WideLayout.load(wide.dfs(), parity);
      return now.units[1].nodes.size() == 1
          && now.units[1].nodes.get(0).getDatanodeUuid().equals(a.getDatanodeUuid());
    });
    MaintenanceReport v = run(false);
    assertTrue(v.problems.toString().contains("are both on DataNode " + a.getXferAddr()),
        v.problems.toString());
    MaintenanceReport r = run(true);
    assertTrue(r.actions.toString().contains("(holds another unit)"),
        r.actions + " " + r.problems);
    assertVerified();
    assertDistinct();
  }

  @Test
  @Order(5)
  void aDecommissioningDataNodeIsEmptiedOfWideGroupUnits() throws Exception {
    String parity = wide.unitNodes().keySet().iterator().next();
    DatanodeInfo leaving = WideLayout.load(wide.dfs(), parity).units[2].nodes.get(0);
    FSNamesystem fsn = wide.cluster.mini().getNamesystem();
    DatanodeDescriptor d = fsn.getBlockManager().getDatanodeManager()
        .getDatanode(leaving.getDatanodeUuid());
    fsn.writeLock();
    try {
      fsn.getBlockManager().getDatanodeManager().getDatanodeAdminManager().startDecommission(d);
    } finally {
      fsn.writeUnlock();
    }
    MaintenanceReport r = run(true);
    assertTrue(r.problems.isEmpty(), r.problems.toString());
    // HDFS keeps listing a replicated block's copy on a decommissioning DataNode until the node
    // is gone (a parity unit); an internal block's extra copy it deletes (a data unit).
    Poll.until("every unit on the decommissioning DataNode has a copy in service elsewhere",
        180_000, () -> {
          for (String p : WideGroups.parityFiles(wide.dfs(), WideCluster.TREE)) {
            for (WideLayout.Unit unit : WideLayout.load(wide.dfs(), p).units) {
              boolean elsewhere = false;
              for (DatanodeInfo dn : unit.nodes) {
                elsewhere |= !dn.getDatanodeUuid().equals(leaving.getDatanodeUuid())
                    && dn.isInService();
              }
              if (!elsewhere) {
                run(true); // the NameNode's own copies may need sorting out too
                return false;
              }
            }
          }
          return true;
        });
    MaintenanceReport again = run(true);
    assertTrue(again.actions.isEmpty(), "a moved unit is not moved again: " + again.actions);
    assertVerified();
    assertDistinct();
  }

  @Test
  @Order(6)
  void deletingAMemberLeavesTheOthersProtected() throws Exception {
    String victim = WideCluster.TREE + "/f1";
    wide.dfs().delete(new Path(victim), false);
    wide.contents.remove(victim);
    MaintenanceReport v = run(false);
    assertTrue(v.problems.toString().contains("is gone"), v.problems.toString());
    MaintenanceReport r = run(true);
    assertTrue(r.actions.toString().contains("re-protected"), r.actions + " " + r.problems);
    assertVerified();
    // three failures among the survivors' group still read correctly
    for (Map.Entry<String, List<String>> g : wide.unitNodes().entrySet()) {
      WideLayout l = WideLayout.load(wide.dfs(), g.getKey());
      if (l.group.getMembersList().stream().anyMatch(m -> m.getRemoved())) {
        List<String> nodes = new ArrayList<>(new HashSet<>(g.getValue()));
        Collections.sort(nodes);
        for (String uuid : nodes.subList(0, 3)) {
          wide.stop(uuid);
        }
      }
    }
    wide.checkReads(new Random(WideCluster.SEED + 9));
    wide.restartAll();
  }

  private static void assertDistinct() throws Exception {
    for (Map.Entry<String, List<String>> g : wide.unitNodes().entrySet()) {
      assertEquals(g.getValue().size(), new HashSet<>(g.getValue()).size(),
          g.getKey() + " has two units on one DataNode: " + g.getValue());
    }
  }
}
