package org.bart.plan.lspm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A snapshot of the nodes with the least-loaded receive links, refreshed on demand: the cheap places to
 * merge or relocate to. Between refreshes it may be stale, which only makes a candidate less good.
 */
final class ColdLinks {

  private final LinkLoads loads;
  private final int numNodes;
  private final int[] nodes;
  private final long[] keyed;

  /** Keeps the {@code size} coldest (at most the number of nodes). */
  ColdLinks(LinkLoads loads, int numNodes, int size) {
    this.loads = loads;
    this.numNodes = numNodes;
    this.nodes = new int[Math.min(size, numNodes)];
    this.keyed = new long[numNodes];
    refresh();
  }

  /** Re-selects the coldest receive links from the current loads: O(N log N). */
  void refresh() {
    for (int n = 0; n < numNodes; n++) {
      long scaled = (long) (loads.load(loads.recv(n)) * 1024);
      keyed[n] = (scaled << 20) | n;
    }
    Arrays.sort(keyed);
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = (int) (keyed[i] & ((1 << 20) - 1));
    }
  }

  /** Number of nodes in the snapshot. */
  int size() {
    return nodes.length;
  }

  /** The i-th coldest node of the snapshot. */
  int get(int i) {
    return nodes[i];
  }

  /** A node of the snapshot, uniformly at random. */
  int pick(SplittableRandom random) {
    return nodes[random.nextInt(nodes.length)];
  }
}
