package org.bart.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.bart.plan.approach.Approach;
import org.junit.jupiter.api.Test;

class RackSpreadTest {

  private static final long SEED = Long.getLong("bart.test.seed", 20261123L);

  private static TransitionPlan btpm(int nodes, int stripes, long seed) {
    CodeParams code = CodeParams.of(6, 3, 18, 3);
    int[][] pre = PlacementGenerator.generate(code, nodes, stripes, Rng.exact(seed));
    return Approach.BTPM.planner().plan(new PlanningProblem(code, nodes, pre, null),
        Rng.exact(seed));
  }

  @Test
  void everyMemberSpansMinOfKAndRacksAndBlocksStayDistinct() {
    TransitionPlan plan = btpm(30, 120, SEED);
    int[] racks = new int[30];
    for (int n = 0; n < 30; n++) {
      racks[n] = n % 4; // 4 racks
    }
    TransitionPlan spread = RackSpread.apply(plan, racks); // the constructor checks distinctness
    for (PlannedGroup g : spread.groups()) {
      for (int s = 0; s < 3; s++) {
        Set<Integer> r = new HashSet<>();
        for (int b = 0; b < 6; b++) {
          r.add(racks[g.postNode(s * 6 + b)]);
        }
        assertEquals(4, r.size(), "seed " + SEED);
      }
    }
    assertTrue(spread.loadStats().bandwidth() >= plan.loadStats().bandwidth());
  }

  @Test
  void aTightClusterOf24NodesIn4RacksIsAlwaysSpread() {
    int[] racks = new int[24];
    for (int n = 0; n < 24; n++) {
      racks[n] = n % 4; // 6 nodes a rack; a wide stripe uses 21 of the 24
    }
    for (long seed = 1; seed <= 40; seed++) {
      TransitionPlan spread = RackSpread.apply(btpm(24, 18, SEED + seed), racks);
      for (PlannedGroup g : spread.groups()) {
        for (int s = 0; s < 3; s++) {
          Set<Integer> r = new HashSet<>();
          for (int b = 0; b < 6; b++) {
            r.add(racks[g.postNode(s * 6 + b)]);
          }
          assertEquals(4, r.size(), "seed " + (SEED + seed));
        }
      }
    }
  }

  @Test
  void aSingleRackChangesNothing() {
    TransitionPlan plan = btpm(30, 120, SEED);
    assertSame(plan, RackSpread.apply(plan, new int[30]));
  }
}
