package org.bart.plan.approach;

import org.bart.plan.LoadChartSvg;
import org.bart.plan.LoadStats;
import org.bart.plan.TransitionPlan;

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

  /** The chart panel of the plan's loads, named after the approach. */
  public LoadChartSvg.Panel chartPanel() {
    return new LoadChartSvg.Panel(approach.label(), loads.send(), loads.recv());
  }

  /** Wall-clock planning time in milliseconds (the planner call only, like BART's "time"). */
  public double planMillis() {
    return planMillis;
  }
}
