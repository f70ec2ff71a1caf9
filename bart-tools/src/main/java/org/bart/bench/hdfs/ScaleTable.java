package org.bart.bench.hdfs;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.bart.namenode.transition.Phase;

/** Prints the results of bench-scale side by side, one column per run. */
public final class ScaleTable {

  private static final String ROW = "%-34s";
  private static final String CELL = "%16s";
  private static final double MIB = 1024 * 1024;

  private ScaleTable() {
  }

  public static void print(List<ScaleResult> results, PrintStream out) {
    row(out, "tree (stripes)", results, r -> String.valueOf(r.stripes));
    row(out, "files", results, r -> String.valueOf(r.files));
    row(out, "batch groups (bound)", results, r -> String.valueOf(r.batchGroups));
    row(out, "batches", results, r -> String.valueOf(r.batches));
    row(out, "stripes of the largest batch", results, r -> String.valueOf(r.largestBatchStripes));
    row(out, "outcome", results, r -> r.outcome);
    row(out, "files byte-identical", results, r -> r.filesByteIdentical + "/" + r.files);
    row(out, "write s", results, r -> fixed(r.writeSeconds, 1));
    out.println("coordinator ms per stripe");
    for (Phase p : ScaleResult.PHASES) {
      row(out, "  " + name(p), results, r -> fixed(r.perStripe(r.millis.getOrDefault(p, 0L)), 3));
    }
    row(out, "  total", results, r -> fixed(r.perStripe(r.totalMillis()), 3));
    out.println("NameNode ClientProtocol calls per stripe");
    for (Phase p : ScaleResult.PHASES) {
      row(out, "  " + name(p), results,
          r -> fixed(r.perStripe(r.clientCalls.getOrDefault(p, 0L)), 2));
    }
    row(out, "  total", results, r -> fixed(r.perStripe(r.totalClientCalls()), 2));
    row(out, "NameNode DataNode calls per stripe", results,
        r -> fixed(r.perStripe(r.totalDataNodeCalls()), 2));
    out.println("heap, MiB (whole JVM; growth over the live heap before the run)");
    row(out, "  live before the run", results, r -> fixed(r.baselineLive / MIB, 1));
    row(out, "  live growth, max at phase ends", results, r -> fixed(r.maxLiveGrowth / MIB, 1));
    row(out, "  live growth after the run", results, r -> fixed(r.liveAfterGrowth / MIB, 1));
    row(out, "  held during the run only", results, r -> fixed(r.heldDuringRun() / MIB, 1));
    row(out, "  peak used growth (pools' peaks)", results, r -> fixed(r.peakGrowth / MIB, 1));
    row(out, "held per stripe of a batch, KiB", results, r -> fixed(
        r.largestBatchStripes == 0 ? 0 : r.heldDuringRun() / 1024.0 / r.largestBatchStripes, 1));
  }

  /**
   * The targets: time per stripe of the largest tree against the smallest, among the runs
   * with the first run's batch bound, and the heap growth next to batch and tree size.
   */
  public static void printTargets(List<ScaleResult> results, PrintStream out) {
    ScaleResult small = results.get(0);
    ScaleResult large = results.get(0);
    for (ScaleResult r : results) {
      if (r.batchGroups == small.batchGroups) {
        small = r.stripes < small.stripes ? r : small;
        large = r.stripes > large.stripes ? r : large;
      }
    }
    double ratio = small.totalMillis() == 0 ? 0
        : large.perStripe(large.totalMillis()) / small.perStripe(small.totalMillis());
    out.printf(Locale.ROOT, "time per stripe, largest / smallest tree (%d / %d stripes, batch "
        + "bound %d groups): %.2f (target <= 1.20)%n", large.stripes, small.stripes,
        small.batchGroups, ratio);
    for (ScaleResult r : results) {
      out.printf(Locale.ROOT, "heap growth: max %7.1f MiB, held during the run only %7.1f MiB; "
          + "batch bound %5d groups, largest batch %6d stripes, tree %6d stripes%n",
          r.maxLiveGrowth / MIB, r.heldDuringRun() / MIB, r.batchGroups, r.largestBatchStripes,
          r.stripes);
    }
  }

  private static String name(Phase p) {
    return p.name().toLowerCase(Locale.ROOT);
  }

  private static void row(PrintStream out, String label, List<ScaleResult> results,
      Function<ScaleResult, String> cell) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, ROW, label));
    for (ScaleResult r : results) {
      sb.append(String.format(Locale.ROOT, CELL, cell.apply(r)));
    }
    out.println(sb.toString().replaceAll("\\s+$", ""));
  }

  private static String fixed(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
