package org.bart.plan.lspm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bart.plan.EncodeMethod;
import org.bart.plan.PlannedGroup;
import org.bart.plan.Planner;
import org.bart.plan.PlanningProblem;
import org.bart.plan.Rng;
import org.bart.plan.TransitionPlan;

/**
 * LSPM: local-search parity merging. Near-linear in the number of stripes in time and memory.
 * <ol>
 *   <li>{@link CheapestFirstGrouping}: BART's cheapest-first grouping over bounded candidate lists;
 *   <li>{@link BandwidthSwaps}: stripe swaps between groups that lower the grouping's bandwidth;
 *   <li>{@link GroupPlans}: merge nodes and relocation targets, group by group, bandwidth first and then
 *       the least loaded links (parity holders are spread because a holder that is busy costs more);
 *   <li>{@link LoadSearch}: re-planning groups and swapping stripes between groups against the true
 *       per-link loads (simulated annealing), keeping the best max_load found and never ending above
 *       step 2's bandwidth (or step 3's, if that is higher), bandwidth as tie-break.
 * </ol>
 * With a bandwidth profile every link's load is divided by its (mean-normalised) bandwidth, so the search
 * minimises the slowest node's transfer time, as BTWeighted does; without one it minimises max_load.
 *
 * <p><b>Determinism and the budget.</b> All randomness comes from a {@link SplittableRandom} seeded by two
 * draws from the {@link Rng} argument, and every loop is bounded by a count, never by the clock. The time
 * budget is therefore nominal: it is converted into a number of swap evaluations ({@link
 * #SWAP_EVALUATIONS_PER_MS} per millisecond) and of local-search moves ({@link #MOVES_PER_MS} per
 * millisecond), and capped at {@link #WORK_PER_GROUP} of each per group. The rates are nominal: on the
 * project's shared 2-core machine the default budget plans BART's 1200-stripe placements in 1 to 3 s. The
 * same seed and budget give the same plan on any machine; a slower or busier machine takes longer, a
 * faster one less. Grouping and step 3 come on top of the budget (they are linear).
 *
 * <p>No baseline fallback: the search ends with a max_load at most that of its own starting plan (step
 * 3), which is not compared with another approach's.
 *
 * <p>Stateless and thread-safe.
 */
public final class LspmPlanner implements Planner {

  /** The budget when none is given, in (nominal) milliseconds. */
  public static final long DEFAULT_BUDGET_MS = 2000;

  /** Candidates scanned per bucket and strong-pair run, per member, when grouping. */
  static final int GROUPING_WIDTH = 2;

  /** Cheapest candidates kept per stripe or group when grouping. */
  static final int GROUPING_KEEP = 8;

  /** Candidates scanned per bucket and strong-pair run by the bandwidth swaps. */
  static final int SWAP_WIDTH = 8;

  /** Random candidates per position in the bandwidth swaps. */
  static final int SWAP_RANDOM = 64;

  /** Bandwidth swap evaluations per millisecond of budget. */
  static final long SWAP_EVALUATIONS_PER_MS = 200;

  /** Local-search moves per millisecond of budget. */
  static final long MOVES_PER_MS = 200;

  /** At most this many swap evaluations and moves per group, whatever the budget (small problems converge). */
  static final long WORK_PER_GROUP = 1000;

  /** Cost charged per transferred block in the local search (loads are the primary objective). */
  static final double BANDWIDTH_WEIGHT = 0.5;

  /** Weight making step 3 bandwidth-first (a transfer outweighs any load cost it could save). */
  static final double BANDWIDTH_FIRST = 1e9;

  /** Cold receive links tried as extra merge nodes per parity. */
  static final int EXTRA_MERGE_CANDIDATES = 2;

  /** Nodes in the cold-link snapshot. */
  static final int COLD_LINKS = 32;

  private final String name;
  private final long budgetMillis;

  private LspmPlanner(String name, long budgetMillis) {
    this.name = name;
    this.budgetMillis = budgetMillis;
  }

  /** LSPM with the default budget, reporting itself as {@code name}. */
  public static LspmPlanner withDefaultBudget(String name) {
    return withBudget(name, DEFAULT_BUDGET_MS);
  }

  /**
   * LSPM with a nominal budget (see the class comment for how it maps to work).
   *
   * @throws IllegalArgumentException if the budget is negative
   */
  public static LspmPlanner withBudget(String name, long budgetMillis) {
    if (budgetMillis < 0) {
      throw new IllegalArgumentException("the LSPM time budget must not be negative, got " + budgetMillis);
    }
    return new LspmPlanner(name, budgetMillis);
  }

  @Override
  public TransitionPlan plan(PlanningProblem problem, Rng rng) {
    int lambda = problem.code().lambda();
    if (lambda < 2) {
      throw new IllegalArgumentException("stripe grouping needs lambda = k_f / k_i >= 2");
    }
    long seed = ((long) rng.nextInt(0, Integer.MAX_VALUE) << 31) ^ rng.nextInt(0, Integer.MAX_VALUE);
    SplittableRandom random = new SplittableRandom(seed);

    ParityBuckets buckets = new ParityBuckets(problem);
    ParityPairRuns pairRuns = new ParityPairRuns(problem);
    Groups groups = new Groups(lambda,
        new CheapestFirstGrouping(problem, buckets, pairRuns, new GroupCost(problem), GROUPING_WIDTH,
            GROUPING_KEEP).run(random));
    BandwidthSwaps swaps =
        new BandwidthSwaps(problem, buckets, pairRuns, groups, new GroupCost(problem), SWAP_WIDTH, SWAP_RANDOM);
    swaps.run(Math.min(budgetMillis * SWAP_EVALUATIONS_PER_MS, groups.count() * WORK_PER_GROUP), random);

    LinkLoads loads = new LinkLoads(problem.numNodes(), problem.bandwidth());
    ColdLinks cold = new ColdLinks(loads, problem.targetNodes(), COLD_LINKS); // never a virtual node
    GroupPlans plans = new GroupPlans(problem, groups, loads, cold, EXTRA_MERGE_CANDIDATES);
    for (int g = 0; g < groups.count(); g++) {
      if (g % LoadSearch.REFRESH_EVERY == 0) {
        cold.refresh();
      }
      plans.replan(g, BANDWIDTH_FIRST, random);
      loads.commit();
    }
    new LoadSearch(problem, groups, plans, loads, cold, buckets, BANDWIDTH_WEIGHT, swaps.bandwidth())
        .run(Math.min(budgetMillis * MOVES_PER_MS, groups.count() * WORK_PER_GROUP), random);
    return toPlan(problem, groups, plans);
  }

  private TransitionPlan toPlan(PlanningProblem problem, Groups groups, GroupPlans plans) {
    int mF = problem.code().mF();
    int nF = problem.code().nF();
    List<PlannedGroup> result = new ArrayList<>(groups.count());
    for (int g = 0; g < groups.count(); g++) {
      int[] merge = new int[mF];
      for (int j = 0; j < mF; j++) {
        merge[j] = plans.merge(g, j);
      }
      int[] post = new int[nF];
      for (int b = 0; b < nF; b++) {
        post[b] = plans.post(g, b);
      }
      result.add(new PlannedGroup(groups.membersOf(g), EncodeMethod.PARITY_MERGE, merge, post));
    }
    return new TransitionPlan(name, problem, result);
  }
}
