package org.bart.plan;

import java.util.Arrays;

/**
 * Per-node link bandwidths of a heterogeneous cluster (BART's {@code bw_profile}: upload and download in
 * MB/s). A node's weighted load is its block count divided by its bandwidth, i.e. transfer time per MB of
 * block size; BTWeighted plans against it and the statistics can report it for any plan.
 *
 * <p>Immutable; accessors return the value for one node, never the arrays.
 */
public final class BandwidthProfile {

  private final double[] upload;
  private final double[] download;

  /**
   * @param upload upload bandwidth of node n at index n
   * @param download download bandwidth of node n at index n
   * @throws IllegalArgumentException if the lengths differ, a list is empty, or a value is not a positive
   *     finite number
   */
  public BandwidthProfile(double[] upload, double[] download) {
    if (upload.length != download.length || upload.length == 0) {
      throw new IllegalArgumentException("bandwidth profile needs one upload and one download value per"
          + " node, got " + upload.length + " upload and " + download.length + " download values");
    }
    check("upload", upload);
    check("download", download);
    this.upload = upload.clone();
    this.download = download.clone();
  }

  /** A profile in which every link has bandwidth 1, so weighted loads equal plain block counts. */
  static BandwidthProfile uniform(int numNodes) {
    double[] ones = new double[numNodes];
    Arrays.fill(ones, 1.0);
    return new BandwidthProfile(ones, ones);
  }

  private static void check(String what, double[] values) {
    for (int n = 0; n < values.length; n++) {
      if (!(values[n] > 0) || Double.isInfinite(values[n])) {
        throw new IllegalArgumentException(what + " bandwidth of node " + n + " must be a positive finite"
            + " number, got " + values[n]);
      }
    }
  }

  /** Number of nodes the profile covers. */
  public int numNodes() {
    return upload.length;
  }

  /** Upload bandwidth of the node, MB/s. */
  public double upload(int node) {
    return upload[node];
  }

  /** Download bandwidth of the node, MB/s. */
  public double download(int node) {
    return download[node];
  }
}
