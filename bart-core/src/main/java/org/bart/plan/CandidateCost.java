package org.bart.plan;

import java.util.Arrays;

/**
 * Evaluates BART's grouping cost ({@code StripeGroup::getTransBW}) of "partial group + one more stripe"
 * for many candidate stripes against one partial group, without building a group object per candidate.
 *
 * <p>{@link #load} precomputes the partial group (its data blocks per node and, per parity index, the
 * sorted nodes holding that parity); {@link #cost} then costs one candidate in O(lambda * (k_i + m_f))
 * time and no allocation. The value equals BART's exactly: data relocation, then either the re-encoding
 * estimate or the greedy parity-merge estimate whose merge nodes are picked in ascending node order with
 * strict improvement (ties go to the lowest node id) and an early stop at zero.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class CandidateCost {

  private final CostModel model;
  private final int[][] stripes;
  private final int kI;
  private final int kF;
  private final int mF;

  private final int[] dataCount;
  private final int[] touched;
  private int numTouched;
  private int partialSize;
  private int partialReloc;
  private int partialMaxData;

  private final int[][] parityNodes;
  private final int[][] parityCounts;
  private final int[] numParityNodes;
  private final int numNodes;
  private final int[] boundAt;
  private final int[] parities;

  private final int[] stamp;
  private int token;
  private final int[] mergeNodes;

  CandidateCost(PlanningProblem problem, CostModel model) {
    CodeParams code = problem.code();
    this.model = model;
    this.stripes = problem.stripes();
    this.kI = code.kI();
    this.kF = code.kF();
    this.mF = code.mF();
    int lambda = code.lambda();
    this.dataCount = new int[problem.numNodes()];
    this.touched = new int[lambda * kI];
    this.parityNodes = new int[mF][lambda];
    this.parityCounts = new int[mF][lambda];
    this.numParityNodes = new int[mF];
    this.numNodes = problem.numNodes();
    this.boundAt = new int[mF * numNodes];
    // The bound reads one candidate's parities per call; a flat array keeps them in one cache line.
    this.parities = new int[stripes.length * mF];
    for (int s = 0; s < stripes.length; s++) {
      System.arraycopy(stripes[s], kI, parities, s * mF, mF);
    }
    this.stamp = new int[problem.numNodes()];
    this.mergeNodes = new int[mF];
  }

  /** Makes {@code partial} (ascending stripe ids, fewer than lambda) the group candidates are added to. */
  void load(int[] partial) {
    for (int i = 0; i < numTouched; i++) {
      dataCount[touched[i]] = 0;
    }
    numTouched = 0;
    partialSize = partial.length;
    partialReloc = 0;
    partialMaxData = 0;
    for (int s : partial) {
      int[] nodes = stripes[s];
      for (int b = 0; b < kI; b++) {
        int c = ++dataCount[nodes[b]];
        if (c == 1) {
          touched[numTouched++] = nodes[b];
        } else {
          partialReloc++;
        }
        partialMaxData = Math.max(partialMaxData, c);
      }
    }
    int size = partialSize + 1;
    for (int j = 0; j < mF; j++) {
      numParityNodes[j] = 0;
      for (int s : partial) {
        insertParityNode(j, stripes[s][kI + j]);
      }
      int most = 0;
      for (int k = 0; k < numParityNodes[j]; k++) {
        most = Math.max(most, parityCounts[j][k]);
      }
      // the bound's term for parity j when the candidate's parity j is on node n
      Arrays.fill(boundAt, j * numNodes, (j + 1) * numNodes, size - Math.max(most, 1));
      for (int k = 0; k < numParityNodes[j]; k++) {
        boundAt[j * numNodes + parityNodes[j][k]] = size - Math.max(most, parityCounts[j][k] + 1);
      }
    }
  }

  private void insertParityNode(int j, int node) {
    int[] nodes = parityNodes[j];
    int[] counts = parityCounts[j];
    int n = numParityNodes[j];
    int pos = 0;
    while (pos < n && nodes[pos] < node) {
      pos++;
    }
    if (pos < n && nodes[pos] == node) {
      counts[pos]++;
      return;
    }
    System.arraycopy(nodes, pos, nodes, pos + 1, n - pos);
    System.arraycopy(counts, pos, counts, pos + 1, n - pos);
    nodes[pos] = node;
    counts[pos] = 1;
    numParityNodes[j] = n + 1;
  }

  /**
   * A cheap lower bound of {@link #cost}(s). For parity merging: per parity, the group size minus the most
   * copies of that parity on one node (merging anywhere needs at least the other copies sent), read from a
   * per-node table built by {@link #load}, so m_f lookups instead of the full estimate; for re-encoding,
   * whose estimate is cheap, the cost itself.
   */
  int lowerBound(int s) {
    if (model == CostModel.RE_ENCODE) {
      return cost(s);
    }
    int bound = 0;
    for (int j = 0, i = s * mF; j < mF; j++, i++) {
      bound += boundAt[j * numNodes + parities[i]];
    }
    return bound;
  }

  /** The grouping cost of the loaded partial group plus stripe s (s not in the partial group). */
  int cost(int s) {
    if (++token == 0) {
      Arrays.fill(stamp, 0);
      token = 1;
    }
    int[] nodes = stripes[s];
    int reloc = partialReloc;
    int maxData = partialMaxData;
    for (int b = 0; b < kI; b++) {
      int c = dataCount[nodes[b]];
      stamp[nodes[b]] = token;
      if (c > 0) {
        reloc++;
      }
      maxData = Math.max(maxData, c + 1);
    }
    if (model == CostModel.RE_ENCODE) {
      return kF - maxData + reloc;
    }
    return reloc + mergeCost(nodes);
  }

  /**
   * The parity-merge part for the group evaluated by the last {@link #cost} call; records the chosen merge
   * nodes. Each parity's merge node counts as placed for the later parities.
   */
  private int mergeCost(int[] candidate) {
    int size = partialSize + 1;
    int total = 0;
    for (int j = 0; j < mF; j++) {
      int p = candidate[kI + j];
      int[] nodes = parityNodes[j];
      int[] counts = parityCounts[j];
      int n = numParityNodes[j];
      int best = Integer.MAX_VALUE;
      int bestNode = -1;
      boolean pending = true;
      int k = 0;
      while (k < n || pending) {
        int q;
        int count;
        if (pending && (k >= n || p < nodes[k])) {
          q = p;
          count = 1;
          pending = false;
        } else {
          q = nodes[k];
          count = counts[k];
          if (pending && q == p) {
            count++;
            pending = false;
          }
          k++;
        }
        int bw = size - count + (isPlaced(q, j) ? 1 : 0);
        if (bw < best) {
          best = bw;
          bestNode = q;
          if (best == 0) {
            break;
          }
        }
      }
      mergeNodes[j] = bestNode;
      total += best;
    }
    return total;
  }

  /** Whether node q already holds a data block of the group or an earlier new parity. */
  private boolean isPlaced(int q, int parity) {
    if (dataCount[q] > 0 || stamp[q] == token) {
      return true;
    }
    for (int j = 0; j < parity; j++) {
      if (mergeNodes[j] == q) {
        return true;
      }
    }
    return false;
  }

  /**
   * BART's {@code getPMBW} merge nodes of the complete group "loaded partial group + s" (the node the
   * parity-merge estimate picks for each parity); used by BWPM. Requires the parity-merge cost model.
   */
  int[] parityMergeNodes(int s) {
    if (model != CostModel.PARITY_MERGE) {
      throw new IllegalStateException("merge nodes come from the parity-merge cost model");
    }
    cost(s);
    return mergeNodes.clone();
  }

  /**
   * BART's {@code getREBW} encoding node of "loaded partial group + s": the node holding the most data
   * blocks, lowest id on ties; used by BWRE.
   */
  int reEncodeNode(int s) {
    int[] nodes = stripes[s];
    int best = -1;
    int bestCount = 0;
    for (int i = 0; i < numTouched + kI; i++) {
      int q = i < numTouched ? touched[i] : nodes[i - numTouched];
      int c = dataCount[q] + (contains(nodes, q) ? 1 : 0);
      if (c > bestCount || (c == bestCount && q < best)) {
        best = q;
        bestCount = c;
      }
    }
    return best;
  }

  private boolean contains(int[] stripe, int node) {
    for (int b = 0; b < kI; b++) {
      if (stripe[b] == node) {
        return true;
      }
    }
    return false;
  }
}
