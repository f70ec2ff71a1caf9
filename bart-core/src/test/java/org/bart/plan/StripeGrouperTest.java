package org.bart.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The streaming grouper keeps exactly the groups, in exactly the order, of BART's materialise-and-bucket
 * grouping, and its incremental cost equals BART's dense getTransBW.
 */
class StripeGrouperTest {

  private static final long SEED = TestSeed.of(4);

  private static final CodeParams[] CODES = {
      CodeParams.of(2, 1, 4, 1), CodeParams.of(2, 2, 6, 2), CodeParams.of(3, 2, 12, 2), CodeParams.of(4, 2, 8, 2),
      CodeParams.of(2, 3, 6, 2)};

  @Test
  void streamingGroupingEqualsBucketGrouping() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int trial = 0; trial < 60; trial++) {
      PlanningProblem p = randomProblem(random);
      for (CostModel model : CostModel.values()) {
        String where = "trial " + trial + " " + p.code() + " N=" + p.numNodes() + " S=" + p.numStripes() + " "
            + model + ", seed " + SEED;
        int[][] expected = NaiveGrouping.group(p, model);
        int[][] actual = StripeGrouper.group(p, model);
        assertEquals(expected.length, actual.length, where);
        for (int g = 0; g < expected.length; g++) {
          assertArrayEquals(expected[g], actual[g], where + ", group " + g);
        }
      }
    }
  }

  @Test
  void candidateCostEqualsDenseCostAndBoundsIt() {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    for (int trial = 0; trial < 40; trial++) {
      PlanningProblem p = randomProblem(random);
      for (CostModel model : CostModel.values()) {
        CandidateCost cost = new CandidateCost(p, model);
        for (int size = 1; size < p.code().lambda(); size++) {
          int[] partial = random.ints(0, p.numStripes()).distinct().limit(size + 1L).toArray();
          int s = partial[size];
          partial = Arrays.copyOf(partial, size);
          Arrays.sort(partial);
          cost.load(partial);
          int[] group = Arrays.copyOf(partial, size + 1);
          group[size] = s;
          String where = "trial " + trial + " " + p.code() + " " + model + " partial "
              + Arrays.toString(partial) + " + " + s + ", seed " + SEED;
          int exact = NaiveGrouping.transBw(p, group, model);
          assertEquals(exact, cost.cost(s), where);
          assertEquals(true, cost.lowerBound(s) <= exact, where);
        }
      }
    }
  }

  /** Few nodes and many stripes, so that costs tie and parities share nodes often. */
  private static PlanningProblem randomProblem(SplittableRandom random) {
    CodeParams code = CODES[random.nextInt(CODES.length)];
    int nodes = Math.max(code.nF(), code.nI()) + random.nextInt(5);
    int stripes = code.lambda() * (4 + random.nextInt(20));
    return new PlanningProblem(code, nodes,
        PlacementGenerator.generate(code, nodes, stripes, Rng.fast(random.nextLong())), null);
  }
}
