package org.bart.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A complete transition plan: the wide groups in order (group g becomes wide stripe g), each with its
 * members, parity computation and post-placement, plus the problem it solves.
 *
 * <p>Construction checks the invariants every consumer relies on, whatever planner produced the plan:
 * every narrow stripe is in exactly one group of lambda members, merge nodes and post nodes are valid node
 * ids, a re-encoded group has one encoding node, and each wide stripe's n_f blocks end up on n_f distinct
 * nodes (so it survives any m_f node failures; BART's {@code isFinalBlockPlacementValid}), and virtual nodes
 * ({@link PlanningProblem#targetNodes()}) keep their absent block and take nothing else.
 *
 * <p>Immutable.
 */
public final class TransitionPlan {

  private final String approach;
  private final PlanningProblem problem;
  private final List<PlannedGroup> groups;

  /**
   * @param approach name of the planner that made the plan, e.g. {@code "BTPM"}
   * @throws IllegalArgumentException naming the group if an invariant above does not hold
   */
  public TransitionPlan(String approach, PlanningProblem problem, List<PlannedGroup> groups) {
    this.approach = approach;
    this.problem = problem;
    this.groups = Collections.unmodifiableList(new ArrayList<>(groups));
    check();
  }

  private void check() {
    CodeParams code = problem.code();
    int numNodes = problem.numNodes();
    int expected = problem.numStripes() / code.lambda();
    if (groups.size() != expected) {
      throw new IllegalArgumentException(approach + ": expected " + expected + " groups, got " + groups.size());
    }
    int[] groupOf = new int[problem.numStripes()];
    Arrays.fill(groupOf, -1);
    int[] lastGroupOn = new int[numNodes];
    Arrays.fill(lastGroupOn, -1);
    int[] blockOn = new int[numNodes];
    for (int g = 0; g < groups.size(); g++) {
      PlannedGroup group = groups.get(g);
      String prefix = approach + ": group " + g + ": ";
      if (group.members.length != code.lambda() || group.mergeNodes.length != code.mF()
          || group.post.length != code.nF()) {
        throw new IllegalArgumentException(prefix + "expected " + code.lambda() + " members, " + code.mF()
            + " merge nodes and " + code.nF() + " post nodes");
      }
      for (int s : group.members) {
        if (s < 0 || s >= groupOf.length) {
          throw new IllegalArgumentException(prefix + "stripe " + s + " does not exist");
        }
        if (groupOf[s] >= 0) {
          throw new IllegalArgumentException(prefix + "stripe " + s + " is already in group " + groupOf[s]);
        }
        groupOf[s] = g;
      }
      for (int j = 0; j < code.mF(); j++) {
        int e = group.mergeNodes[j];
        if (e < 0 || e >= problem.targetNodes()) {
          throw new IllegalArgumentException(prefix + "merge node " + e + " is out of range"
              + (e >= 0 && e < numNodes ? " (a virtual node)" : ""));
        }
        if (group.method == EncodeMethod.RE_ENCODE && e != group.mergeNodes[0]) {
          throw new IllegalArgumentException(prefix + "a re-encoded group has one encoding node, got "
              + group.mergeNodes[0] + " and " + e);
        }
      }
      checkDistinct(prefix, g, group.post, lastGroupOn, blockOn);
      checkVirtual(prefix, group);
    }
  }

  /** An absent data block stays on its virtual node; no other block goes to one. */
  private void checkVirtual(String prefix, PlannedGroup group) {
    CodeParams code = problem.code();
    for (int b = 0; b < group.post.length; b++) {
      int pre = b < code.kF() ? problem.node(group.members[b / code.kI()], b % code.kI()) : -1;
      boolean absent = pre >= 0 && problem.isVirtual(pre);
      if (absent ? group.post[b] != pre : problem.isVirtual(group.post[b])) {
        throw new IllegalArgumentException(prefix + "block " + b + (absent
            ? " is absent (virtual node " + pre + ") and cannot move to node " + group.post[b]
            : " cannot go to virtual node " + group.post[b]));
      }
    }
  }

  /** {@code lastGroupOn[n] == g} marks node n as used by group g, holding wide block {@code blockOn[n]}. */
  private static void checkDistinct(String prefix, int g, int[] post, int[] lastGroupOn, int[] blockOn) {
    for (int b = 0; b < post.length; b++) {
      int n = post[b];
      if (n < 0 || n >= lastGroupOn.length) {
        throw new IllegalArgumentException(prefix + "post node " + n + " of block " + b + " is out of range");
      }
      if (lastGroupOn[n] == g) {
        throw new IllegalArgumentException(prefix + "invalid final block placement: blocks " + blockOn[n]
            + " and " + b + " are both on node " + n);
      }
      lastGroupOn[n] = g;
      blockOn[n] = b;
    }
  }

  /** The approach that produced the plan, e.g. {@code "BTPM"}. */
  public String approach() {
    return approach;
  }

  /** The problem the plan solves. */
  public PlanningProblem problem() {
    return problem;
  }

  /** The groups in wide-stripe order (read-only). */
  public List<PlannedGroup> groups() {
    return groups;
  }

  /** The transfers needed to carry the plan out (BART's {@code TransSolution::buildTransTasks}). */
  public List<TransferTask> transferTasks() {
    return TransferTasks.of(this);
  }

  /** Per-node send and receive counts of {@link #transferTasks()} and the statistics derived from them. */
  public LoadStats loadStats() {
    return LoadStats.of(transferTasks(), problem.numNodes());
  }
}
