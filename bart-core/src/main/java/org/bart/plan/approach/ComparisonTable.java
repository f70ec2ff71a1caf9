package org.bart.plan.approach;

import java.util.List;
import java.util.Locale;
import org.bart.plan.BandwidthProfile;
import org.bart.plan.LoadStats;

/**
 * The simulator's comparison table: one row per approach with max_load, bandwidth, the coefficient of
 * variation of send and receive load (0 = perfectly even) and planning time; plus max_weighted_load when
 * the cluster has a bandwidth profile.
 */
public final class ComparisonTable {

  private ComparisonTable() {
  }

  /**
   * @param bandwidth the cluster's profile, or {@code null} for no weighted column
   * @return the table, one line per row, each ending in a newline
   */
  public static String format(List<SimulationResult> results, BandwidthProfile bandwidth) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-10s %9s %10s %8s %8s %10s", "approach", "max_load",
        "bandwidth", "send_cv", "recv_cv", "plan_ms"));
    if (bandwidth != null) {
      sb.append(String.format(Locale.ROOT, " %17s", "max_weighted_load"));
    }
    sb.append('\n');
    for (SimulationResult r : results) {
      LoadStats loads = r.loads();
      sb.append(String.format(Locale.ROOT, "%-10s %9d %10d %8.3f %8.3f %10.1f", r.approach().label(),
          loads.maxLoad(), loads.bandwidth(), loads.sendSummary().cv(), loads.recvSummary().cv(),
          r.planMillis()));
      if (bandwidth != null) {
        sb.append(String.format(Locale.ROOT, " %17.6f", loads.weighted(bandwidth).maxWeightedLoad()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
