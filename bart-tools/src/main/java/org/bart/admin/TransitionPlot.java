package org.bart.admin;

import java.util.ArrayList;
import java.util.List;
import org.bart.plan.LoadChartSvg;
import org.bart.report.TransitionReport;

/** The per-node load chart of a transition: the plan's prediction, and what was measured. */
final class TransitionPlot {

  private TransitionPlot() {
  }

  static String svg(TransitionReport r) {
    List<LoadChartSvg.Panel> panels = new ArrayList<>();
    panels.add(new LoadChartSvg.Panel(r.approach + " planned", r.predictedSend,
        r.predictedRecv));
    if (r.measuredSend.length == r.predictedSend.length) {
      panels.add(new LoadChartSvg.Panel(r.approach + " measured", r.measuredSend,
          r.measuredRecv));
    }
    return LoadChartSvg.render("Transition of " + r.tree + " (" + r.narrowPolicy + ", lambda "
        + r.lambda + ", " + r.nodes.size() + " DataNodes)", panels);
  }
}
