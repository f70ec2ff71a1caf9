package org.bart.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A post-pass that makes each member stripe's data blocks span as many racks as HDFS's
 * rack-fault-tolerant placement asks of a data-only block group: min(k, racks in the cluster).
 * Otherwise the NameNode would "fix" the spread after the transition by copying blocks, undoing
 * the plan's placement and its load balance. Blocks the plan already moves are redirected first
 * (free); only then do staying blocks move. Destinations are free nodes of the wide stripe on a
 * rack the member does not use, the least-receiving first (lowest id on ties), so the result stays
 * deterministic. The wide stripe's blocks stay on distinct nodes. A member with absent data blocks (on
 * virtual nodes, {@link PlanningProblem#targetNodes()}) is left as planned, and nothing moves to or from a
 * virtual node.
 */
public final class RackSpread {

  private RackSpread() {
  }

  /**
   * @param racks rack id of each node (any small integers)
   * @return the plan with data blocks redirected where needed (the same plan if none is)
   */
  public static TransitionPlan apply(TransitionPlan plan, int[] racks) {
    PlanningProblem problem = plan.problem();
    CodeParams code = problem.code();
    if (racks.length != problem.numNodes()) {
      throw new IllegalArgumentException(racks.length + " rack ids for " + problem.numNodes()
          + " nodes");
    }
    int real = problem.targetNodes();
    int numRacks = distinct(java.util.Arrays.copyOf(racks, real));
    int need = Math.min(code.kI(), numRacks);
    int[] recv = plan.loadStats().recv();
    List<PlannedGroup> groups = new ArrayList<>();
    boolean changed = false;
    for (PlannedGroup g : plan.groups()) {
      int[] post = g.postPlacement();
      for (int s = 0; s < g.numMembers(); s++) {
        if (!hasAbsentBlock(problem, g.member(s))) {
          changed |= spread(problem, g.member(s), s, post, racks, need, recv);
        }
      }
      groups.add(new PlannedGroup(g.members(), g.method(), g.mergeNodes(), post));
    }
    return changed ? new TransitionPlan(plan.approach() + "+racks", problem, groups) : plan;
  }

  private static boolean hasAbsentBlock(PlanningProblem problem, int stripe) {
    for (int b = 0; b < problem.code().kI(); b++) {
      if (problem.isVirtual(problem.node(stripe, b))) {
        return true;
      }
    }
    return false;
  }

  /** Spreads member {@code s} (narrow stripe {@code stripe}) of one wide stripe; true if moved. */
  private static boolean spread(PlanningProblem problem, int stripe, int s, int[] post,
      int[] racks, int need, int[] recv) {
    int k = problem.code().kI();
    int kF = problem.code().kF();
    boolean changed = false;
    while (racksOf(post, s * k, k, racks).size() < need) {
      int b = s * k + blockToMove(problem, stripe, s, post, racks);
      int to = destination(post, s, k, racks, recv, problem.targetNodes());
      if (to >= 0) {
        move(post, b, to, recv);
      } else {
        int c = swapPartner(post, s, k, kF, racks, need, racks[post[b]], problem.targetNodes());
        if (c >= 0) {
          int t = post[b];
          move(post, b, post[c], recv);
          move(post, c, t, recv);
        } else {
          chain(post, b, s, k, kF, racks, need, recv, problem.targetNodes());
        }
      }
      changed = true;
    }
    return changed;
  }

  /** Moves wide block {@code b} to node {@code to}, counting the receive. */
  private static void move(int[] post, int b, int to, int[] recv) {
    recv[to]++;
    post[b] = to;
  }

  /**
   * A block of the wide stripe on a rack member {@code s} lacks that can take {@code s}'s
   * duplicate (on rack {@code dupRack}) in exchange: a parity block, or another member's block
   * whose member keeps enough racks; -1 if there is none.
   */
  private static int swapPartner(int[] post, int s, int k, int kF, int[] racks, int need,
      int dupRack, int real) {
    Set<Integer> memberRacks = racksOf(post, s * k, k, racks);
    for (int c = post.length - 1; c >= 0; c--) {
      if ((c / k == s && c < kF) || post[c] >= real || memberRacks.contains(racks[post[c]])) {
        continue;
      }
      if (keepsSpread(post, c, k, kF, racks, need, dupRack)) {
        return c;
      }
    }
    return -1;
  }

  /**
   * The two-step exchange when no swap works: a block c on a rack {@code s} lacks moves to a free
   * node (its own member keeping enough racks), and {@code s}'s duplicate b takes c's place.
   */
  private static void chain(int[] post, int b, int s, int k, int kF, int[] racks, int need,
      int[] recv, int real) {
    Set<Integer> memberRacks = racksOf(post, s * k, k, racks);
    Set<Integer> used = new HashSet<>();
    for (int n : post) {
      used.add(n);
    }
    for (int c = post.length - 1; c >= 0; c--) {
      if ((c / k == s && c < kF) || post[c] >= real || memberRacks.contains(racks[post[c]])) {
        continue;
      }
      for (int f = 0; f < real; f++) {
        if (!used.contains(f) && keepsSpread(post, c, k, kF, racks, need, racks[f])) {
          int freed = post[c];
          move(post, c, f, recv);
          move(post, b, freed, recv);
          return;
        }
      }
    }
    throw new IllegalArgumentException("cannot spread a member stripe over " + need
        + " racks: the cluster has too few nodes per rack for this code");
  }

  /**
   * Whether block c's member (if c is data) keeps its rack count, up to {@code need}, once c is on
   * rack r: a spread member stays spread, one not spread yet loses nothing it will need.
   */
  private static boolean keepsSpread(int[] post, int c, int k, int kF, int[] racks, int need,
      int r) {
    if (c >= kF) {
      return true; // a wide parity: no rack constraint of its own
    }
    int t = c / k;
    Set<Integer> after = new HashSet<>();
    after.add(r);
    for (int i = t * k; i < t * k + k; i++) {
      if (i != c) {
        after.add(racks[post[i]]);
      }
    }
    return after.size() >= Math.min(need, racksOf(post, t * k, k, racks).size());
  }

  /** A block of the member on a rack it uses twice, one already moving if there is one. */
  private static int blockToMove(PlanningProblem problem, int stripe, int s, int[] post,
      int[] racks) {
    int k = problem.code().kI();
    int candidate = -1;
    for (int b = 0; b < k; b++) {
      int rack = racks[post[s * k + b]];
      int sameRack = 0;
      for (int c = 0; c < k; c++) {
        sameRack += racks[post[s * k + c]] == rack ? 1 : 0;
      }
      if (sameRack < 2) {
        continue;
      }
      if (problem.node(stripe, b) != post[s * k + b]) {
        return b;
      }
      if (candidate < 0) {
        candidate = b;
      }
    }
    return candidate;
  }

  /** The least-receiving node not used by the wide stripe, on a rack the member lacks; or -1. */
  private static int destination(int[] post, int s, int k, int[] racks, int[] recv, int real) {
    Set<Integer> used = new HashSet<>();
    for (int n : post) {
      used.add(n);
    }
    Set<Integer> memberRacks = racksOf(post, s * k, k, racks);
    int best = -1;
    for (int n = 0; n < real; n++) {
      if (!used.contains(n) && !memberRacks.contains(racks[n])
          && (best < 0 || recv[n] < recv[best])) {
        best = n;
      }
    }
    return best;
  }

  private static Set<Integer> racksOf(int[] post, int from, int count, int[] racks) {
    Set<Integer> r = new HashSet<>();
    for (int i = from; i < from + count; i++) {
      r.add(racks[post[i]]);
    }
    return r;
  }

  private static int distinct(int[] racks) {
    Set<Integer> r = new HashSet<>();
    for (int x : racks) {
      r.add(x);
    }
    return r.size();
  }
}
