package org.bart.plan;

import java.util.Arrays;

/**
 * BART's Step 2 ({@code genParityGenerationForPM} and its weighted twin, spec §4.3.2 and §4.3.5): choose
 * the merge node of every new parity so that the busiest node's load is as low as possible, then the
 * bandwidth.
 *
 * <p>The model is a global load table of per-node send and receive counts. It starts with the data
 * relocation sends and every old parity assumed sent; fixes "perfect" parities (all lambda narrow parities
 * j on one node); places the rest greedily, group by group; then sweeps all groups repeatedly, moving
 * parities while that keeps (max load, parity bandwidth) lexicographically no worse, until a sweep fails
 * to strictly improve (max load, model bandwidth). Ties are broken by a random draw.
 *
 * <p>The objective compares {@code load / link bandwidth} as doubles; the unweighted approaches use a
 * bandwidth of 1 everywhere, which yields exactly BART's integer comparisons. A candidate's table differs
 * from a base table in one cell, so its max is max(top of the base excluding that cell, the new cell),
 * taken from the base's top two (spec §4.3.2): O(N) per parity instead of BART's O(N^2).
 *
 * <p>Faithful to BART, quirks included, because exactness is tested:
 * <ul>
 *   <li>cells are 16-bit and wrap ({@link #MASK});
 *   <li>Q2: a perfect parity is not counted as placed in the initial pass;
 *   <li>Q1: in the sweeps, a parity leaving a node where it was alone leaves phantom occupancy behind;
 *   <li>a tie-break draw happens for every non-perfect parity in the initial pass, even with one
 *       candidate, and for every parity with a candidate move in the sweeps.
 * </ul>
 */
final class ParityGeneration {

  /** BART's load table cells are {@code uint16_t}. */
  private static final int MASK = 0xFFFF;

  private final PlanningProblem problem;
  private final int[][] groups;
  private final BandwidthProfile weights;
  private final Rng rng;
  private final int numNodes;
  private final int kI;
  private final int mF;
  private final int lambda;

  private int[] slt;
  private int[] rlt;
  private long bw;
  private final int[][] mergeNodes;
  private final boolean[][] perfect;

  private final int[] placement;
  private final int[] parityCount;
  private int[] baseSend;
  private int[] baseRecv;
  private final int[] best;
  private int numBest;
  private double minLoad;
  private int minBw;

  ParityGeneration(PlanningProblem problem, int[][] groups, BandwidthProfile weights, Rng rng) {
    this.problem = problem;
    this.groups = groups;
    this.weights = weights;
    this.rng = rng;
    this.numNodes = problem.numNodes();
    this.kI = problem.code().kI();
    this.mF = problem.code().mF();
    this.lambda = problem.code().lambda();
    this.slt = new int[numNodes];
    this.rlt = new int[numNodes];
    this.mergeNodes = new int[groups.length][mF];
    this.perfect = new boolean[groups.length][mF];
    this.placement = new int[numNodes];
    this.parityCount = new int[numNodes];
    this.baseSend = new int[numNodes];
    this.baseRecv = new int[numNodes];
    this.best = new int[numNodes];
  }

  /** Runs the initial assignment and the sweeps; returns the merge node of parity j of group g at [g][j]. */
  int[][] run() {
    initLoadTable();
    findPerfectParities();
    for (int g = 0; g < groups.length; g++) {
      assignInitially(g);
    }
    double loadIter = maxLoad(slt, rlt);
    long bwIter = bw;
    while (true) {
      for (int g = 0; g < groups.length; g++) {
        sweep(g);
      }
      double loadAfter = maxLoad(slt, rlt);
      if (loadAfter < loadIter || (loadAfter == loadIter && bw < bwIter)) {
        loadIter = loadAfter;
        bwIter = bw;
      } else {
        return mergeNodes;
      }
    }
  }

  /**
   * The receive load of parity merging per node, summed over groups (16-bit, as BART's table): Step 3's
   * starting loads.
   */
  int[] mergeReceiveLoad() {
    int[] recv = new int[numNodes];
    for (int g = 0; g < groups.length; g++) {
      for (int j = 0; j < mF; j++) {
        int e = mergeNodes[g][j];
        recv[e] = (recv[e] + lambda - countParities(g, j, e)) & MASK;
      }
    }
    return recv;
  }

  private int countParities(int g, int j, int node) {
    int count = 0;
    for (int s : groups[g]) {
      if (problem.node(s, kI + j) == node) {
        count++;
      }
    }
    return count;
  }

  /** Data relocation sends plus every old parity sent (BART's {@code initLTForParityGeneration}). */
  private void initLoadTable() {
    for (int g = 0; g < groups.length; g++) {
      for (int s : groups[g]) {
        for (int b = 0; b < kI; b++) {
          int q = problem.node(s, b);
          if (placement[q]++ > 0) {
            slt[q] = (slt[q] + 1) & MASK;
          }
        }
        for (int j = 0; j < mF; j++) {
          int q = problem.node(s, kI + j);
          slt[q] = (slt[q] + 1) & MASK;
        }
      }
      clearPlacement();
    }
    for (int v : slt) {
      bw += v;
    }
  }

  private void findPerfectParities() {
    for (int g = 0; g < groups.length; g++) {
      for (int j = 0; j < mF; j++) {
        int first = problem.node(groups[g][0], kI + j);
        if (countParities(g, j, first) == lambda) {
          perfect[g][j] = true;
          mergeNodes[g][j] = first;
        }
      }
    }
  }

  /** BART's {@code initSolOfParityGenerationForPM} for one group. */
  private void assignInitially(int g) {
    addData(g);
    for (int j = 0; j < mF; j++) {
      if (perfect[g][j]) {
        int e = mergeNodes[g][j];
        slt[e] = (slt[e] - lambda) & MASK;
        bw -= lambda;
        continue; // Q2: the perfect parity is not added to placement
      }
      countParityNodes(g, j, 1);
      System.arraycopy(slt, 0, baseSend, 0, numNodes);
      System.arraycopy(rlt, 0, baseRecv, 0, numNodes);
      evaluate(-1, Double.MAX_VALUE, 255);
      int c = best[rng.nextInt(0, numBest - 1)];
      int s = parityCount[c];
      apply(c);
      bw += -s + (minBw - (lambda - s));
      mergeNodes[g][j] = c;
      placement[c]++;
      countParityNodes(g, j, -1);
    }
    clearPlacement();
  }

  /** One group of BART's {@code optimizeSolOfParityGenerationForPM} sweep. */
  private void sweep(int g) {
    addData(g);
    for (int j = 0; j < mF; j++) {
      placement[mergeNodes[g][j]]++;
    }
    for (int j = 0; j < mF; j++) {
      if (perfect[g][j]) {
        continue;
      }
      int cur = mergeNodes[g][j];
      countParityNodes(g, j, 1);
      int sc = parityCount[cur];
      double curLoad = maxLoad(slt, rlt);
      int curBw = lambda - sc;
      // baseSend = the table without this parity, plus every narrow parity j sent (each candidate then
      // takes back the ones already on it); baseRecv = the table without this parity's receives.
      System.arraycopy(slt, 0, baseSend, 0, numNodes);
      for (int s : groups[g]) {
        int q = problem.node(s, kI + j);
        if (q != cur) {
          baseSend[q] = (baseSend[q] - 1) & MASK;
        }
      }
      if (placement[cur] > 1) { // Q1: not decremented when the parity was alone on cur
        placement[cur]--;
        baseSend[cur] = (baseSend[cur] - 1) & MASK;
        curBw++;
      }
      for (int s : groups[g]) {
        int q = problem.node(s, kI + j);
        baseSend[q] = (baseSend[q] + 1) & MASK;
      }
      System.arraycopy(rlt, 0, baseRecv, 0, numNodes);
      baseRecv[cur] = (baseRecv[cur] - (lambda - sc)) & MASK;
      evaluate(cur, curLoad, curBw);
      if (numBest == 0) {
        placement[cur]++;
      } else {
        int c = best[rng.nextInt(0, numBest - 1)];
        apply(c);
        mergeNodes[g][j] = c;
        bw = bw - curBw + minBw;
        placement[c]++;
      }
      countParityNodes(g, j, -1);
    }
    clearPlacement();
  }

  /**
   * Evaluates every node as the merge node of the current parity against baseSend/baseRecv and collects
   * the best ones in ascending order, exactly as BART's candidate loop: a candidate at least as good as the
   * best so far is appended (except {@code exclude}), a strictly better one restarts the list.
   */
  private void evaluate(int exclude, double startLoad, int startBw) {
    double top = -1;
    int topNode = -1;
    double second = -1;
    for (int n = 0; n < numNodes; n++) {
      double w = nodeLoad(n, baseSend[n], baseRecv[n]);
      if (w > top) {
        second = top;
        top = w;
        topNode = n;
      } else if (w > second) {
        second = w;
      }
    }
    minLoad = startLoad;
    minBw = startBw;
    numBest = 0;
    for (int c = 0; c < problem.targetNodes(); c++) { // never a virtual node
      int s = parityCount[c];
      int reloc = placement[c] > 0 ? 1 : 0;
      int bwc = lambda - s + reloc;
      double own = nodeLoad(c, (baseSend[c] - s + reloc) & MASK, (baseRecv[c] + lambda - s) & MASK);
      double load = Math.max(c == topNode ? second : top, own);
      boolean better = load < minLoad || (load == minLoad && bwc < minBw);
      if (better) {
        minLoad = load;
        minBw = bwc;
        numBest = 0;
        best[numBest++] = c;
      } else if (load == minLoad && bwc == minBw && c != exclude) {
        best[numBest++] = c;
      }
    }
  }

  /** Makes the table the candidate's: base tables with the chosen node's cell updated. */
  private void apply(int c) {
    int s = parityCount[c];
    int reloc = placement[c] > 0 ? 1 : 0;
    baseSend[c] = (baseSend[c] - s + reloc) & MASK;
    baseRecv[c] = (baseRecv[c] + lambda - s) & MASK;
    int[] t = slt;
    slt = baseSend;
    baseSend = t;
    t = rlt;
    rlt = baseRecv;
    baseRecv = t;
  }

  /** max over nodes of max(send / upload, recv / download). */
  private double maxLoad(int[] send, int[] recv) {
    double max = 0;
    for (int n = 0; n < numNodes; n++) {
      max = Math.max(max, nodeLoad(n, send[n], recv[n]));
    }
    return max;
  }

  private double nodeLoad(int n, int send, int recv) {
    return Math.max(send / weights.upload(n), recv / weights.download(n));
  }

  private void addData(int g) {
    for (int s : groups[g]) {
      for (int b = 0; b < kI; b++) {
        placement[problem.node(s, b)]++;
      }
    }
  }

  /**
   * Empties the occupancy scratch. The whole array: a parity that moved may leave phantom occupancy (Q1) on
   * a node that is no longer any of the group's merge nodes.
   */
  private void clearPlacement() {
    Arrays.fill(placement, 0);
  }

  private void countParityNodes(int g, int j, int delta) {
    for (int s : groups[g]) {
      parityCount[problem.node(s, kI + j)] += delta;
    }
  }
}
