package org.bart.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.bart.plan.approach.Approach;
import org.junit.jupiter.api.Test;

/**
 * Shortened stripes: an absent data block sits alone on a virtual node (ids from targetNodes on). Every
 * approach plans around them without moving one, merging on one or sending anything to one, and a plan that
 * does is refused.
 */
class AbsentBlocksPlanTest {

  private static final long SEED = TestSeed.of(12);

  @Test
  void everyApproachLeavesAbsentBlocksAndVirtualNodesAlone() {
    SplittableRandom random = new SplittableRandom(SEED);
    CodeParams[] codes = {CodeParams.of(6, 3, 18, 3), CodeParams.of(3, 2, 9, 2), CodeParams.of(2, 1, 6, 1)};
    for (int trial = 0; trial < 12; trial++) {
      CodeParams code = codes[trial % codes.length];
      int real = code.nF() + random.nextInt(12);
      int stripes = code.lambda() * (1 + random.nextInt(20));
      int[][] pre = PlacementGenerator.generate(code, real, stripes, Rng.fast(random.nextLong()));
      int virtual = 0;
      for (int[] stripe : pre) {
        // a shortened stripe keeps data blocks 0..present-1; about half the stripes are shortened
        int present = random.nextBoolean() ? code.kI() : 1 + random.nextInt(code.kI());
        for (int b = present; b < code.kI(); b++) {
          stripe[b] = real + virtual++;
        }
      }
      int nodes = real + virtual;
      PlanningProblem p = new PlanningProblem(code, real, nodes, pre, profile(random, nodes));
      for (Approach a : Approach.values()) {
        String where = a.label() + " trial " + trial + " " + code + " N=" + real + "+" + virtual + " S="
            + stripes + ", seed " + SEED;
        TransitionPlan plan = a.planner().plan(p, Rng.fast(random.nextLong())); // checks the invariants
        LoadStats loads = plan.loadStats();
        for (int v = real; v < nodes; v++) {
          assertEquals(0, loads.send()[v], where + ": sends of virtual node " + v);
          assertEquals(0, loads.recv()[v], where + ": receives of virtual node " + v);
        }
        for (PlannedGroup g : plan.groups()) {
          for (int e : g.mergeNodes()) {
            assertTrue(e < real, where + ": merge node " + e);
          }
        }
      }
    }
  }

  @Test
  void planMovingAnAbsentBlockOrMergingOnAVirtualNodeIsRefused() {
    CodeParams code = CodeParams.of(2, 1, 4, 1);
    // stripe 1 lacks data block 1: virtual node 5 (nodes 0..4 are real)
    int[][] pre = {{0, 1, 2}, {3, 5, 4}};
    PlanningProblem p = new PlanningProblem(code, 5, 6, pre, null);
    int[] members = {0, 1};
    new TransitionPlan("ok", p, List.of(new PlannedGroup(members, EncodeMethod.PARITY_MERGE,
        new int[] {2}, new int[] {0, 1, 3, 5, 2})));
    IllegalArgumentException moved = assertThrows(IllegalArgumentException.class, () -> new TransitionPlan(
        "moves", p, List.of(new PlannedGroup(members, EncodeMethod.PARITY_MERGE, new int[] {2},
            new int[] {0, 1, 3, 4, 2}))));
    assertTrue(moved.getMessage().contains("block 3 is absent (virtual node 5)"), moved.getMessage());
    IllegalArgumentException merged = assertThrows(IllegalArgumentException.class, () -> new TransitionPlan(
        "merges", p, List.of(new PlannedGroup(members, EncodeMethod.PARITY_MERGE, new int[] {5},
            new int[] {0, 1, 3, 5, 2}))));
    assertTrue(merged.getMessage().contains("merge node 5 is out of range (a virtual node)"),
        merged.getMessage());
  }

  @Test
  void virtualNodeHoldsOneAbsentDataBlockOnly() {
    CodeParams code = CodeParams.of(2, 1, 4, 1);
    IllegalArgumentException parity = assertThrows(IllegalArgumentException.class,
        () -> new PlanningProblem(code, 5, 6, new int[][] {{0, 1, 2}, {3, 4, 5}}, null));
    assertTrue(parity.getMessage().contains("holds parity block 0"), parity.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> new PlanningProblem(code, 5, 6, new int[][] {{0, 5, 2}, {3, 5, 4}}, null));
    assertTrue(twice.getMessage().contains("holds a second block"), twice.getMessage());
  }

  private static BandwidthProfile profile(SplittableRandom random, int nodes) {
    double[] up = new double[nodes];
    double[] down = new double[nodes];
    for (int n = 0; n < nodes; n++) {
      up[n] = 10 + 990 * random.nextDouble();
      down[n] = 10 + 990 * random.nextDouble();
    }
    return new BandwidthProfile(up, down);
  }
}
