package org.bart.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Derives the transfers of a plan exactly as BART's controller does ({@code TransSolution::buildTransTasks}),
 * so that loads are a pure function of pre-placement + post-placement + sg_meta.
 */
final class TransferTasks {

  private TransferTasks() {
  }

  /**
   * Per group, in plan order: the parity fetches (for j, for each member in wide order, when the parity is
   * not already on the merge node) or the data fetches of re-encoding (each data block not on the encoding
   * node, absent blocks of virtual nodes excepted), then one relocation per wide block whose post node differs from where it is after computation.
   */
  static List<TransferTask> of(TransitionPlan plan) {
    PlanningProblem problem = plan.problem();
    CodeParams code = problem.code();
    List<TransferTask> tasks = new ArrayList<>();
    List<PlannedGroup> groups = plan.groups();
    for (int g = 0; g < groups.size(); g++) {
      PlannedGroup group = groups.get(g);
      if (group.method == EncodeMethod.PARITY_MERGE) {
        for (int j = 0; j < code.mF(); j++) {
          int e = group.mergeNodes[j];
          for (int s : group.members) {
            int q = problem.node(s, code.kI() + j);
            if (q != e) {
              tasks.add(new TransferTask(TransferTask.Kind.PARITY_FETCH, g, code.kF() + j, q, e));
            }
          }
        }
      } else {
        int e = group.mergeNodes[0];
        for (int b = 0; b < code.kF(); b++) {
          int q = dataNode(problem, group, b);
          if (q != e && !problem.isVirtual(q)) { // an absent block is zeros: nothing to fetch
            tasks.add(new TransferTask(TransferTask.Kind.DATA_FETCH, g, b, q, e));
          }
        }
      }
      for (int b = 0; b < code.nF(); b++) {
        int src = b < code.kF() ? dataNode(problem, group, b) : group.mergeNodes[b - code.kF()];
        int dst = group.post[b];
        if (src != dst) {
          tasks.add(new TransferTask(TransferTask.Kind.RELOCATION, g, b, src, dst));
        }
      }
    }
    return tasks;
  }

  /** Where wide data block b of the group is before the transition. */
  private static int dataNode(PlanningProblem problem, PlannedGroup group, int b) {
    int kI = problem.code().kI();
    return problem.node(group.members[b / kI], b % kI);
  }
}
