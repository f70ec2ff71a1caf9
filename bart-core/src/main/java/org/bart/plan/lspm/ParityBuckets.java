package org.bart.plan.lspm;

import org.bart.plan.PlanningProblem;

/**
 * For each parity index j < m_f and node n, the stripes whose narrow parity P_j is on n: the stripes that
 * save a transfer when merged with one another. Memory: 2 ints per stripe and parity index, plus one per
 * node and parity index.
 *
 * <p>Each bucket also has a "live" prefix: {@link #remove(int)} moves a stripe behind it in O(m_f), so the
 * greedy grouping sees only stripes not yet grouped. Removal permutes a bucket but never changes its
 * members, so {@link #size}/{@link #get} keep listing all of them.
 */
final class ParityBuckets {

  private final PlanningProblem problem;
  private final int kI;
  private final int[][] order;
  private final int[][] start;
  private final int[][] where;
  private final int[][] live;

  ParityBuckets(PlanningProblem problem) {
    this.problem = problem;
    this.kI = problem.code().kI();
    int mF = problem.code().mF();
    int numNodes = problem.numNodes();
    int numStripes = problem.numStripes();
    order = new int[mF][numStripes];
    start = new int[mF][numNodes + 1];
    where = new int[mF][numStripes];
    live = new int[mF][numNodes];
    for (int j = 0; j < mF; j++) {
      for (int s = 0; s < numStripes; s++) {
        start[j][problem.node(s, kI + j) + 1]++;
      }
      for (int n = 0; n < numNodes; n++) {
        live[j][n] = start[j][n + 1];
        start[j][n + 1] += start[j][n];
      }
      int[] next = start[j].clone();
      for (int s = 0; s < numStripes; s++) {
        int p = next[problem.node(s, kI + j)]++;
        order[j][p] = s;
        where[j][s] = p;
      }
    }
  }

  /** Number of stripes with P_j on the node. */
  int size(int j, int node) {
    return start[j][node + 1] - start[j][node];
  }

  /** Number of those not removed; they are {@code get(j, node, 0 .. liveSize - 1)}. */
  int liveSize(int j, int node) {
    return live[j][node];
  }

  /** The i-th stripe with P_j on the node (live ones first). */
  int get(int j, int node, int i) {
    return order[j][start[j][node] + i];
  }

  /** Takes the stripe out of the live prefix of its buckets; it must be live. */
  void remove(int stripe) {
    for (int j = 0; j < order.length; j++) {
      int n = problem.node(stripe, kI + j);
      int last = start[j][n] + --live[j][n];
      int p = where[j][stripe];
      int other = order[j][last];
      order[j][p] = other;
      where[j][other] = p;
      order[j][last] = stripe;
      where[j][stripe] = last;
    }
  }
}
