package org.bart.bench.hdfs;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * One case of the bandwidth-limit benchmark: the bytes that crossed the case's bottleneck link
 * (block data only, as the limiter counts them: no checksums, headers or RPC), the configured limit
 * and the measured wall time, from which the expected time bytes / limit, the achieved rate and the
 * deviation follow. Immutable.
 */
public final class RateResult {

  public final String name;
  public final String bottleneck;
  public final long bytes;
  public final long limitPerSec;
  public final long nanos;

  RateResult(String name, String bottleneck, long bytes, long limitPerSec, long nanos) {
    this.name = name;
    this.bottleneck = bottleneck;
    this.bytes = bytes;
    this.limitPerSec = limitPerSec;
    this.nanos = nanos;
  }

  /** Seconds the bytes take at exactly the limit. */
  public double expectedSeconds() {
    return (double) bytes / limitPerSec;
  }

  public double measuredSeconds() {
    return nanos / 1e9;
  }

  /** Bytes per second over the bottleneck link. */
  public double achievedPerSec() {
    return bytes / measuredSeconds();
  }

  /** (measured - expected) / expected, in percent: negative when faster than the limit allows. */
  public double deviationPercent() {
    return 100 * (measuredSeconds() - expectedSeconds()) / expectedSeconds();
  }

  /** Prints the results as a table, one row per case. */
  public static void printTable(List<RateResult> results, PrintStream out) {
    out.printf(Locale.ROOT, "%-12s %-34s %10s %10s %10s %10s %12s %9s%n", "case", "bottleneck",
        "MiB", "limit_MiB/s", "expected_s", "measured_s", "achieved_MiB/s", "deviation");
    for (RateResult r : results) {
      out.printf(Locale.ROOT, "%-12s %-34s %10.1f %11.2f %10.3f %10.3f %14.2f %+8.1f%%%n", r.name,
          r.bottleneck, r.bytes / MIB, r.limitPerSec / MIB, r.expectedSeconds(),
          r.measuredSeconds(), r.achievedPerSec() / MIB, r.deviationPercent());
    }
  }

  private static final double MIB = 1024.0 * 1024.0;
}
