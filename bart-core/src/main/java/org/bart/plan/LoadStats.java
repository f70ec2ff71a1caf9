package org.bart.plan;

import java.util.List;

/**
 * The load of a plan (spec §2.2): {@code send[n]} blocks uploaded and {@code recv[n]} downloaded by node
 * n. The transition takes about {@code maxLoad() x block size / link rate}, because every node's upload
 * and download links work in parallel and the busiest one finishes last; {@code bandwidth()} is the total
 * number of blocks transferred.
 *
 * <p>Immutable; arrays are copied out.
 */
public final class LoadStats {

  private final int[] send;
  private final int[] recv;

  private LoadStats(int[] send, int[] recv) {
    this.send = send;
    this.recv = recv;
  }

  /** Counts every task once at its source (send) and once at its destination (recv). */
  public static LoadStats of(List<TransferTask> tasks, int numNodes) {
    int[] send = new int[numNodes];
    int[] recv = new int[numNodes];
    for (TransferTask t : tasks) {
      send[t.src()]++;
      recv[t.dst()]++;
    }
    return new LoadStats(send, recv);
  }

  /** Number of nodes. */
  public int numNodes() {
    return send.length;
  }

  /** Blocks uploaded by each node. */
  public int[] send() {
    return send.clone();
  }

  /** Blocks downloaded by each node. */
  public int[] recv() {
    return recv.clone();
  }

  /** max over nodes of max(send, recv), in blocks. */
  public int maxLoad() {
    int max = 0;
    for (int n = 0; n < send.length; n++) {
      max = Math.max(max, Math.max(send[n], recv[n]));
    }
    return max;
  }

  /** Total blocks transferred (sum of send, equal to the sum of recv). */
  public long bandwidth() {
    long sum = 0;
    for (int v : send) {
      sum += v;
    }
    return sum;
  }

  /** Statistics of the per-node send counts. */
  public LoadSummary sendSummary() {
    return LoadSummary.of(toDouble(send));
  }

  /** Statistics of the per-node receive counts. */
  public LoadSummary recvSummary() {
    return LoadSummary.of(toDouble(recv));
  }

  /**
   * The loads divided by each node's bandwidth (blocks per MB/s; times the block size in MB gives seconds).
   *
   * @throws IllegalArgumentException if the profile's node count differs
   */
  public WeightedLoadStats weighted(BandwidthProfile profile) {
    if (profile.numNodes() != send.length) {
      throw new IllegalArgumentException("bandwidth profile has " + profile.numNodes() + " nodes, the loads "
          + send.length);
    }
    double[] wsend = new double[send.length];
    double[] wrecv = new double[send.length];
    for (int n = 0; n < send.length; n++) {
      wsend[n] = send[n] / profile.upload(n);
      wrecv[n] = recv[n] / profile.download(n);
    }
    return new WeightedLoadStats(wsend, wrecv, bandwidth());
  }

  private static double[] toDouble(int[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }
}
