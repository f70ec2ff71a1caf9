package org.bart.plan;

/**
 * Random pre-placements, as BART's {@code GenPrePlacement} ({@code StripeGenerator::genRandomStripes}, spec
 * §1.4): each stripe is the first n_i entries of a fresh shuffle of all node ids, so every stripe is a
 * uniformly random ordered set of distinct nodes, independent of the others.
 */
public final class PlacementGenerator {

  private PlacementGenerator() {
  }

  /**
   * @return numStripes rows of n_i node ids; with {@link Rng#exact(long)} equal to GenPrePlacement run with
   *     {@code BART_SEED} = the seed
   * @throws IllegalArgumentException if numNodes is below n_i or above 65534, or numStripes is not a positive
   *     multiple of lambda (GenPrePlacement's own check)
   */
  public static int[][] generate(CodeParams code, int numNodes, int numStripes, Rng rng) {
    if (numNodes < code.nI() || numNodes >= PlanningProblem.MAX_NODES) {
      throw new IllegalArgumentException("need n_i = " + code.nI() + " to " + (PlanningProblem.MAX_NODES - 1)
          + " nodes, got " + numNodes);
    }
    if (numStripes <= 0 || numStripes % code.lambda() != 0) {
      throw new IllegalArgumentException("the number of stripes must be a positive multiple of lambda = "
          + code.lambda() + ", got " + numStripes);
    }
    int[][] stripes = new int[numStripes][code.nI()];
    int[] nodes = new int[numNodes];
    for (int[] stripe : stripes) {
      for (int n = 0; n < numNodes; n++) {
        nodes[n] = n;
      }
      rng.shuffle(nodes);
      System.arraycopy(nodes, 0, stripe, 0, stripe.length);
    }
    return stripes;
  }
}
