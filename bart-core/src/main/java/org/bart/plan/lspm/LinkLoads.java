package org.bart.plan.lspm;

import java.util.Arrays;
import org.bart.plan.BandwidthProfile;

/**
 * The per-node send and receive counts of a plan under construction, with the cost the local search
 * minimises and an undo journal.
 *
 * <p>Link l is node l's upload ({@code l < N}) or node l - N's download. Its normalised load is {@code
 * count / capacity}; capacities are the profile's bandwidths divided by their mean (all 1 without a
 * profile), so the largest normalised load is proportional to the slowest node's transfer time (and equals
 * BART's max_load without a profile).
 *
 * <p>Cost: {@code sum over links of max(0, load - threshold)^2}, with {@code threshold = min(maxLoad(),
 * ceiling) - MARGIN}: only links within MARGIN of the busiest (or above the ceiling the search sets) count,
 * so lowering the top links pays and filling cold ones is nearly free; a term {@code BALANCE * load^2} per
 * link only breaks ties towards even loads. The maximum and the threshold are updated at {@link #commit()}.
 *
 * <p>Every {@link #transfer} is journalled; {@link #rollback()} undoes everything since the last commit and
 * {@link #pendingCost()} is the cost change of those adds, so a move is tried, scored and kept or undone.
 * Not thread-safe.
 */
final class LinkLoads {

  /** How far below the maximum (in normalised blocks) a link starts to cost. */
  static final double MARGIN = 2.0;

  /** Weight of the sum of squared loads: a tie-break towards even loads below the threshold. */
  static final double BALANCE = 1e-6;

  private static final double EPS = 1e-9;

  private final int numNodes;
  private final int[] count;
  private final double[] inverseCapacity;
  private final int[] net;
  private long bandwidth;

  private double max;
  private int atMax;
  private double threshold;
  private double ceiling = Double.MAX_VALUE;

  private int[] journal = new int[64];
  private int journalSize;
  private double pendingCost;
  private boolean pendingRaisesMax;

  /** Empty loads; {@code profile} may be null (all capacities 1). */
  LinkLoads(int numNodes, BandwidthProfile profile) {
    this.numNodes = numNodes;
    this.count = new int[2 * numNodes];
    this.inverseCapacity = new double[2 * numNodes];
    this.net = new int[2 * numNodes];
    if (profile == null) {
      Arrays.fill(inverseCapacity, 1.0);
    } else {
      double mean = 0;
      for (int n = 0; n < numNodes; n++) {
        mean += profile.upload(n) + profile.download(n);
      }
      mean /= 2 * numNodes;
      for (int n = 0; n < numNodes; n++) {
        inverseCapacity[n] = mean / profile.upload(n);
        inverseCapacity[numNodes + n] = mean / profile.download(n);
      }
    }
    recomputeMax();
  }

  /** Link id of node n's upload. */
  int send(int node) {
    return node;
  }

  /** Link id of node n's download. */
  int recv(int node) {
    return numNodes + node;
  }

  private double add(int link, int delta) {
    if (journalSize + 2 > journal.length) {
      journal = Arrays.copyOf(journal, journal.length * 2);
    }
    journal[journalSize++] = link;
    journal[journalSize++] = delta;
    double before = load(link);
    count[link] += delta;
    double after = load(link);
    if (after > max + EPS) {
      pendingRaisesMax = true;
    }
    double change = cost(after) - cost(before);
    pendingCost += change;
    return change;
  }

  /** Adds {@code delta} transfers from src to dst (journalled); returns the cost change. */
  double transfer(int src, int dst, int delta) {
    bandwidth += delta;
    return add(send(src), delta) + add(recv(dst), delta);
  }

  /** The cost change of adding {@code delta} to the link, without changing anything. */
  double costOfAdding(int link, int delta) {
    return cost((count[link] + delta) * inverseCapacity[link]) - cost(load(link));
  }

  /** Normalised load of a link. */
  double load(int link) {
    return count[link] * inverseCapacity[link];
  }

  /** Total blocks transferred, including uncommitted adds. */
  long bandwidth() {
    return bandwidth;
  }

  /** Cost change of the adds since the last commit. */
  double pendingCost() {
    return pendingCost;
  }

  /** Position in the journal, for {@link #rollbackTo(int)}. */
  int mark() {
    return journalSize;
  }

  /** Undoes the adds made after {@code mark} (cost and bandwidth included). */
  void rollbackTo(int mark) {
    while (journalSize > mark) {
      int delta = journal[--journalSize];
      int link = journal[--journalSize];
      double before = load(link);
      count[link] -= delta;
      pendingCost += cost(load(link)) - cost(before);
      if (link < numNodes) {
        bandwidth -= delta;
      }
    }
    if (journalSize == 0) {
      pendingCost = 0;
      pendingRaisesMax = false;
    }
  }

  /** Undoes every add since the last commit. */
  void rollback() {
    rollbackTo(0);
  }

  /**
   * Keeps the adds since the last commit and updates the maximum and the threshold: in time proportional
   * to the adds, unless the maximum rose or its last link left it (then O(N)).
   */
  void commit() {
    for (int i = 0; i < journalSize; i += 2) {
      net[journal[i]] += journal[i + 1];
    }
    for (int i = 0; i < journalSize; i += 2) {
      int link = journal[i];
      if (net[link] != 0) {
        boolean wasAtMax = Math.abs((count[link] - net[link]) * inverseCapacity[link] - max) < EPS;
        boolean isAtMax = Math.abs(load(link) - max) < EPS;
        atMax += (isAtMax ? 1 : 0) - (wasAtMax ? 1 : 0);
        net[link] = 0;
      }
    }
    boolean recompute = pendingRaisesMax || atMax <= 0;
    journalSize = 0;
    pendingCost = 0;
    pendingRaisesMax = false;
    if (recompute) {
      recomputeMax();
    }
  }

  /**
   * Caps the threshold at {@code ceiling - MARGIN}: links above the ceiling (the best maximum found so
   * far) keep costing even when the maximum has risen.
   */
  void setCeiling(double ceiling) {
    this.ceiling = ceiling;
    threshold = Math.min(max, ceiling) - MARGIN;
  }

  /** Normalised load of the busiest link (committed state). */
  double maxLoad() {
    return max;
  }

  /** Whether the link is among those that cost, i.e. above the threshold. */
  boolean isHot(int link) {
    return load(link) > threshold + EPS;
  }

  private double cost(double load) {
    double over = load - threshold;
    return (over > 0 ? over * over : 0) + BALANCE * load * load;
  }

  private void recomputeMax() {
    max = 0;
    atMax = 0;
    for (int l = 0; l < count.length; l++) {
      double v = load(l);
      if (v > max + EPS) {
        max = v;
        atMax = 1;
      } else if (v > max - EPS) {
        atMax++;
      }
    }
    threshold = Math.min(max, ceiling) - MARGIN;
  }
}
