package org.bart.plan.lspm;

import java.util.SplittableRandom;
import org.bart.plan.PlanningProblem;

/**
 * Steps 2 and 3 for every group of a {@link Groups}: the merge node of each new parity and the post node
 * of each wide block, kept consistent with a {@link LinkLoads}.
 *
 * <p>A group's transfers are BART's (spec §2.1): narrow parity j of each member not on merge node e_j is
 * fetched to it; wide block b moves from where it is after merging (data node, or e_j) to {@code post(g,
 * b)} when they differ. {@link #apply} adds or removes them; {@link #replan} chooses a group's plan against
 * the loads of all other groups (the group's own transfers must be removed first):
 * <ol>
 *   <li>data blocks on a node already holding one of the group's data blocks must move;
 *   <li>parity by parity, the merge node minimising the cost change plus a given weight per transfer, among the nodes holding that parity and {@code extraCandidates} of the coldest receive
 *       links; a merge node already holding a block of the group relocates the new parity (charged one
 *       send);
 *   <li>each moving block goes to the free node (not holding any block of the group) whose receive link
 *       costs least, ties to the least loaded: among all nodes when there are at most {@link
 *       #SCAN_ALL_NODES}, else among the coldest receive links and random nodes.
 * </ol>
 * The post placement has n_f distinct nodes by construction. Memory: m_f + n_f ints per group.
 */
final class GroupPlans {

  /** Up to this many nodes, relocation targets are chosen among all of them. */
  static final int SCAN_ALL_NODES = 256;

  private static final int RANDOM_TARGETS = 8;

  private final PlanningProblem problem;
  private final Groups groups;
  private final LinkLoads loads;
  private final ColdLinks cold;
  private final int extraCandidates;
  private final int kI;
  private final int kF;
  private final int mF;
  private final int nF;
  private final int lambda;
  /** Nodes a block may move to: the real ones. */
  private final int numNodes;
  private final int[] merge;
  private final int[] post;

  private final int[] occupied;
  private final int[] holderStamp;
  private final int[] holderCount;
  private int stamp;
  private final int[] initial;
  private final int[] moving;
  private final int[] mergeCandidates;

  GroupPlans(PlanningProblem problem, Groups groups, LinkLoads loads, ColdLinks cold, int extraCandidates) {
    this.problem = problem;
    this.groups = groups;
    this.loads = loads;
    this.cold = cold;
    this.extraCandidates = extraCandidates;
    this.kI = problem.code().kI();
    this.kF = problem.code().kF();
    this.mF = problem.code().mF();
    this.nF = problem.code().nF();
    this.lambda = problem.code().lambda();
    this.numNodes = problem.targetNodes();
    this.merge = new int[groups.count() * mF];
    this.post = new int[groups.count() * nF];
    this.occupied = new int[problem.numNodes()];
    this.holderStamp = new int[problem.numNodes()];
    this.holderCount = new int[problem.numNodes()];
    this.initial = new int[nF];
    this.moving = new int[nF];
    this.mergeCandidates = new int[lambda + extraCandidates];
  }

  /** The merge node of new parity j of group g. */
  int merge(int g, int j) {
    return merge[g * mF + j];
  }

  /** The post node of wide block b of group g. */
  int post(int g, int b) {
    return post[g * nF + b];
  }

  /** Copies group g's merge and post nodes into {@code saved} (m_f + n_f ints). */
  void save(int g, int[] saved) {
    System.arraycopy(merge, g * mF, saved, 0, mF);
    System.arraycopy(post, g * nF, saved, mF, nF);
  }

  /** Restores what {@link #save} copied (loads are not touched). */
  void restore(int g, int[] saved) {
    System.arraycopy(saved, 0, merge, g * mF, mF);
    System.arraycopy(saved, mF, post, g * nF, nF);
  }

  /** A copy of every group's merge and post nodes, for {@link #restoreAll}. */
  int[][] snapshot() {
    return new int[][] {merge.clone(), post.clone()};
  }

  /** Restores a {@link #snapshot()} (loads are not touched). */
  void restoreAll(int[][] snapshot) {
    System.arraycopy(snapshot[0], 0, merge, 0, merge.length);
    System.arraycopy(snapshot[1], 0, post, 0, post.length);
  }

  /** Adds ({@code sign} 1) or removes (-1) group g's transfers to or from the loads. */
  void apply(int g, int sign) {
    for (int j = 0; j < mF; j++) {
      int e = merge[g * mF + j];
      for (int i = 0; i < lambda; i++) {
        int q = problem.node(groups.member(g, i), kI + j);
        if (q != e) {
          loads.transfer(q, e, sign);
        }
      }
    }
    for (int b = 0; b < nF; b++) {
      int src = b < kF ? dataNode(g, b) : merge[g * mF + b - kF];
      int dst = post[g * nF + b];
      if (src != dst) {
        loads.transfer(src, dst, sign);
      }
    }
  }

  /**
   * Chooses group g's merge and post nodes and adds its transfers; they must not be in the loads.
   *
   * @param bandwidthWeight cost charged per transfer when choosing merge nodes
   */
  void replan(int g, double bandwidthWeight, SplittableRandom random) {
    int occ = ++stamp;
    int numMoving = 0;
    for (int b = 0; b < kF; b++) {
      int n = dataNode(g, b);
      initial[b] = n;
      if (occupied[n] == occ) {
        moving[numMoving++] = b;
      } else {
        occupied[n] = occ;
      }
    }
    for (int j = 0; j < mF; j++) {
      int e = chooseMerge(g, j, occ, bandwidthWeight, random);
      merge[g * mF + j] = e;
      for (int i = 0; i < lambda; i++) {
        int q = problem.node(groups.member(g, i), kI + j);
        if (q != e) {
          loads.transfer(q, e, 1);
        }
      }
      initial[kF + j] = e;
      if (occupied[e] == occ) {
        moving[numMoving++] = kF + j;
      } else {
        occupied[e] = occ;
      }
    }
    System.arraycopy(initial, 0, post, g * nF, nF);
    for (int i = 0; i < numMoving; i++) {
      int b = moving[i];
      int dst = chooseTarget(occ, random);
      occupied[dst] = occ;
      post[g * nF + b] = dst;
      loads.transfer(initial[b], dst, 1);
    }
  }

  private int chooseMerge(int g, int j, int occ, double bandwidthWeight, SplittableRandom random) {
    int holders = ++stamp;
    int numCandidates = 0;
    for (int i = 0; i < lambda; i++) {
      int q = problem.node(groups.member(g, i), kI + j);
      if (holderStamp[q] != holders) {
        holderStamp[q] = holders;
        holderCount[q] = 0;
        mergeCandidates[numCandidates++] = q;
      }
      holderCount[q]++;
    }
    for (int x = 0; x < extraCandidates; x++) {
      mergeCandidates[numCandidates++] = cold.pick(random);
    }
    int best = -1;
    double bestScore = Double.MAX_VALUE;
    for (int c = 0; c < numCandidates; c++) {
      int e = mergeCandidates[c];
      int mark = loads.mark();
      double change = 0;
      int transfers = 0;
      for (int i = 0; i < lambda; i++) {
        int q = problem.node(groups.member(g, i), kI + j);
        if (q != e) {
          change += loads.transfer(q, e, 1);
          transfers++;
        }
      }
      if (occupied[e] == occ) {
        change += loads.costOfAdding(loads.send(e), 1);
        transfers++;
      }
      loads.rollbackTo(mark);
      double score = change + bandwidthWeight * transfers;
      if (score < bestScore - 1e-9) {
        bestScore = score;
        best = e;
      }
    }
    return best;
  }

  private int chooseTarget(int occ, SplittableRandom random) {
    int best = -1;
    if (numNodes <= SCAN_ALL_NODES) {
      for (int n = 0; n < numNodes; n++) {
        best = betterTarget(best, n, occ);
      }
      return best;
    }
    for (int i = 0; i < cold.size(); i++) {
      best = betterTarget(best, cold.get(i), occ);
    }
    for (int i = 0; i < RANDOM_TARGETS; i++) {
      best = betterTarget(best, random.nextInt(numNodes), occ);
    }
    for (int n = 0; best < 0 && n < numNodes; n++) {
      best = betterTarget(best, n, occ);
    }
    return best;
  }

  /** The better receiver of {@code best} (or -1) and n, skipping nodes the group already uses. */
  private int betterTarget(int best, int n, int occ) {
    if (occupied[n] == occ) {
      return best;
    }
    if (best < 0) {
      return n;
    }
    double dn = loads.costOfAdding(loads.recv(n), 1);
    double db = loads.costOfAdding(loads.recv(best), 1);
    if (dn < db - 1e-9 || (dn < db + 1e-9 && loads.load(loads.recv(n)) < loads.load(loads.recv(best)))) {
      return n;
    }
    return best;
  }

  private int dataNode(int g, int b) {
    return problem.node(groups.member(g, b / kI), b % kI);
  }
}
