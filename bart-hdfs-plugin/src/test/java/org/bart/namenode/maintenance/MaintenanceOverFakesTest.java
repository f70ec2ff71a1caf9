package org.bart.namenode.maintenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.bart.datanode.wide.ErasurePatterns;
import org.bart.datanode.wide.TestSeed;
import org.bart.fake.FakeCluster;
import org.bart.fake.FakeGroupLocations;
import org.bart.fake.FakeMaintenanceAgents;
import org.bart.namenode.hdfs.InodeInfo;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.WideLayout;
import org.bart.namenode.metrics.CoordinatorMetrics;
import org.bart.namenode.transition.FakeTransition;
import org.bart.namenode.transition.FakeTree;
import org.bart.namenode.transition.TreeState;
import org.bart.report.MaintenanceReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Repair and verify through the coordinator's real {@link Maintenance} (its decisions, rebuild
 * queue, re-protection and verification) over the in-memory cluster, on a tree transitioned there
 * into three (6,3,3) groups: the agents' rebuilds run the real wide-read decode over the fake
 * replicas. Every pattern of up to m lost units of a group is rebuilt byte for byte; units of dead
 * DataNodes are rebuilt, a doubled-up unit and a leaving DataNode's are moved, and the members
 * left by a deleted file are re-protected.
 */
class MaintenanceOverFakesTest {

  private static final int DATANODES = 24;
  /** 4 + 2 + 3 stripes: three wide groups of lambda 3. */
  private static final int[] GROUPS = {4, 2, 3};
  private static final String TREE = "/data";

  private static CoordinatorMetrics metrics;
  private final Random random = TestSeed.forClass(MaintenanceOverFakesTest.class);

  @BeforeAll
  static void registerMetrics() {
    metrics = CoordinatorMetrics.register();
  }

  @AfterAll
  static void unregisterMetrics() {
    metrics.unregister();
  }

  /** A tree transitioned on a fresh fake cluster, and a coordinator process to maintain it. */
  private static final class Scene {
    final FakeCluster cluster = new FakeCluster(DATANODES, true);
    final FakeTree tree;
    final FakeCluster.Process p;
    final FakeGroupLocations where;

    Scene(Random random) throws IOException {
      tree = new FakeTree(cluster, TREE, GROUPS, random);
      FakeTransition.run(cluster, cluster.start(), tree, random.nextInt(Integer.MAX_VALUE));
      p = cluster.start();
      where = new FakeGroupLocations(cluster, p.namespace());
    }

    Maintenance maintenance() {
      return new Maintenance(p.namespace(), where,
          nodes -> new FakeMaintenanceAgents(cluster, nodes), cluster.registry(),
          new Configuration(false), metrics, block -> Collections.<String>emptySet());
    }

    MaintenanceReport repair() throws IOException {
      return maintenance().repair(TREE);
    }

    MaintenanceReport verify() throws IOException {
      return maintenance().verify(TREE);
    }

    List<String> parities() throws IOException {
      List<String> out = new ArrayList<>();
      for (InodeInfo i : p.namespace().list(BartPaths.groupsDir(TREE))) {
        out.add(i.path());
      }
      return out;
    }

    /** The bytes of every unit of the group, where the NameNode lists it. */
    byte[][] unitBytes(String parity) throws IOException {
      WideLayout l = where.layout(parity);
      byte[][] out = new byte[l.units.length][];
      for (int u = 0; u < out.length; u++) {
        if (l.units[u].block == null) {
          continue; // a removed member's: zeros
        }
        long id = l.units[u].block.getBlockId();
        int at = cluster.location(id);
        out[u] = at < 0 ? null : cluster.replica(at, id).bytes();
      }
      return out;
    }

    void assertWholeAndVerified(String context) throws IOException {
      for (String parity : parities()) {
        WideLayout l = where.layout(parity);
        Set<String> nodes = new HashSet<>();
        for (WideLayout.Unit u : l.units) {
          if (u.block == null) {
            continue; // a removed member's unit: zeros, stored nowhere
          }
          assertEquals(1, u.nodes.size(), parity + context);
          assertTrue(nodes.add(u.nodes.get(0).getDatanodeUuid()),
              parity + ": two units on " + u.nodes.get(0) + context);
        }
      }
      MaintenanceReport v = verify();
      assertEquals(Collections.emptyList(), v.problems, context);
      assertEquals(3, v.groupsChecked, context);
    }
  }

  private static long count(MaintenanceReport r, String prefix) {
    return r.actions.stream().filter(a -> a.startsWith(prefix)).count();
  }

  @Test
  void everyPatternOfUpToMLostUnitsOfAGroupIsRebuiltByteForByte() throws Exception {
    Scene s = new Scene(random);
    String parity = s.parities().get(0);
    byte[][] want = s.unitBytes(parity);
    int patterns = 0;
    for (int[] pattern : ErasurePatterns.upTo(want.length, 3)) {
      if (pattern.length == 0) {
        continue;
      }
      WideLayout before = s.where.layout(parity);
      for (int u : pattern) {
        s.cluster.lose(before.units[u].block.getBlockId());
      }
      String context = " (lost units " + Arrays.toString(pattern) + ", "
          + TestSeed.reproduce() + ")";
      MaintenanceReport r = s.repair();
      assertEquals(Collections.emptyList(), r.problems, context);
      assertEquals(pattern.length, count(r, "rebuilt "), r.actions + context);
      byte[][] got = s.unitBytes(parity);
      for (int u = 0; u < want.length; u++) {
        assertArrayEquals(want[u], got[u], "unit " + u + context);
      }
      patterns++;
    }
    assertEquals(21 + 210 + 1330, patterns, "patterns of 1 to 3 of 21 units");
    new TreeState(s.cluster, s.tree, TestSeed.reproduce()).assertCommitted();
    s.assertWholeAndVerified(" " + TestSeed.reproduce());
  }

  /**
   * A directory holding two transitioned trees: -verify and -repair of it (and of "/") cover both,
   * not only the first the index lists; a path inside one tree means that tree.
   */
  @Test
  void aPathAboveSeveralTreesCoversEachOfThem() throws Exception {
    Scene s = new Scene(random);
    String second = "/more/data";
    FakeTransition.run(s.cluster, s.cluster.start(), new FakeTree(s.cluster, second,
        new int[] {3}, random), random.nextInt(Integer.MAX_VALUE));
    Maintenance m = s.maintenance();
    assertEquals(Arrays.asList(TREE, second), sorted(m.verify("/").trees), "/");
    assertEquals(3 + 1, m.verify("/").groupsChecked, "/");
    assertEquals(Collections.singletonList(second), m.verify("/more").trees, "/more");
    assertEquals(Collections.singletonList(TREE), m.repair(TREE + "/f0").trees, TREE + "/f0");
  }

  private static List<String> sorted(List<String> trees) {
    List<String> out = new ArrayList<>(trees);
    Collections.sort(out);
    return out;
  }

  @Test
  void theUnitsOfThreeDeadDataNodesAreRebuiltInEveryGroup() throws Exception {
    Scene s = new Scene(random);
    WideLayout l = s.where.layout(s.parities().get(0));
    Set<String> dead = new HashSet<>();
    for (int u : new int[] {0, 7, 19}) {
      dead.add(l.units[u].nodes.get(0).getDatanodeUuid());
    }
    int held = 0;
    for (String parity : s.parities()) {
      for (WideLayout.Unit u : s.where.layout(parity).units) {
        held += dead.contains(u.nodes.get(0).getDatanodeUuid()) ? 1 : 0;
      }
    }
    for (int i = 0; i < s.cluster.size(); i++) {
      if (dead.contains(s.cluster.datanode(i).getDatanodeUuid())) {
        s.cluster.kill(i);
      }
    }
    MaintenanceReport v = s.verify();
    assertTrue(v.problems.toString().contains("has no live replica"), v.problems.toString());
    MaintenanceReport r = s.repair();
    assertEquals(Collections.emptyList(), r.problems);
    assertEquals(held, count(r, "rebuilt "), r.actions.toString());
    new TreeState(s.cluster, s.tree, TestSeed.reproduce()).assertCommitted();
    s.assertWholeAndVerified(" " + TestSeed.reproduce());
  }

  @Test
  void aUnitMovedOntoTheDataNodeOfAnotherIsMovedOff() throws Exception {
    Scene s = new Scene(random);
    String parity = s.parities().get(0);
    WideLayout l = s.where.layout(parity);
    DatanodeInfo a = l.units[6].nodes.get(0);
    s.cluster.move(l.units[1].block.getBlockId(), index(s, a));
    MaintenanceReport v = s.verify();
    assertTrue(v.problems.toString().contains("units 1 and 6 are both on DataNode "
        + a.getXferAddr()), v.problems.toString());
    MaintenanceReport r = s.repair();
    assertEquals(Collections.emptyList(), r.problems);
    assertEquals(1, count(r, "moved unit "), r.actions.toString());
    assertTrue(r.actions.toString().contains("(holds another unit)"), r.actions.toString());
    new TreeState(s.cluster, s.tree, TestSeed.reproduce()).assertCommitted();
    s.assertWholeAndVerified(" " + TestSeed.reproduce());
  }

  @Test
  void aDecommissioningDataNodeIsEmptiedOfUnits() throws Exception {
    Scene s = new Scene(random);
    DatanodeInfo leaving = s.where.layout(s.parities().get(0)).units[2].nodes.get(0);
    s.cluster.decommission(index(s, leaving));
    MaintenanceReport v = s.verify();
    assertTrue(v.problems.toString().contains("is on leaving DataNode"), v.problems.toString());
    MaintenanceReport r = s.repair();
    assertEquals(Collections.emptyList(), r.problems);
    assertTrue(r.actions.toString().contains("(leaving)"), r.actions.toString());
    for (String parity : s.parities()) {
      for (WideLayout.Unit u : s.where.layout(parity).units) {
        assertFalse(u.nodes.get(0).getDatanodeUuid().equals(leaving.getDatanodeUuid()),
            parity + " keeps a unit on the leaving DataNode");
      }
    }
    assertEquals(Collections.emptyList(), s.repair().actions, "nothing is moved twice");
    new TreeState(s.cluster, s.tree, TestSeed.reproduce()).assertCommitted();
    s.assertWholeAndVerified(" " + TestSeed.reproduce());
  }

  @Test
  void theMembersLeftByADeletedFileAreReprotected() throws Exception {
    Scene s = new Scene(random);
    assertTrue(s.p.namespace().delete(TREE + "/f1", false));
    MaintenanceReport v = s.verify();
    assertTrue(v.problems.toString().contains("is gone"), v.problems.toString());
    MaintenanceReport r = s.repair();
    assertEquals(Collections.emptyList(), r.problems);
    long reprotected = count(r, "re-protected ");
    assertTrue(reprotected > 0, r.actions.toString());
    // verify recomputes each wide parity from the survivors, the removed units as zeros
    s.assertWholeAndVerified(" " + TestSeed.reproduce());
    // and a re-protected group rebuilds any m of its survivors' units byte for byte
    for (String parity : s.parities()) {
      WideLayout l = s.where.layout(parity);
      if (l.group.getMembersList().stream().noneMatch(m -> m.getRemoved())) {
        continue;
      }
      byte[][] want = s.unitBytes(parity);
      List<Integer> held = new ArrayList<>();
      for (int u = 0; u < l.units.length; u++) {
        if (l.units[u].block != null) {
          held.add(u);
        }
      }
      Collections.shuffle(held, random);
      for (int u : held.subList(0, 3)) {
        s.cluster.lose(l.units[u].block.getBlockId());
      }
      MaintenanceReport again = s.repair();
      assertEquals(Collections.emptyList(), again.problems);
      assertEquals(3, count(again, "rebuilt "), again.actions.toString());
      byte[][] got = s.unitBytes(parity);
      for (int u : held) {
        assertArrayEquals(want[u], got[u], parity + " unit " + u + " " + TestSeed.reproduce());
      }
    }
  }

  private static int index(Scene s, DatanodeInfo dn) {
    for (int i = 0; i < s.cluster.size(); i++) {
      if (s.cluster.datanode(i).getDatanodeUuid().equals(dn.getDatanodeUuid())) {
        return i;
      }
    }
    throw new AssertionError("no DataNode " + dn);
  }
}
