package org.bart.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.bart.plan.approach.Approach;
import org.junit.jupiter.api.Test;

/**
 * Every approach yields a valid plan (TransitionPlan checks the invariants) on random problems of assorted
 * codes, and plans are a pure function of problem and seed.
 */
class PlannerPropertyTest {

  private static final long SEED = TestSeed.of(6);

  private static final CodeParams[] CODES = {
      CodeParams.of(6, 3, 18, 3), CodeParams.of(4, 2, 8, 2), CodeParams.of(6, 3, 12, 2), CodeParams.of(3, 2, 12, 1),
      CodeParams.of(2, 2, 6, 2)};

  @Test
  void everyApproachPlansValidly() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int trial = 0; trial < 25; trial++) {
      CodeParams code = CODES[trial % CODES.length];
      int nodes = Math.max(code.nF(), code.nI()) + random.nextInt(30);
      int stripes = code.lambda() * (1 + random.nextInt(60));
      BandwidthProfile bw = randomProfile(random, nodes);
      PlanningProblem p = new PlanningProblem(code, nodes,
          PlacementGenerator.generate(code, nodes, stripes, Rng.fast(random.nextLong())), bw);
      for (Approach a : Approach.values()) {
        String where = a.label() + " trial " + trial + " " + code + " N=" + nodes + " S=" + stripes + ", seed "
            + SEED;
        TransitionPlan plan = a.planner().plan(p, Rng.fast(random.nextLong()));
        LoadStats loads = plan.loadStats();
        long recv = 0;
        for (int r : loads.recv()) {
          recv += r;
        }
        assertEquals(loads.bandwidth(), recv, where);
        EncodeMethod expected = a == Approach.RDRE || a == Approach.BWRE ? EncodeMethod.RE_ENCODE
            : EncodeMethod.PARITY_MERGE;
        for (PlannedGroup g : plan.groups()) {
          assertEquals(expected, g.method(), where);
        }
      }
    }
  }

  @Test
  void sameSeedSamePlanAndBtEqualsBtpm() {
    CodeParams code = CodeParams.of(6, 3, 18, 3);
    PlanningProblem p = new PlanningProblem(code, 40,
        PlacementGenerator.generate(code, 40, 300, Rng.fast(SEED)), null);
    long seed = SEED & 0xFFFFFFFFL;
    List<PlannedGroup> a = Approach.BTPM.planner().plan(p, Rng.exact(seed)).groups();
    List<PlannedGroup> b = Approach.BT.planner().plan(p, Rng.exact(seed)).groups();
    for (int g = 0; g < a.size(); g++) {
      assertArrayEquals(a.get(g).members(), b.get(g).members(), "seed " + SEED);
      assertArrayEquals(a.get(g).mergeNodes(), b.get(g).mergeNodes(), "seed " + SEED);
      assertArrayEquals(a.get(g).postPlacement(), b.get(g).postPlacement(), "seed " + SEED);
    }
  }

  private static BandwidthProfile randomProfile(SplittableRandom random, int nodes) {
    double[] up = new double[nodes];
    double[] down = new double[nodes];
    for (int n = 0; n < nodes; n++) {
      up[n] = 10 + 990 * random.nextDouble();
      down[n] = 10 + 990 * random.nextDouble();
    }
    return new BandwidthProfile(up, down);
  }
}
