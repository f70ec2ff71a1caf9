package org.bart.plan.lspm;

import org.bart.plan.PlanningProblem;

/**
 * The bandwidth of a (possibly partial) stripe group when each new parity is merged where it is cheapest:
 * data relocation ({@code sum over nodes of max(0, data blocks there - 1)}) plus, parity by parity, the
 * fewest transfers over the nodes holding that parity, {@code members - holders there + 1 if the node
 * already holds a block of the wide stripe} (BART's getTransBW for parity merging, spec §3; ties go to
 * the first member's node instead of the lowest node id, which does not change the value).
 *
 * <p>Reuses scratch arrays: one instance per thread.
 */
final class GroupCost {

  private final PlanningProblem problem;
  private final int kI;
  private final int mF;
  private final int[] occupied;
  private final int[] countStamp;
  private final int[] count;
  private int stamp;

  GroupCost(PlanningProblem problem) {
    this.problem = problem;
    this.kI = problem.code().kI();
    this.mF = problem.code().mF();
    this.occupied = new int[problem.numNodes()];
    this.countStamp = new int[problem.numNodes()];
    this.count = new int[problem.numNodes()];
  }

  /** The bandwidth of the group made of {@code stripes[from .. from + size)}. */
  int of(int[] stripes, int from, int size) {
    int occ = ++stamp;
    int cost = 0;
    for (int i = from; i < from + size; i++) {
      for (int b = 0; b < kI; b++) {
        int n = problem.node(stripes[i], b);
        if (occupied[n] == occ) {
          cost++;
        } else {
          occupied[n] = occ;
        }
      }
    }
    for (int j = 0; j < mF; j++) {
      int cnt = ++stamp;
      for (int i = from; i < from + size; i++) {
        int n = problem.node(stripes[i], kI + j);
        if (countStamp[n] != cnt) {
          countStamp[n] = cnt;
          count[n] = 0;
        }
        count[n]++;
      }
      int best = Integer.MAX_VALUE;
      int bestNode = -1;
      for (int i = from; i < from + size; i++) {
        int n = problem.node(stripes[i], kI + j);
        int c = size - count[n] + (occupied[n] == occ ? 1 : 0);
        if (c < best) {
          best = c;
          bestNode = n;
        }
      }
      occupied[bestNode] = occ;
      cost += best;
    }
    return cost;
  }
}
