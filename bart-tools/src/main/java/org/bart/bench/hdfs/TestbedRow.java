package org.bart.bench.hdfs;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.bart.report.TransitionReport;

/**
 * One approach's run in the transition testbed: the plan's and the measured loads (in blocks, as
 * BART counts them: max_load is the busiest node's max(send, recv), bandwidth the blocks moved
 * between nodes), the stage phase's wall time as the coordinator measured it, and the plan's bound
 * max_load x block size / rate (what the stage would take if every node's busiest link ran at the
 * agents' limit from start to end, and nothing else took time). Immutable.
 */
public final class TestbedRow {

  public final String approach;
  /** Null when the transition succeeded, else why it failed. */
  public final String error;
  public final TransitionReport report;
  public final long blockSize;
  public final long bytesPerSec;

  TestbedRow(String approach, String error, TransitionReport report, long blockSize,
      long bytesPerSec) {
    this.approach = approach;
    this.error = error;
    this.report = report;
    this.blockSize = blockSize;
    this.bytesPerSec = bytesPerSec;
  }

  /** Seconds of the stage phase (create twins and parity files, relabel, send, merge). */
  public double stageSeconds() {
    for (TransitionReport.PhaseTime p : report.phases) {
      if (p.phase.equals("stage")) {
        return p.millis / 1000.0;
      }
    }
    throw new IllegalStateException("the report of " + approach + " has no stage phase");
  }

  /** max_load x block size / rate, in seconds. */
  public double boundSeconds() {
    return (double) report.predictedMaxLoad * blockSize / bytesPerSec;
  }

  /** Prints one row per approach; a failed run shows its error instead of figures. */
  public static void printTable(List<TestbedRow> rows, PrintStream out) {
    out.printf(Locale.ROOT, "%-10s %7s %6s %9s %9s %9s %9s %9s %9s %7s%n", "approach", "stripes",
        "groups", "max_load", "measured", "bandwidth", "measured", "stage_s", "bound_s",
        "ratio");
    for (TestbedRow r : rows) {
      if (r.error != null || r.report == null) {
        out.printf(Locale.ROOT, "%-10s FAILED: %s%n", r.approach, r.error);
        continue;
      }
      TransitionReport t = r.report;
      // A plan that moves nothing has no bound to compare with.
      String ratio = t.predictedMaxLoad == 0 ? "-"
          : String.format(Locale.ROOT, "%.2f", r.stageSeconds() / r.boundSeconds());
      out.printf(Locale.ROOT, "%-10s %7d %6d %9d %9d %9d %9d %9.2f %9.2f %7s%n", r.approach,
          t.stripes, t.wideGroups, t.predictedMaxLoad, t.measuredMaxLoad, t.predictedBandwidth,
          t.measuredBandwidth, r.stageSeconds(), r.boundSeconds(), ratio);
    }
  }
}
