package org.bart.namenode.transition;

import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.bart.codec.WideCode;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.cluster.TransitionAgents;
import org.bart.namenode.hdfs.CreatedFile;
import org.bart.namenode.hdfs.Namespace;
import org.bart.plan.PlannedGroup;
import org.bart.plan.TransitionPlan;
import org.bart.protocol.ops.EncodeOp;
import org.bart.protocol.ops.MergeOp;
import org.bart.report.TransitionReport;

/**
 * What the phases of one transition share: the NameNode and the agents (through their seams),
 * the cluster view, the stripes and the plan, and what staging produced (twins, parity files,
 * new block group ids, the merges).
 */
public final class TransitionContext {
  final Namespace ns;
  final String tree;
  final TransitionOptions options;
  final JobProgress progress;
  final TransitionReport report = new TransitionReport();

  String batchId;
  ClusterView nodes;
  StripeTable table;
  TransitionPlan plan;
  WideCode code;
  ErasureCodingPolicy narrowPolicy;
  ErasureCodingPolicy dataOnlyPolicy;
  TransitionAgents agents;
  LoadMeter meter;

  /** Per stripe: its wide group and its position (member index) there. */
  int[] groupOf;
  int[] positionOf;
  /** Per candidate file (table order): its twin. */
  CreatedFile[] twins;
  /** Per stripe: the block group id of its data-only twin group. */
  long[] twinGroupIds;
  /** Per wide group: its parity file. */
  CreatedFile[] parityFiles;
  /** Per wide group and parity index: the merge that produced the wide parity block. */
  MergeOp[][] merges;
  /** Per re-encoded wide group: the encode that produced its wide parity blocks (else null). */
  EncodeOp[] encodes;

  TransitionContext(Namespace ns, TransitionOptions options, JobProgress progress) {
    this.ns = ns;
    this.tree = options.tree;
    this.options = options;
    this.progress = progress;
  }

  /** Indexes the plan: which group and position each stripe has. */
  void indexPlan() {
    int stripes = table.stripes.size();
    groupOf = new int[stripes];
    positionOf = new int[stripes];
    for (int g = 0; g < plan.groups().size(); g++) {
      PlannedGroup pg = plan.groups().get(g);
      for (int p = 0; p < pg.numMembers(); p++) {
        groupOf[pg.member(p)] = g;
        positionOf[pg.member(p)] = p;
      }
    }
  }

  int k() {
    return narrowPolicy.getNumDataUnits();
  }
}
