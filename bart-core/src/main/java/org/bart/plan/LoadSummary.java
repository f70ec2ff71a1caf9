package org.bart.plan;

/**
 * Min, max, mean, population standard deviation and coefficient of variation (stddev / mean) of per-node
 * loads, as BTSGenerator prints them. Immutable.
 */
public final class LoadSummary {

  private final double min;
  private final double max;
  private final double mean;
  private final double stddev;

  private LoadSummary(double min, double max, double mean, double stddev) {
    this.min = min;
    this.max = max;
    this.mean = mean;
    this.stddev = stddev;
  }

  /** Summarises one value per node; {@code values} must not be empty. */
  static LoadSummary of(double[] values) {
    double min = values[0];
    double max = values[0];
    double sum = 0;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    double mean = sum / values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new LoadSummary(min, max, mean, Math.sqrt(squares / values.length));
  }

  /** The least-loaded node's load. */
  public double min() {
    return min;
  }

  /** The most-loaded node's load. */
  public double max() {
    return max;
  }

  /** The mean load per node. */
  public double mean() {
    return mean;
  }

  /** The population standard deviation of the loads. */
  public double stddev() {
    return stddev;
  }

  /** stddev / mean; NaN when every load is zero. */
  public double cv() {
    return stddev / mean;
  }
}
