package org.bart.plan;

/**
 * Loads divided by link bandwidth (spec §2.3): {@code send[n] / upload[n]} and {@code recv[n] /
 * download[n]}, in blocks per MB/s. {@link #maxWeightedLoad()} times the block size in MB estimates the
 * transition time in seconds on a heterogeneous cluster.
 *
 * <p>BART prints the weighted mean (and so stddev and cv) from an {@code int} accumulator, truncating every
 * partial sum (spec §8.13); these are the exact values instead. max_weighted_load is unaffected.
 *
 * <p>Immutable; arrays are copied out.
 */
public final class WeightedLoadStats {

  private final double[] send;
  private final double[] recv;
  private final long bandwidth;

  WeightedLoadStats(double[] send, double[] recv, long bandwidth) {
    this.send = send;
    this.recv = recv;
    this.bandwidth = bandwidth;
  }

  /** Per node, blocks uploaded / upload bandwidth. */
  public double[] send() {
    return send.clone();
  }

  /** Per node, blocks downloaded / download bandwidth. */
  public double[] recv() {
    return recv.clone();
  }

  /** max over nodes of max(weighted send, weighted recv). */
  public double maxWeightedLoad() {
    double max = 0;
    for (int n = 0; n < send.length; n++) {
      max = Math.max(max, Math.max(send[n], recv[n]));
    }
    return max;
  }

  /** Total blocks transferred (not weighted). */
  public long bandwidth() {
    return bandwidth;
  }

  /** Statistics of the weighted send loads. */
  public LoadSummary sendSummary() {
    return LoadSummary.of(send);
  }

  /** Statistics of the weighted receive loads. */
  public LoadSummary recvSummary() {
    return LoadSummary.of(recv);
  }
}
