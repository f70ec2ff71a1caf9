package org.bart.plan;

import static org.bart.plan.CodeParamsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bart.plan.approach.Approach;
import org.junit.jupiter.api.Test;

class ApproachTest {

  private static final long SEED = TestSeed.of(5);

  @Test
  void parsesBartsNames() {
    for (Approach a : Approach.values()) {
      assertEquals(a, Approach.parse(a.label()));
    }
    assertEquals(Approach.BT_WEIGHTED, Approach.parse("BTWeighted"));
    assertMessage("invalid approach 'btpm', expected one of RDRE, RDPM, BWRE, BWPM, BTRE, BT, BTPM, BTWeighted,"
        + " LSPM",
        () -> Approach.parse("btpm"));
  }

  @Test
  void groupingApproachesNeedLambdaOfTwo() {
    CodeParams code = CodeParams.of(4, 2, 4, 2); // lambda 1
    PlanningProblem p = new PlanningProblem(code, 8,
        PlacementGenerator.generate(code, 8, 10, Rng.fast(SEED)), null);
    for (Approach a : new Approach[] {Approach.BWRE, Approach.BWPM, Approach.BTRE, Approach.BT, Approach.BTPM}) {
      assertMessage("stripe grouping needs lambda = k_f / k_i >= 2", () -> a.planner().plan(p, Rng.fast(SEED)));
    }
    // The random baselines group in sequence and handle lambda = 1.
    assertEquals(10, Approach.RDPM.planner().plan(p, Rng.fast(SEED)).groups().size());
  }

  @Test
  void btWeightedNeedsABandwidthProfile() {
    CodeParams code = CodeParams.of(2, 1, 4, 1);
    PlanningProblem p = new PlanningProblem(code, 6,
        PlacementGenerator.generate(code, 6, 10, Rng.fast(SEED)), null);
    assertTrue(Approach.BT_WEIGHTED.needsBandwidthProfile());
    assertMessage("BTWeighted needs a bandwidth profile", () -> Approach.BT_WEIGHTED.planner().plan(p,
        Rng.fast(SEED)));
  }
}
