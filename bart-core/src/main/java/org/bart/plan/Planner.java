package org.bart.plan;

/**
 * Plans a transition: groups the narrow stripes into wide stripes, chooses how and where each new parity is
 * computed and where every block ends up. BART's approaches are the {@code org.bart.plan.approach.Approach} constants; a new
 * planner only has to implement this.
 *
 * <p>Implementations are stateless and thread-safe; all randomness comes from the {@link Rng} argument, so
 * a plan is a pure function of the problem and the generator's state.
 */
public interface Planner {

  /**
   * @param problem the validated input
   * @param rng the random source, drawn from in a fixed order
   * @return a plan for every stripe of the problem (validated by {@link TransitionPlan}'s constructor)
   * @throws IllegalArgumentException if this planner cannot handle the problem (e.g. needs lambda >= 2 or
   *     a bandwidth profile); the message says why
   */
  TransitionPlan plan(PlanningProblem problem, Rng rng);
}
