package org.bart.namenode.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bart.namenode.maintenance.RepairDecisions.Candidate;
import org.bart.namenode.maintenance.RepairDecisions.Replica;
import org.bart.namenode.maintenance.RepairDecisions.Unit;
import org.junit.jupiter.api.Test;

/**
 * Repair's decisions for a (6,3,3) wide group of 21 units on 21 of 30 DataNodes in 5 racks
 * (node i on rack i % 5), without a cluster: every pattern of lost units, targets, misplacements.
 */
class RepairDecisionsTest {

  private static final int K = 6;
  private static final int DATA_UNITS = 18;
  private static final int UNITS = 21;
  private static final int NODES = 30;
  private static final long LENGTH = 1 << 20;

  private static String uuid(int node) {
    return "dn-" + node;
  }

  private static String rack(int node) {
    return "/rack" + node % 5;
  }

  private static Replica on(int node) {
    return new Replica(uuid(node), rack(node), true);
  }

  /** Unit u on node u. */
  private static List<Unit> healthyGroup() {
    List<Unit> units = new ArrayList<>();
    for (int u = 0; u < UNITS; u++) {
      units.add(new Unit(true, LENGTH, Arrays.asList(on(u))));
    }
    return units;
  }

  private static List<Candidate> allNodes(Set<Integer> stale) {
    List<Candidate> c = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      c.add(new Candidate(uuid(i), rack(i), !stale.contains(i)));
    }
    return c;
  }

  /** Every pattern of at most m = 3 dead DataNodes among the group's 21. */
  private static List<int[]> patterns() {
    List<int[]> out = new ArrayList<>();
    out.add(new int[0]);
    for (int a = 0; a < UNITS; a++) {
      out.add(new int[] {a});
      for (int b = a + 1; b < UNITS; b++) {
        out.add(new int[] {a, b});
        for (int c = b + 1; c < UNITS; c++) {
          out.add(new int[] {a, b, c});
        }
      }
    }
    return out;
  }

  @Test
  void everyPatternOfDeadDataNodesIsRebuiltExactlyOnFreshFreeNodes() {
    List<int[]> patterns = patterns();
    assertEquals(1 + 21 + 210 + 1330, patterns.size());
    RepairDecisions d = new RepairDecisions(K, DATA_UNITS, healthyGroup());
    for (int[] dead : patterns) {
      Set<String> live = new HashSet<>();
      Set<Integer> deadSet = new HashSet<>();
      for (int x : dead) {
        deadSet.add(x);
      }
      for (int i = 0; i < NODES; i++) {
        if (!deadSet.contains(i)) {
          live.add(uuid(i));
        }
      }
      List<Integer> lost = d.unavailable(live);
      List<Integer> expected = new ArrayList<>();
      for (int x : dead) {
        expected.add(x); // unit x lived on node x
      }
      assertEquals(expected, lost, "dead " + Arrays.toString(dead));
      for (int u : lost) {
        int t = d.target(u, allNodes(deadSet));
        assertTrue(t >= UNITS, "unit " + u + " of pattern " + Arrays.toString(dead)
            + " must go to a node holding nothing of the group, got " + t);
      }
    }
  }

  @Test
  void aDataUnitGoesToARackItsMemberDoesNotUseWhenThereIsOne() {
    // Member 0 holds units 0-5 on nodes 0-5, racks 0 1 2 3 4 0. Without unit 2 it uses racks
    // 0 1 3 4: the first free node, 21, is on rack 1; node 22 on rack 2 is chosen.
    RepairDecisions d = new RepairDecisions(K, DATA_UNITS, healthyGroup());
    assertEquals(22, d.target(2, allNodes(new HashSet<>())));
    // Without unit 0 member 0 still uses every rack: the first free node.
    assertEquals(21, d.target(0, allNodes(new HashSet<>())));
    // A parity unit has no member racks: the first free node.
    assertEquals(21, d.target(19, allNodes(new HashSet<>())));
  }

  @Test
  void staleAgentsAndNodesOfTheGroupAreNeverTargets() {
    RepairDecisions d = new RepairDecisions(K, DATA_UNITS, healthyGroup());
    Set<Integer> stale = new HashSet<>();
    for (int i = UNITS; i < NODES - 1; i++) {
      stale.add(i);
    }
    assertEquals(NODES - 1, d.target(20, allNodes(stale)));
    stale.add(NODES - 1);
    assertEquals(-1, d.target(20, allNodes(stale)), "no fresh node outside the group");
  }

  @Test
  void theLostUnitsOfOneGroupGetDistinctTargetsInOnePass() {
    RepairDecisions d = new RepairDecisions(K, DATA_UNITS, healthyGroup());
    Set<String> reserved = new HashSet<>();
    List<Integer> targets = new ArrayList<>();
    for (int u : new int[] {18, 19, 20}) { // three parities lost with nodes 18-20
      int t = d.target(u, allNodes(new HashSet<>()), reserved, new HashMap<>());
      reserved.add(uuid(t));
      targets.add(t);
    }
    assertEquals(Arrays.asList(21, 22, 23), targets);
  }

  @Test
  void aPassSpreadsItsRebuildsOverTheLeastLoadedFreeNodes() {
    RepairDecisions d = new RepairDecisions(K, DATA_UNITS, healthyGroup());
    Map<String, Integer> assigned = new HashMap<>();
    assigned.put(uuid(21), 2);
    assigned.put(uuid(22), 1);
    assigned.put(uuid(23), 1);
    // A parity unit: no rack preference; nodes 24-29 have nothing assigned.
    assertEquals(24, d.target(20, allNodes(new HashSet<>()), new HashSet<>(), assigned));
    for (int i = 24; i < NODES; i++) {
      assigned.put(uuid(i), 2);
    }
    assertEquals(22, d.target(20, allNodes(new HashSet<>()), new HashSet<>(), assigned));
    // A data unit still goes to a rack its member does not use first: node 22 or 27 (rack 2).
    assigned.put(uuid(22), 3);
    assertEquals(27, d.target(2, allNodes(new HashSet<>()), new HashSet<>(), assigned));
  }

  @Test
  void unitsWithoutBlockOrBytesAreNeverRebuilt() {
    List<Unit> units = healthyGroup();
    units.set(6, new Unit(false, LENGTH, new ArrayList<>())); // a gone member's unit
    units.set(7, new Unit(true, 0, new ArrayList<>())); // past a short member's end
    RepairDecisions d = new RepairDecisions(K, DATA_UNITS, units);
    Set<String> live = new HashSet<>();
    for (int i = 0; i < NODES; i++) {
      live.add(uuid(i));
    }
    assertTrue(d.unavailable(live).isEmpty());
  }

  @Test
  void theSecondUnitOnADataNodeAndReplicasOnLeavingNodesMove() {
    List<Unit> units = healthyGroup();
    units.set(9, new Unit(true, LENGTH, Arrays.asList(on(3)))); // shares node 3 with unit 3
    Replica leaving = new Replica(uuid(12), rack(12), false);
    units.set(12, new Unit(true, LENGTH, Arrays.asList(leaving)));
    RepairDecisions d = new RepairDecisions(K, DATA_UNITS, units);
    assertNull(d.misplacement(3, d.replica(3, 0)), "the first unit on node 3 stays");
    assertEquals("holds another unit", d.misplacement(9, d.replica(9, 0)));
    assertEquals("leaving", d.misplacement(12, d.replica(12, 0)));
    for (int u = 0; u < UNITS; u++) {
      if (u != 9 && u != 12) {
        assertNull(d.misplacement(u, d.replica(u, 0)), "unit " + u);
      }
    }
    // Node 9 holds nothing of the group now and is on rack 4, which member 1 does not use.
    assertEquals(9, d.target(9, allNodes(new HashSet<>())));
  }

  @Test
  void aLeavingCopyOfAUnitThatHasAnotherInServiceStays() {
    List<Unit> units = healthyGroup();
    // Unit 12 was moved to node 20 off leaving node 12, whose copy HDFS still lists.
    Replica leaving = new Replica(uuid(12), rack(12), false);
    units.set(12, new Unit(true, LENGTH, Arrays.asList(leaving, on(20))));
    RepairDecisions d = new RepairDecisions(K, DATA_UNITS, units);
    assertNull(d.misplacement(12, d.replica(12, 0)), "moved once, not again");
    assertNull(d.misplacement(12, d.replica(12, 1)));
    // A corrupt copy in service does not count: the leaving one must still move.
    units.set(12, new Unit(true, LENGTH, Arrays.asList(leaving,
        new Replica(uuid(20), rack(20), true, true))));
    d = new RepairDecisions(K, DATA_UNITS, units);
    assertEquals("leaving", d.misplacement(12, d.replica(12, 0)));
  }
}
