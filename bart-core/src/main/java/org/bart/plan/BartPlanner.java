package org.bart.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * BART ({@code BART::genSolution}, spec §4.3): Step 1 greedy grouping, Step 2 load-aware parity merging,
 * Step 3 semi-matching redistribution. Every group is parity-merged, whatever the approach's name: BTRE
 * only changes Step 1's cost estimate to re-encoding (spec §8.1), BT is BTPM, and BTWeighted divides loads
 * by the bandwidth profile in Steps 2 and 3.
 */
public final class BartPlanner implements Planner {

  private final String name;
  private final CostModel groupingCost;
  private final boolean weighted;

  public BartPlanner(String name, CostModel groupingCost, boolean weighted) {
    this.name = name;
    this.groupingCost = groupingCost;
    this.weighted = weighted;
  }

  @Override
  public TransitionPlan plan(PlanningProblem problem, Rng rng) {
    if (weighted && problem.bandwidth() == null) {
      throw new IllegalArgumentException(name + " needs a bandwidth profile");
    }
    BandwidthProfile weights = weighted ? problem.bandwidth() : BandwidthProfile.uniform(problem.numNodes());
    int[][] members = StripeGrouper.group(problem, groupingCost);
    ParityGeneration step2 = new ParityGeneration(problem, members, weights, rng);
    int[][] enc = step2.run();
    Relocation[] relocations = new Relocation[members.length];
    for (int g = 0; g < members.length; g++) {
      relocations[g] = Relocation.of(problem, members[g], enc[g]);
    }
    int[][] post = SemiMatching.place(relocations, weights, step2.mergeReceiveLoad());
    List<PlannedGroup> groups = new ArrayList<>();
    for (int g = 0; g < members.length; g++) {
      groups.add(new PlannedGroup(members[g], EncodeMethod.PARITY_MERGE, enc[g], post[g]));
    }
    return new TransitionPlan(name, problem, groups);
  }
}
