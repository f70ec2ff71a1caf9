package org.bart.plan;

/**
 * What a planner is asked to solve: the code pair, the cluster size, where every block of every narrow
 * stripe is (the pre-placement) and, optionally, the nodes' link bandwidths.
 *
 * <p>Stripe s is {@code stripes[s]}: n_i node ids, data blocks D_0..D_{k_i-1} then parities
 * P_0..P_{m_i-1}. Node ids are 0..numNodes-1.
 *
 * <p>Nodes from {@link #targetNodes()} on are <em>virtual</em>: each holds exactly one data block that
 * does not exist (a shortened stripe's absent data unit, all zeros, which HDFS stores nowhere). Such a
 * block never collides and never moves, and no planner may merge on or move anything to a virtual node;
 * {@link TransitionPlan} checks both. Without virtual nodes, targetNodes equals numNodes.
 *
 * <p>Immutable (the arrays are copied in); validated once here so that planners can trust it.
 */
public final class PlanningProblem {

  /** BART stores node ids in {@code uint16_t} and reserves 65535 as "invalid". */
  static final int MAX_NODES = 65535;

  private final CodeParams code;
  private final int numNodes;
  private final int targetNodes;
  private final int[][] stripes;
  private final BandwidthProfile bandwidth;

  /**
   * @param bandwidth per-node bandwidths, or {@code null} when the cluster is homogeneous
   * @throws IllegalArgumentException if numNodes is below n_f or n_i or above 65534, the stripe count is
   *     zero or not a multiple of lambda, a stripe has the wrong length, a node id is out of range, a stripe
   *     has two blocks on one node, or the profile's node count differs; the message names the stripe
   */
  public PlanningProblem(CodeParams code, int numNodes, int[][] stripes, BandwidthProfile bandwidth) {
    this(code, numNodes, numNodes, stripes, bandwidth);
  }

  /**
   * A problem whose nodes from {@code targetNodes} on are virtual (see the class comment).
   *
   * @throws IllegalArgumentException as the other constructor, counting only the target nodes, and if a
   *     virtual node holds a parity block or more than one block
   */
  public PlanningProblem(CodeParams code, int targetNodes, int numNodes, int[][] stripes,
      BandwidthProfile bandwidth) {
    if (targetNodes < code.nF() || targetNodes < code.nI() || targetNodes > numNodes) {
      throw new IllegalArgumentException("need at least max(n_i, n_f) = " + Math.max(code.nI(), code.nF())
          + " nodes so that every stripe's blocks fit on distinct nodes, got " + targetNodes + " nodes");
    }
    if (numNodes >= MAX_NODES) {
      throw new IllegalArgumentException("at most " + (MAX_NODES - 1) + " nodes are supported (16-bit node"
          + " ids), got " + numNodes);
    }
    if (stripes.length == 0 || stripes.length % code.lambda() != 0) {
      throw new IllegalArgumentException("the number of stripes must be a positive multiple of lambda = "
          + code.lambda() + ", got " + stripes.length);
    }
    if (bandwidth != null && bandwidth.numNodes() != numNodes) {
      throw new IllegalArgumentException("bandwidth profile has " + bandwidth.numNodes() + " nodes, the"
          + " cluster has " + numNodes);
    }
    this.code = code;
    this.numNodes = numNodes;
    this.targetNodes = targetNodes;
    this.bandwidth = bandwidth;
    this.stripes = new int[stripes.length][];
    for (int s = 0; s < stripes.length; s++) {
      String problem = checkStripe(code, numNodes, stripes[s]);
      if (problem != null) {
        throw new IllegalArgumentException("stripe " + s + ": " + problem);
      }
      this.stripes[s] = stripes[s].clone();
    }
    if (targetNodes < numNodes) {
      checkVirtualNodes();
    }
  }

  /** Every virtual node holds exactly one block, a data block. */
  private void checkVirtualNodes() {
    boolean[] used = new boolean[numNodes - targetNodes];
    for (int s = 0; s < stripes.length; s++) {
      for (int b = 0; b < stripes[s].length; b++) {
        int v = stripes[s][b] - targetNodes;
        if (v < 0) {
          continue;
        }
        if (b >= code.kI() || used[v]) {
          throw new IllegalArgumentException("stripe " + s + ": virtual node " + stripes[s][b] + " holds "
              + (used[v] ? "a second block" : "parity block " + (b - code.kI()))
              + "; a virtual node holds one absent data block only");
        }
        used[v] = true;
      }
    }
  }

  /**
   * Checks one narrow stripe's placement.
   *
   * @return {@code null} if it has n_i distinct node ids in [0, numNodes), else what is wrong
   */
  static String checkStripe(CodeParams code, int numNodes, int[] nodes) {
    if (nodes.length != code.nI()) {
      return "expected n_i = " + code.nI() + " node ids, got " + nodes.length;
    }
    for (int b = 0; b < nodes.length; b++) {
      if (nodes[b] < 0 || nodes[b] >= numNodes) {
        return "node id " + nodes[b] + " of block " + b + " is out of range [0, " + numNodes + ")";
      }
      for (int c = 0; c < b; c++) {
        if (nodes[c] == nodes[b]) {
          return "blocks " + c + " and " + b + " are both on node " + nodes[b]
              + " (a stripe's blocks must be on distinct nodes)";
        }
      }
    }
    return null;
  }

  /** The code pair. */
  public CodeParams code() {
    return code;
  }

  /** Number of nodes; node ids are 0..numNodes-1. */
  public int numNodes() {
    return numNodes;
  }

  /**
   * Number of real nodes, those a block may be moved to or a parity merged on: ids 0..targetNodes-1. The
   * nodes above are virtual.
   */
  public int targetNodes() {
    return targetNodes;
  }

  /** Whether {@code node} is virtual: it holds one absent data block and takes nothing. */
  public boolean isVirtual(int node) {
    return node >= targetNodes;
  }

  /** Number of narrow stripes; stripe ids are 0..numStripes-1. */
  public int numStripes() {
    return stripes.length;
  }

  /** The node holding block {@code block} (data if below k_i, else parity block - k_i) of stripe s. */
  public int node(int stripe, int block) {
    return stripes[stripe][block];
  }

  /** The bandwidth profile, or {@code null} for a homogeneous cluster. */
  public BandwidthProfile bandwidth() {
    return bandwidth;
  }

  /** The placement arrays themselves, for planners in this package; callers must not modify them. */
  int[][] stripes() {
    return stripes;
  }
}
