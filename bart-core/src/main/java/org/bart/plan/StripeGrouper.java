package org.bart.plan;

import java.util.Arrays;

/**
 * BART's greedy partial stripe grouping ({@code StripeBatch::constructSGByBWPartial}, spec §4.2.1), with
 * identical groups in identical order but without materialising the candidates.
 *
 * <p>BART grows groups one stripe per round. Round 0 costs every pair (x, y), x < y, in lexicographic order;
 * round t costs every (kept partial group, free stripe) pair, groups in kept order, stripes ascending. It
 * then buckets candidates by cost and, cheapest bucket first and generation order within a bucket, keeps
 * every candidate whose stripes are all unused until S / lambda groups are kept. It stores all Theta(S^2)
 * candidates (4.1 GB at S = 12000).
 *
 * <p>Here a round is a series of passes in generation order, one per cost level, over one byte per
 * candidate (72 MB at S = 12000) that always holds a lower bound of the candidate's cost. The first pass
 * stores a cheap bound ({@link CandidateCost#lowerBound}); a pass at level b computes the exact cost only of
 * the live candidates whose bound is b, keeps the candidate if the cost is b and otherwise stores the cost.
 * A candidate whose bound exceeds b cannot cost b, so a pass at level b sees the same used stripes, in the
 * same order, as BART's scan of bucket b and keeps the same candidates; yet only the few candidates that
 * come close to being kept are ever costed exactly. Candidates whose stripes are already used are skipped
 * (BART would skip them too) and a row is dropped as soon as its partial group is used.
 *
 * <p>BART has n_f + k_f buckets, so a cost beyond that would index past its bucket array (undefined
 * behaviour; it cannot happen for the codes BART was run with). Here levels continue up to 254 instead, and
 * codes whose cost could exceed that are rejected.
 */
final class StripeGrouper {

  /** Marks a candidate that was never costed because one of its stripes was already used. */
  private static final int DEAD = 255;

  private final PlanningProblem problem;
  private final CandidateCost cost;
  private final int numGroups;

  private StripeGrouper(PlanningProblem problem, CostModel model) {
    this.problem = problem;
    this.cost = new CandidateCost(problem, model);
    this.numGroups = problem.numStripes() / problem.code().lambda();
  }

  /**
   * Groups every stripe of the problem into lambda-stripe groups.
   *
   * @return S / lambda groups in selection order, each with ascending stripe ids
   * @throws IllegalArgumentException if lambda < 2 (BART's loop would run zero rounds and abort) or the code
   *     is so wide that a cost may exceed 254 (BART's costs are 8-bit)
   */
  static int[][] group(PlanningProblem problem, CostModel model) {
    CodeParams code = problem.code();
    if (code.lambda() < 2) {
      throw new IllegalArgumentException("stripe grouping needs lambda = k_f / k_i >= 2, got " + code);
    }
    int maxCost = code.kF() - code.kI() + Math.max(code.mF() * code.lambda(), code.kF() - 1);
    if (maxCost >= DEAD) {
      throw new IllegalArgumentException("grouping costs of " + code + " may reach " + maxCost
          + ", beyond BART's 8-bit cost range");
    }
    return new StripeGrouper(problem, model).run();
  }

  private int[][] run() {
    int numStripes = problem.numStripes();
    int[][] outers = new int[numStripes - 1][];
    int[] all = new int[numStripes];
    for (int s = 0; s < numStripes; s++) {
      all[s] = s;
      if (s < numStripes - 1) {
        outers[s] = new int[] {s};
      }
    }
    int[][] groups = round(outers, all, true);
    for (int t = 1; t < problem.code().lambda() - 1; t++) {
      groups = round(groups, freeStripes(groups), false);
    }
    return groups;
  }

  /** The stripes in no group, ascending. */
  private int[] freeStripes(int[][] groups) {
    boolean[] taken = new boolean[problem.numStripes()];
    int count = 0;
    for (int[] g : groups) {
      for (int s : g) {
        taken[s] = true;
        count++;
      }
    }
    int[] free = new int[taken.length - count];
    int i = 0;
    for (int s = 0; s < taken.length; s++) {
      if (!taken[s]) {
        free[i++] = s;
      }
    }
    return free;
  }

  /**
   * One grouping round. Candidate (i, k) is outer group i plus stripe inner[k]; for the pair round
   * ({@code triangular}) outer i is {i} and k runs over i+1.., otherwise k runs over all of inner.
   */
  private int[][] round(int[][] outers, int[] inner, boolean triangular) {
    Selection sel = new Selection(problem.numStripes(), numGroups);
    byte[][] bounds = new byte[outers.length][];
    for (int i = 0; i < outers.length && !sel.isComplete(); i++) {
      if (!sel.isUsed(outers[i][0])) {
        bounds[i] = boundRow(outers[i], inner, triangular ? i + 1 : 0, sel);
      }
    }
    for (int level = 1; level < DEAD && !sel.isComplete(); level++) {
      for (int i = 0; i < outers.length && !sel.isComplete(); i++) {
        if (bounds[i] != null && (sel.isUsed(outers[i][0]) || scanRow(outers[i], inner, bounds[i], level, sel))) {
          bounds[i] = null;
        }
      }
    }
    if (!sel.isComplete()) {
      throw new IllegalStateException("invalid stripe group selection: kept " + sel.count + " of "
          + numGroups + " groups");
    }
    return sel.groups;
  }

  /**
   * The level-0 pass over one row: bounds every candidate whose stripes are unused and keeps the first that
   * costs 0. Returns the row's bounds, or null if the row's outer group was kept (its other candidates are
   * dead).
   */
  private byte[] boundRow(int[] outer, int[] inner, int from, Selection sel) {
    cost.load(outer);
    byte[] row = new byte[inner.length - from];
    for (int k = from; k < inner.length; k++) {
      int s = inner[k];
      if (sel.isUsed(s)) {
        row[k - from] = (byte) DEAD;
        continue;
      }
      int bound = cost.lowerBound(s);
      if (bound == 0) {
        bound = cost.cost(s);
        if (bound == 0) {
          sel.keep(outer, s);
          return null;
        }
      }
      row[k - from] = (byte) bound;
    }
    return row;
  }

  /**
   * The pass at {@code level} over one live row: costs the live candidates bounded by level, keeps the
   * first that costs exactly level and records the exact cost of the others. Returns whether it kept one.
   */
  private boolean scanRow(int[] outer, int[] inner, byte[] row, int level, Selection sel) {
    int from = inner.length - row.length;
    boolean loaded = false;
    for (int k = 0; k < row.length; k++) {
      if ((row[k] & 0xFF) != level || sel.isUsed(inner[from + k])) {
        continue;
      }
      if (!loaded) {
        cost.load(outer);
        loaded = true;
      }
      int c = cost.cost(inner[from + k]);
      if (c == level) {
        sel.keep(outer, inner[from + k]);
        return true;
      }
      row[k] = (byte) c;
    }
    return false;
  }

  /** The groups kept in a round, in order, and the stripes they use. */
  private static final class Selection {
    final boolean[] used;
    final int[][] groups;
    int count;

    Selection(int numStripes, int numGroups) {
      this.used = new boolean[numStripes];
      this.groups = new int[numGroups][];
    }

    boolean isUsed(int stripe) {
      return used[stripe];
    }

    boolean isComplete() {
      return count == groups.length;
    }

    void keep(int[] outer, int stripe) {
      int[] g = Arrays.copyOf(outer, outer.length + 1);
      g[outer.length] = stripe;
      Arrays.sort(g);
      for (int s : g) {
        used[s] = true;
      }
      groups[count++] = g;
    }
  }
}
