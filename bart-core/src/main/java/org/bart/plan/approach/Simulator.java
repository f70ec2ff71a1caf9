package org.bart.plan.approach;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bart.plan.PlanningProblem;
import org.bart.plan.Rng;
import org.bart.plan.TransitionPlan;

/**
 * Runs several approaches on one problem, BART's {@code run_simulation.py} in one process: every approach
 * sees the same pre-placement and gets a fresh random source, as separate BTSGenerator runs would.
 */
public final class Simulator {

  private Simulator() {
  }

  /**
   * Plans the problem with each approach in turn.
   *
   * @param rngs gives each approach its random source; {@code () -> Rng.exact(seed)} reproduces BTSGenerator
   *     run with {@code BART_SEED=seed}
   * @return one result per approach, in the given order
   * @throws IllegalArgumentException if an approach cannot handle the problem (e.g. BTWeighted without a
   *     bandwidth profile)
   */
  public static List<SimulationResult> compare(PlanningProblem problem, List<Approach> approaches,
      Supplier<Rng> rngs) {
    List<SimulationResult> results = new ArrayList<>();
    for (Approach a : approaches) {
      Rng rng = rngs.get();
      long start = System.nanoTime();
      TransitionPlan plan = a.planner().plan(problem, rng);
      double millis = (System.nanoTime() - start) / 1e6;
      results.add(new SimulationResult(a, plan, millis));
    }
    return results;
  }
}
