package org.bart.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.bart.plan.LoadStats;
import org.bart.plan.LoadSummary;
import org.bart.plan.WeightedLoadStats;

/** Prints load statistics in BTSGenerator's console format (per-node loads, summaries, the final line). */
final class LoadReport {

  private LoadReport() {
  }

  /** Ends with {@code max_load: X, bandwidth: Y}. */
  static void print(LoadStats loads, PrintStream out) {
    out.println("send load: " + join(loads.send()));
    out.println("recv load: " + join(loads.recv()));
    out.println(summary("send load", loads.sendSummary(), "%.0f"));
    out.println(summary("recv load", loads.recvSummary(), "%.0f"));
    out.println("max_load: " + loads.maxLoad() + ", bandwidth: " + loads.bandwidth());
  }

  /**
   * Ends with {@code max_weighted_load: X, bandwidth: Y}; loads are blocks per MB/s of link bandwidth.
   * The mean, stddev and cv are exact, unlike BART's truncated ones (see {@link WeightedLoadStats}).
   */
  static void printWeighted(WeightedLoadStats loads, PrintStream out) {
    out.println("weighted send load: " + join(loads.send()));
    out.println("weighted recv load: " + join(loads.recv()));
    out.println(summary("weighted send load", loads.sendSummary(), "%f"));
    out.println(summary("weighted recv load", loads.recvSummary(), "%f"));
    out.println(String.format(Locale.ROOT, "max_weighted_load: %f, bandwidth: %d", loads.maxWeightedLoad(),
        loads.bandwidth()));
  }

  private static String summary(String what, LoadSummary s, String extremeFormat) {
    return String.format(Locale.ROOT, "%s: min: " + extremeFormat + ", max: " + extremeFormat
        + ", mean: %f, stddev: %f, cv: %f", what, s.min(), s.max(), s.mean(), s.stddev(), s.cv());
  }

  private static String join(int[] values) {
    StringBuilder sb = new StringBuilder();
    for (int v : values) {
      sb.append(v).append(' ');
    }
    return sb.toString();
  }

  private static String join(double[] values) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      sb.append(String.format(Locale.ROOT, "%f ", v));
    }
    return sb.toString();
  }
}
