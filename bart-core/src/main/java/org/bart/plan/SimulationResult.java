package org.bart.plan;

/** One approach's outcome in a simulation: its plan, the plan's loads and how long planning took. Immutable. */
public final class SimulationResult {

  private final Approach approach;
  private final TransitionPlan plan;
  private final LoadStats loads;
  private final double planMillis;

  SimulationResult(Approach approach, TransitionPlan plan, double planMillis) {
    this.approach = approach;
    this.plan = plan;
    this.loads = plan.loadStats();
    this.planMillis = planMillis;
  }

  /** The approach that planned. */
  public Approach approach() {
    return approach;
  }

  /** The plan it made. */
  public TransitionPlan plan() {
    return plan;
  }

  /** The plan's loads. */
  public LoadStats loads() {
    return loads;
  }

  /** Wall-clock planning time in milliseconds (the planner call only, like BART's "time"). */
  public double planMillis() {
    return planMillis;
  }
}
