package org.bart.plan;

import java.util.Arrays;

/**
 * BART's Step 3 ({@code genStripeRedistribution} with {@code Bipartite::findOptSemiMatching}, spec
 * §4.3.3): send every block that must move to a node so that receive loads stay balanced.
 *
 * <p>Left vertices are the moving blocks (groups in order, wide blocks in order), right vertices the nodes;
 * block l may go to any free node of its group. Right vertices start with the parity-merge receive load.
 * For each left vertex in turn (ASM1 of Harvey et al.), a breadth-first search over alternating paths finds
 * the least-loaded reachable node (ties: first popped), never using a node that a block of the same group
 * is matched to, and the path is flipped so only that node's load grows. Loads compare as {@code load /
 * download bandwidth} (BTWeighted) or plain counts (bandwidth 1).
 *
 * <p>Deterministic. Unlike BART's, a search stops as soon as it pops a node whose load is the global
 * minimum: no later node can be strictly less loaded and the path found is already fixed, so the result is
 * the same.
 */
final class SemiMatching {

  private final Relocation[] relocations;
  private final BandwidthProfile weights;
  private final long[] load;

  private final int[] groupOf;
  private final int[] firstLeft;
  private final int[] match;
  private final int[][] matchedLefts;
  private final int[] numMatchedLefts;

  private final int[] queue;
  private final int[] leftSeen;
  private final int[] rightSeen;
  private final int[] blocked;
  private int blockToken;
  private final int[] leftParent;
  private final int[] rightParent;

  private SemiMatching(Relocation[] relocations, BandwidthProfile weights, int[] initialLoad) {
    this.relocations = relocations;
    this.weights = weights;
    int numNodes = initialLoad.length;
    this.load = new long[numNodes];
    for (int n = 0; n < numNodes; n++) {
      load[n] = initialLoad[n];
    }
    this.firstLeft = new int[relocations.length + 1];
    for (int g = 0; g < relocations.length; g++) {
      firstLeft[g + 1] = firstLeft[g] + relocations[g].blocks.length;
    }
    int numLeft = firstLeft[relocations.length];
    this.groupOf = new int[numLeft];
    for (int g = 0; g < relocations.length; g++) {
      Arrays.fill(groupOf, firstLeft[g], firstLeft[g + 1], g);
    }
    this.match = new int[numLeft];
    Arrays.fill(match, -1);
    this.matchedLefts = new int[numNodes][4];
    this.numMatchedLefts = new int[numNodes];
    this.queue = new int[numLeft + numNodes];
    this.leftSeen = new int[numLeft];
    this.rightSeen = new int[numNodes];
    this.blocked = new int[numNodes];
    this.leftParent = new int[numLeft];
    this.rightParent = new int[numNodes];
  }

  /**
   * Places the moving blocks of every group.
   *
   * @param relocations per group, its initial wide placement, moving blocks and free nodes
   * @param initialLoad per node, the receive load before relocation
   * @return per group, the post-placement (n_f nodes)
   */
  static int[][] place(Relocation[] relocations, BandwidthProfile weights, int[] initialLoad) {
    SemiMatching m = new SemiMatching(relocations, weights, initialLoad);
    for (int root = 0; root < m.match.length; root++) {
      m.augment(root, m.search(root));
    }
    int[][] post = new int[relocations.length][];
    for (int g = 0; g < relocations.length; g++) {
      Relocation r = relocations[g];
      post[g] = r.initial.clone();
      for (int i = 0; i < r.blocks.length; i++) {
        post[g][r.blocks[i]] = m.match[m.firstLeft[g] + i];
      }
    }
    return post;
  }

  private double key(int node) {
    return load[node] / weights.download(node);
  }

  /**
   * Breadth-first search over alternating paths from an unmatched root; returns the least-loaded right
   * vertex reached (first popped on ties), with the parent links of its path recorded.
   */
  private int search(int root) {
    int stamp = root + 1;
    double floor = Double.MAX_VALUE;
    for (int n = 0; n < load.length; n++) {
      floor = Math.min(floor, key(n));
    }
    int head = 0;
    int tail = 0;
    queue[tail++] = root;
    int least = -1;
    while (head < tail) {
      int v = queue[head++];
      if (v >= 0) {
        tail = expandLeft(v, stamp, tail);
      } else {
        int r = -v - 1;
        if (least < 0 || key(r) < key(least)) {
          least = r;
          if (key(least) == floor) {
            break;
          }
        }
        tail = expandRight(r, stamp, tail);
      }
    }
    if (least < 0) {
      throw new IllegalStateException("no free node for moving block " + root + " of group " + groupOf[root]);
    }
    return least;
  }

  /** Queues the unvisited free nodes of u's group that no block of the group is matched to. */
  private int expandLeft(int u, int stamp, int tail) {
    int g = groupOf[u];
    blockToken++;
    for (int o = firstLeft[g]; o < firstLeft[g + 1]; o++) {
      if (match[o] >= 0) {
        blocked[match[o]] = blockToken;
      }
    }
    for (int r : relocations[g].freeNodes) {
      if (blocked[r] != blockToken && rightSeen[r] != stamp) {
        rightParent[r] = u;
        rightSeen[r] = stamp;
        queue[tail++] = -r - 1;
      }
    }
    return tail;
  }

  /** Queues the unvisited blocks matched to node r, in ascending order. */
  private int expandRight(int r, int stamp, int tail) {
    int[] lefts = matchedLefts[r];
    for (int i = 0; i < numMatchedLefts[r]; i++) {
      int u = lefts[i];
      if (leftSeen[u] != stamp) {
        leftParent[u] = r;
        leftSeen[u] = stamp;
        queue[tail++] = u;
      }
    }
    return tail;
  }

  /** Flips the alternating path ending at {@code least}: every block on it shifts one node along. */
  private void augment(int root, int least) {
    load[least]++;
    int r = least;
    int u = rightParent[r];
    while (true) {
      int old = match[u];
      if (old >= 0) {
        removeMatched(old, u);
      }
      match[u] = r;
      addMatched(r, u);
      if (u == root) {
        return;
      }
      r = old;
      u = rightParent[r];
    }
  }

  private void addMatched(int r, int u) {
    int n = numMatchedLefts[r];
    if (n == matchedLefts[r].length) {
      matchedLefts[r] = Arrays.copyOf(matchedLefts[r], 2 * n);
    }
    int[] lefts = matchedLefts[r];
    int pos = n;
    while (pos > 0 && lefts[pos - 1] > u) {
      lefts[pos] = lefts[pos - 1];
      pos--;
    }
    lefts[pos] = u;
    numMatchedLefts[r] = n + 1;
  }

  private void removeMatched(int r, int u) {
    int[] lefts = matchedLefts[r];
    int n = numMatchedLefts[r];
    int pos = 0;
    while (lefts[pos] != u) {
      pos++;
    }
    System.arraycopy(lefts, pos + 1, lefts, pos, n - pos - 1);
    numMatchedLefts[r] = n - 1;
  }
}
