package org.bart.plan.lspm;

import java.util.SplittableRandom;
import org.bart.plan.PlanningProblem;

/**
 * Local search on the true loads (Step 4 of LSPM), simulated annealing over the cost of {@link LinkLoads}
 * plus {@code bandwidthWeight} per transferred block. Each move picks a stripe x and a parity index j, half
 * the time with P_j on a hot node (a link above the cost threshold), else from a sweep through the groups;
 * then it either re-plans x's group ({@link GroupPlans#replan}) or brings into x's group a random stripe
 * with P_j on the same node as x's, in exchange for another member, and re-plans both groups. A move is
 * <ul>
 *   <li>refused if it raises the bandwidth above {@code max(bandwidthCap, bandwidth before the move)} (so
 *       the bandwidth ends at most at the cap, or at the starting bandwidth if that was above it);
 *   <li>else kept if it does not increase cost + bandwidthWeight x bandwidth, or with probability
 *       {@code exp(-increase / temperature)} (temperature falling linearly from {@link #TEMPERATURE} to 0).
 * </ul>
 * The best state by max_load is remembered (the threshold never rises above its maximum, so links above
 * it keep costing) and restored at the end if the last state is worse: the result's max_load is at most
 * the starting one. The number of moves is given, so the result depends only on the random state.
 */
final class LoadSearch {

  /** Moves between refreshes of the cold and hot link snapshots. */
  static final int REFRESH_EVERY = 256;

  /** Starting temperature, in units of the cost; it falls linearly to 0 over the run. */
  static final double TEMPERATURE = 0.5;

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
  private double temperature;

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
    double best = loads.maxLoad();
    int[] bestGroups = groups.flat().clone();
    int[][] bestPlans = plans.snapshot();
    loads.setCeiling(best);
    for (long it = 0; it < moves; it++) {
      temperature = TEMPERATURE * (1 - it / (double) moves);
      if (loads.maxLoad() < best - 1e-9) {
        best = loads.maxLoad();
        loads.setCeiling(best);
        System.arraycopy(groups.flat(), 0, bestGroups, 0, bestGroups.length);
        bestPlans = plans.snapshot();
      }
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
    if (loads.maxLoad() > best + 1e-9) {
      for (int g = 0; g < groups.count(); g++) {
        plans.apply(g, -1);
      }
      groups.restore(bestGroups);
      plans.restoreAll(bestPlans);
      for (int g = 0; g < groups.count(); g++) {
        plans.apply(g, 1);
      }
      loads.commit();
    }
    return kept;
  }

  private boolean tryReplan(int g, SplittableRandom random) {
    long bandwidthBefore = loads.bandwidth();
    plans.save(g, savedFirst);
    plans.apply(g, -1);
    plans.replan(g, bandwidthWeight, random);
    if (acceptable(bandwidthBefore, random)) {
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
    if (acceptable(bandwidthBefore, random)) {
      loads.commit();
      return true;
    }
    loads.rollback();
    groups.swap(a, b);
    plans.restore(g, savedFirst);
    plans.restore(h, savedSecond);
    return false;
  }

  private boolean acceptable(long bandwidthBefore, SplittableRandom random) {
    long bandwidth = loads.bandwidth();
    if (bandwidth > Math.max(bandwidthCap, bandwidthBefore)) {
      return false;
    }
    double delta = loads.pendingCost() + bandwidthWeight * (bandwidth - bandwidthBefore);
    return delta <= 1e-9 || (temperature > 0 && random.nextDouble() < Math.exp(-delta / temperature));
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
