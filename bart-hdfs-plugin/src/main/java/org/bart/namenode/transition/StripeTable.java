package org.bart.namenode.transition;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.hdfs.BlockGroup;

/**
 * The narrow stripes of one batch, numbered for the planner: stripe ids run over the batch's
 * files in walk order and, within a file, over its block groups. Also the pre-placement (node id
 * of each internal block, data then parity) the planner reads. A shortened stripe's absent data
 * blocks (a partial last block group: HDFS stores no internal block for a data unit with no
 * bytes) are each on a virtual node of its own, numbered from the cluster's size on, which the
 * planner leaves alone ({@link org.bart.plan.PlanningProblem#targetNodes()}).
 */
public final class StripeTable {

  /** One narrow stripe: block group {@code groupIndex} of {@code file}. */
  public static final class Stripe {
    final CandidateFile file;
    final int groupIndex;

    Stripe(CandidateFile file, int groupIndex) {
      this.file = file;
      this.groupIndex = groupIndex;
    }

    BlockGroup group() {
      return file.groups.get(groupIndex);
    }
  }

  final List<CandidateFile> files;
  final List<Stripe> stripes = new ArrayList<>();
  final int[][] prePlacement;
  /** Number of virtual nodes: the absent data blocks of the batch. */
  final int virtualNodes;

  StripeTable(List<CandidateFile> files, ClusterView nodes) {
    this.files = files;
    for (CandidateFile f : files) {
      for (int g = 0; g < f.groups.size(); g++) {
        stripes.add(new Stripe(f, g));
      }
    }
    prePlacement = new int[stripes.size()][];
    int virtual = 0;
    for (int s = 0; s < stripes.size(); s++) {
      BlockGroup g = stripes.get(s).group();
      prePlacement[s] = new int[g.width()];
      for (int i = 0; i < g.width(); i++) {
        prePlacement[s][i] = g.isAbsent(i) ? nodes.size() + virtual++
            : nodes.indexOf(g.node(i).getDatanodeUuid());
      }
    }
    virtualNodes = virtual;
  }

  /**
   * Drops whole files until the stripe count is a multiple of {@code lambda} (the planner groups
   * exactly lambda stripes), preferring one file whose group count alone fixes the remainder, then
   * the smallest files.
   *
   * @return the files dropped
   */
  static List<CandidateFile> fitToLambda(List<CandidateFile> files, int lambda) {
    List<CandidateFile> dropped = new ArrayList<>();
    int total = 0;
    for (CandidateFile f : files) {
      total += f.groups.size();
    }
    int excess = total % lambda;
    if (excess == 0) {
      return dropped;
    }
    for (Iterator<CandidateFile> it = files.iterator(); it.hasNext(); ) {
      CandidateFile f = it.next();
      if (f.groups.size() % lambda == excess) {
        it.remove();
        dropped.add(f);
        return dropped;
      }
    }
    while (total % lambda != 0 && !files.isEmpty()) {
      CandidateFile smallest = files.get(0);
      for (CandidateFile f : files) {
        if (f.groups.size() < smallest.groups.size()) {
          smallest = f;
        }
      }
      files.remove(smallest);
      dropped.add(smallest);
      total -= smallest.groups.size();
    }
    return dropped;
  }
}
