package org.bart.namenode.transition;

import java.io.IOException;
import org.bart.conf.BartConfigKeys;
import org.bart.plan.approach.Approach;

/**
 * How many narrow stripes an approach may plan at once inside the NameNode. BART's exact ports
 * (BWPM, BTPM, BTWeighted and their re-encoding variants) are quadratic in time and memory, as
 * BART's C++ is: 30 000 stripes on 300 nodes took 12.5 s and 730 MB, 120 000 did not fit in 6 GB.
 * They plan at most {@link #EXACT_MAX_STRIPES} per batch (about 1 s and 80 MB). LSPM (the default)
 * and the random RDPM/RDRE are near-linear and unbounded; a batch holds what
 * {@code dfs.bart.transition.batch.groups} allows.
 */
final class PlannerBound {

  /** Stripes per batch the quadratic approaches may plan. */
  static final int EXACT_MAX_STRIPES = 10_000;

  private PlannerBound() {
  }

  /** Most stripes {@code approach} may plan at once. */
  static int maxStripes(Approach approach) {
    switch (approach) {
      case LSPM:
      case RDPM:
      case RDRE:
        return Integer.MAX_VALUE;
      default:
        return EXACT_MAX_STRIPES;
    }
  }

  /**
   * Refuses, before anything is done, a batch size the approach could not plan.
   *
   * @throws IOException naming the approach, the bound and the key to lower
   */
  static void check(Approach approach, int batchGroups, int lambda) throws IOException {
    long stripes = (long) batchGroups * lambda;
    if (stripes > maxStripes(approach)) {
      throw new IOException("approach " + approach.label() + " plans at most "
          + maxStripes(approach) + " narrow stripes per batch inside the NameNode (its time and "
          + "memory grow with the square of the stripes); " + BartConfigKeys.TRANSITION_BATCH_GROUPS
          + " = " + batchGroups + " with lambda " + lambda + " makes batches of " + stripes
          + ": set it to at most " + maxStripes(approach) / lambda + ", or use LSPM");
    }
  }

  /**
   * Refuses a batch over the bound (one file larger than a batch).
   *
   * @throws IOException naming the approach and the sizes
   */
  static void checkBatch(Approach approach, int stripes) throws IOException {
    if (stripes > maxStripes(approach)) {
      throw new IOException("approach " + approach.label() + " cannot plan a batch of " + stripes
          + " narrow stripes inside the NameNode (at most " + maxStripes(approach) + "); use LSPM");
    }
  }
}
