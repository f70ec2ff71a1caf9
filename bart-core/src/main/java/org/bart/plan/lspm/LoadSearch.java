package org.bart.plan.lspm;

import java.util.SplittableRandom;
import org.bart.plan.PlanningProblem;

/**
 * Local search on the true loads (Step 4 of LSPM). Each move picks a group, half the time one holding a
 * parity on a hot node (a link above the cost threshold of {@link LinkLoads}), and either re-plans it
 * ({@link GroupPlans#replan}) or swaps one of its stripes with a stripe of another group sharing a parity
 * node with it and re-plans both. A move is kept when
 * <ul>
 *   <li>no link rises above the current maximum (so max_load never increases),
 *   <li>the total bandwidth stays at most {@code bandwidthCap}, and
 *   <li>cost change + {@code bandwidthWeight} x bandwidth change is at most 0 (ties are kept, so the search
 *       drifts along plateaus; a lower bandwidth at equal cost is an improvement),
 * </ul>
 * and undone otherwise. The number of moves is given, so the result depends only on the random state.
 */
final class LoadSearch {

  /** Moves between refreshes of the cold and hot link snapshots. */
  static final int REFRESH_EVERY = 256;

  private final PlanningProblem problem;
  private final Groups groups;
  private final GroupPlans plans;
  private final LinkLoads loads;
  private final ColdLinks cold;
  private final ParityBuckets buckets;
  private final double bandwidthWeight;
  private final long bandwidthCap;
  private final int kI;
  private final int mF;
  private final int lambda;
  private final int[] savedFirst;
  private final int[] savedSecond;
  private final int[] hot;
  private int numHot;
  private int sweep = -1;

  LoadSearch(PlanningProblem problem, Groups groups, GroupPlans plans, LinkLoads loads, ColdLinks cold,
      ParityBuckets buckets, double bandwidthWeight, long bandwidthCap) {
    this.problem = problem;
    this.groups = groups;
    this.plans = plans;
    this.loads = loads;
    this.cold = cold;
    this.buckets = buckets;
    this.bandwidthWeight = bandwidthWeight;
    this.bandwidthCap = bandwidthCap;
    this.kI = problem.code().kI();
    this.mF = problem.code().mF();
    this.lambda = groups.lambda();
    this.savedFirst = new int[mF + problem.code().nF()];
    this.savedSecond = new int[mF + problem.code().nF()];
    this.hot = new int[problem.numNodes()];
  }

  /**
   * Makes {@code moves} move attempts.
   *
   * @return the number of moves kept
   */
  long run(long moves, SplittableRandom random) {
    long kept = 0;
    for (long it = 0; it < moves; it++) {
      if (it % REFRESH_EVERY == 0) {
        cold.refresh();
        refreshHot();
      }
      int j = random.nextInt(mF);
      int x = pickStripe(j, random);
      boolean swap = lambda > 1 && random.nextBoolean();
      if (swap ? trySwap(x, j, random) : tryReplan(groups.groupOf(x), random)) {
        kept++;
      }
    }
    return kept;
  }

  private boolean tryReplan(int g, SplittableRandom random) {
    long bandwidthBefore = loads.bandwidth();
    plans.save(g, savedFirst);
    plans.apply(g, -1);
    plans.replan(g, bandwidthWeight, random);
    if (acceptable(bandwidthBefore)) {
      loads.commit();
      return true;
    }
    loads.rollback();
    plans.restore(g, savedFirst);
    return false;
  }

  /** Brings a stripe with P_j on x's P_j node into x's group, in exchange for another member. */
  private boolean trySwap(int x, int j, SplittableRandom random) {
    int g = groups.groupOf(x);
    int a = x;
    while (a == x) {
      a = groups.member(g, random.nextInt(lambda));
    }
    int node = problem.node(x, kI + j);
    int b = buckets.get(j, node, random.nextInt(buckets.size(j, node)));
    int h = groups.groupOf(b);
    if (h == g) {
      return tryReplan(g, random);
    }
    long bandwidthBefore = loads.bandwidth();
    plans.save(g, savedFirst);
    plans.save(h, savedSecond);
    plans.apply(g, -1);
    plans.apply(h, -1);
    groups.swap(a, b);
    plans.replan(g, bandwidthWeight, random);
    plans.replan(h, bandwidthWeight, random);
    if (acceptable(bandwidthBefore)) {
      loads.commit();
      return true;
    }
    loads.rollback();
    groups.swap(a, b);
    plans.restore(g, savedFirst);
    plans.restore(h, savedSecond);
    return false;
  }

  private boolean acceptable(long bandwidthBefore) {
    long bandwidth = loads.bandwidth();
    return !loads.pendingRaisesMax() && bandwidth <= bandwidthCap
        && loads.pendingCost() + bandwidthWeight * (bandwidth - bandwidthBefore) <= 1e-9;
  }

  /**
   * Half the time (if any link is hot) a stripe with P_j on a hot node, else the next stripe of a sweep
   * through all groups.
   */
  private int pickStripe(int j, SplittableRandom random) {
    if (numHot > 0 && random.nextBoolean()) {
      int node = hot[random.nextInt(numHot)];
      int size = buckets.size(j, node);
      if (size > 0) {
        return buckets.get(j, node, random.nextInt(size));
      }
    }
    sweep = (sweep + 1) % groups.count();
    return groups.member(sweep, random.nextInt(lambda));
  }

  private void refreshHot() {
    numHot = 0;
    for (int n = 0; n < problem.numNodes(); n++) {
      if (loads.isHot(loads.send(n)) || loads.isHot(loads.recv(n))) {
        hot[numHot++] = n;
      }
    }
  }
}
