package org.bart.namenode.transition;

import org.bart.plan.BandwidthProfile;
import org.bart.plan.approach.Approach;

/** What the operator asked of one transition. Immutable. */
public final class TransitionOptions {

  public final String tree;
  public final Approach approach;
  public final int lambda;
  /** Upload/download bandwidth per node, in the order of the cluster's node list; or null. */
  public final String bandwidthProfileText;
  public final boolean dryRun;
  /** Seed of the planner's random choices, or null for a fresh one. */
  public final Long seed;
  /** Wide groups per batch at most, or 0 for the NameNode's dfs.bart.transition.batch.groups. */
  public final int batchGroups;

  public TransitionOptions(String tree, Approach approach, int lambda,
      String bandwidthProfileText, boolean dryRun, Long seed, int batchGroups) {
    this.tree = tree;
    this.approach = approach;
    this.lambda = lambda;
    this.bandwidthProfileText = bandwidthProfileText;
    this.dryRun = dryRun;
    this.seed = seed;
    this.batchGroups = batchGroups;
  }

  /** Parses the bandwidth profile for {@code numNodes} nodes, or returns null if none was given. */
  BandwidthProfile bandwidthProfile(int numNodes) {
    if (bandwidthProfileText == null) {
      return null;
    }
    String[] lines = bandwidthProfileText.trim().split("\n");
    if (lines.length != 2) {
      throw new IllegalArgumentException("bandwidth profile: expected 2 lines (upload, download), got "
          + lines.length);
    }
    return new BandwidthProfile(parse(lines[0], numNodes, "upload"),
        parse(lines[1], numNodes, "download"));
  }

  private static double[] parse(String line, int numNodes, String what) {
    String[] f = line.trim().split("\\s+");
    if (f.length != numNodes) {
      throw new IllegalArgumentException("bandwidth profile: " + what + " line has " + f.length
          + " values, the cluster has " + numNodes + " DataNodes with agents");
    }
    double[] v = new double[numNodes];
    for (int i = 0; i < numNodes; i++) {
      v[i] = Double.parseDouble(f[i]);
    }
    return v;
  }
}
