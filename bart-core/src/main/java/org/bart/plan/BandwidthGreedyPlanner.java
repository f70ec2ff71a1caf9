package org.bart.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BART's bandwidth-driven baselines BWRE and BWPM ({@code BWOptSolution}, spec §4.2): greedy grouping by
 * estimated bandwidth, then per group the bandwidth-greedy encoding: for BWRE the node holding most of the
 * group's data (lowest id on ties) re-encodes, for BWPM each parity is merged where its cost estimate put
 * it. Moving blocks go to shuffled free nodes, the only random step.
 */
public final class BandwidthGreedyPlanner implements Planner {

  private final String name;
  private final EncodeMethod method;

  public BandwidthGreedyPlanner(String name, EncodeMethod method) {
    this.name = name;
    this.method = method;
  }

  @Override
  public TransitionPlan plan(PlanningProblem problem, Rng rng) {
    CostModel model = method == EncodeMethod.RE_ENCODE ? CostModel.RE_ENCODE : CostModel.PARITY_MERGE;
    int[][] members = StripeGrouper.group(problem, model);
    CandidateCost cost = new CandidateCost(problem, model);
    int mF = problem.code().mF();
    List<PlannedGroup> groups = new ArrayList<>();
    for (int[] m : members) {
      cost.load(Arrays.copyOf(m, m.length - 1));
      int last = m[m.length - 1];
      int[] enc;
      if (method == EncodeMethod.RE_ENCODE) {
        enc = new int[mF];
        Arrays.fill(enc, cost.reEncodeNode(last));
      } else {
        enc = cost.parityMergeNodes(last);
      }
      int[] post = Relocation.of(problem, m, enc).randomPost(rng);
      groups.add(new PlannedGroup(m, method, enc, post));
    }
    return new TransitionPlan(name, problem, groups);
  }
}
