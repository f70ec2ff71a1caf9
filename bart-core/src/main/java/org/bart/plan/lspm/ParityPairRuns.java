package org.bart.plan.lspm;

import java.util.Arrays;
import org.bart.plan.PlanningProblem;

/**
 * For each pair of parity indices j < j' < m_f, the stripes sorted by (node of P_j, node of P_j'): a run
 * of equal keys is a set of stripes that save two transfers when merged together ("strong pairs", lab Q4).
 * Buckets of one parity index are too large to scan at 10^6 stripes; these runs find such partners in
 * O(run length). Memory: 3 ints per stripe and pair (stripe, position, key as an unsigned 32-bit value:
 * N^2 < 2^32), plus a transient long per stripe while building.
 */
final class ParityPairRuns {

  private final PlanningProblem problem;
  private final int kI;
  private final int[] first;
  private final int[] second;
  private final int[][] order;
  private final int[][] where;
  private final int[][] sortedKey;

  ParityPairRuns(PlanningProblem problem) {
    this.problem = problem;
    this.kI = problem.code().kI();
    int mF = problem.code().mF();
    int pairs = mF * (mF - 1) / 2;
    int numStripes = problem.numStripes();
    first = new int[pairs];
    second = new int[pairs];
    order = new int[pairs][numStripes];
    where = new int[pairs][numStripes];
    sortedKey = new int[pairs][numStripes];
    long[] keys = new long[numStripes];
    int p = 0;
    for (int j = 0; j < mF; j++) {
      for (int k = j + 1; k < mF; k++, p++) {
        first[p] = j;
        second[p] = k;
        for (int s = 0; s < numStripes; s++) {
          keys[s] = (key(s, p) << 32) | s;
        }
        Arrays.sort(keys);
        for (int i = 0; i < numStripes; i++) {
          int s = (int) keys[i];
          order[p][i] = s;
          where[p][s] = i;
          sortedKey[p][i] = (int) (keys[i] >>> 32);
        }
      }
    }
  }

  /** Number of parity-index pairs. */
  int pairs() {
    return order.length;
  }

  /**
   * Appends to {@code out[size ..]} up to {@code limit} other stripes sharing both nodes of pair p with
   * {@code stripe}, nearest in the sorted order first (alternating below and above); {@code out} must
   * have room for them.
   *
   * @return the new size
   */
  int partners(int stripe, int p, int limit, int[] out, int size) {
    int at = where[p][stripe];
    int k = sortedKey[p][at];
    int lo = at - 1;
    int hi = at + 1;
    int seen = 0;
    boolean loOpen = true;
    boolean hiOpen = true;
    while (seen < limit && (loOpen || hiOpen)) {
      if (loOpen) {
        if (lo >= 0 && sortedKey[p][lo] == k) {
          out[size++] = order[p][lo--];
          seen++;
        } else {
          loOpen = false;
        }
      }
      if (hiOpen && seen < limit) {
        if (hi < order[p].length && sortedKey[p][hi] == k) {
          out[size++] = order[p][hi++];
          seen++;
        } else {
          hiOpen = false;
        }
      }
    }
    return size;
  }

  private long key(int stripe, int p) {
    return (long) problem.node(stripe, kI + first[p]) * problem.numNodes() + problem.node(stripe, kI + second[p]);
  }
}
