package org.bart.namenode.transition;

import org.bart.plan.EncodeMethod;
import org.bart.plan.PlannedGroup;
import org.bart.plan.TransferTask;
import org.bart.plan.approach.Approach;
import org.bart.report.GroupMethod;
import org.bart.report.TransitionReport;

/**
 * What the report says of each planned group: merged or re-encoded, where, and its planned
 * transfers (the plan's own, so they add up to its bandwidth).
 */
final class GroupMethods {

  private GroupMethods() {
  }

  /** Counts the batch's groups by method and lists the first ones with their cost. */
  static void report(TransitionContext ctx, Approach approach, TransitionReport r) {
    int groups = ctx.plan.groups().size();
    int listed = Math.min(groups, TransitionReport.MAX_LISTED_GROUPS);
    int[] fetched = new int[listed];
    int[] relocated = new int[listed];
    for (TransferTask t : ctx.plan.transferTasks()) {
      if (t.group() < listed) {
        if (t.kind() == TransferTask.Kind.RELOCATION) {
          relocated[t.group()]++;
        } else {
          fetched[t.group()]++;
        }
      }
    }
    for (int g = 0; g < groups; g++) {
      PlannedGroup pg = ctx.plan.groups().get(g);
      boolean merged = pg.method() == EncodeMethod.PARITY_MERGE;
      if (merged) {
        r.groupsMerged++;
      } else {
        r.groupsReEncoded++;
      }
      if (g >= listed) {
        continue;
      }
      GroupMethod m = new GroupMethod();
      m.batchId = r.batchId;
      m.group = g;
      m.method = merged ? GroupMethod.MERGE : GroupMethod.RE_ENCODE;
      m.approach = approach.label();
      for (int j = 0; j < (merged ? pg.mergeNodes().length : 1); j++) {
        m.computeNodes.add(ctx.nodes.label(pg.mergeNode(j)));
      }
      m.fetched = fetched[g];
      m.relocated = relocated[g];
      m.cost = fetched[g] + relocated[g];
      r.groupMethods.add(m);
    }
  }
}
