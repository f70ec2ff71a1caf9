package org.bart.protocol.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bart.codec.WideCode;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;

/**
 * Merge the narrow parities of index {@code parityIndex} of a wide group's members (one source per
 * member, in member order) into wide parity {@code target}, stored on {@code targetNode} (which may
 * be the merging node): {@code target = sum_s x_r^s * source_s}, shorter sources padded with zeros
 * to the target's length, the longest source's. Also what a check of that wide parity recomputes.
 * Immutable.
 */
public final class MergeOp {
  private final WideCode code;
  private final int parityIndex;
  private final List<ReplicaAt> sources;
  private final Replica target;
  private final AgentNode targetNode;

  public MergeOp(WideCode code, int parityIndex, List<ReplicaAt> sources, Replica target,
      AgentNode targetNode) {
    this.code = code;
    this.parityIndex = parityIndex;
    this.sources = Collections.unmodifiableList(new ArrayList<>(sources));
    this.target = target;
    this.targetNode = targetNode;
  }

  public WideCode code() {
    return code;
  }

  public int parityIndex() {
    return parityIndex;
  }

  /** One per member, in member order (unmodifiable). */
  public List<ReplicaAt> sources() {
    return sources;
  }

  public Replica target() {
    return target;
  }

  public AgentNode targetNode() {
    return targetNode;
  }

  @Override
  public String toString() {
    return "merge of parity " + parityIndex + " into " + target + " on " + targetNode;
  }
}
