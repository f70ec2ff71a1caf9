package org.bart.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BART's random baselines RDRE and RDPM ({@code RandomSolution}, spec §4.1): group g merges stripes
 * g*lambda .. g*lambda+lambda-1 in order, the encoding node(s) are uniformly random and moving blocks go
 * to shuffled free nodes.
 */
public final class RandomPlanner implements Planner {

  private final String name;
  private final EncodeMethod method;

  public RandomPlanner(String name, EncodeMethod method) {
    this.name = name;
    this.method = method;
  }

  @Override
  public TransitionPlan plan(PlanningProblem problem, Rng rng) {
    CodeParams code = problem.code();
    int lambda = code.lambda();
    int n = problem.targetNodes();
    List<PlannedGroup> groups = new ArrayList<>();
    for (int g = 0; g < problem.numStripes() / lambda; g++) {
      int[] members = new int[lambda];
      for (int i = 0; i < lambda; i++) {
        members[i] = g * lambda + i;
      }
      int[] enc = new int[code.mF()];
      if (method == EncodeMethod.RE_ENCODE) {
        Arrays.fill(enc, rng.nextInt(0, n - 1));
      } else {
        for (int j = 0; j < enc.length; j++) {
          enc[j] = rng.nextInt(0, n - 1); // two parities may draw one node; relocation separates them
        }
      }
      int[] post = Relocation.of(problem, members, enc).randomPost(rng);
      groups.add(new PlannedGroup(members, method, enc, post));
    }
    return new TransitionPlan(name, problem, groups);
  }
}
