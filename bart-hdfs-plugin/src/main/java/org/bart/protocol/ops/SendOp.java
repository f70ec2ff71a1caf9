package org.bart.protocol.ops;

import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;

/**
 * Stream the agent's local replica {@code source} to {@code targetNode}, stored there as {@code
 * target}; or, asked of the target's own agent with the node the source is on, store it from the
 * copy fetched ahead (see {@code TransitionAgents.prefetch}), reading the source there if the copy
 * is gone. Immutable.
 */
public final class SendOp {
  private final Replica source;
  private final Replica target;
  private final AgentNode targetNode;
  private final AgentNode sourceNode;

  /** A push by the agent holding {@code source}. */
  public SendOp(Replica source, Replica target, AgentNode targetNode) {
    this(source, target, targetNode, null);
  }

  private SendOp(Replica source, Replica target, AgentNode targetNode, AgentNode sourceNode) {
    this.source = source;
    this.target = target;
    this.targetNode = targetNode;
    this.sourceNode = sourceNode;
  }

  /** A pull by the target's agent of {@code source}, which is on {@code sourceNode}. */
  public static SendOp pull(Replica source, AgentNode sourceNode, Replica target,
      AgentNode targetNode) {
    return new SendOp(source, target, targetNode, sourceNode);
  }

  /** The node holding the source for a pull; null for a push. */
  public AgentNode sourceNode() {
    return sourceNode;
  }

  public Replica source() {
    return source;
  }

  public Replica target() {
    return target;
  }

  public AgentNode targetNode() {
    return targetNode;
  }

  @Override
  public String toString() {
    return "send " + source + (sourceNode == null ? "" : " on " + sourceNode) + " to "
        + targetNode + " as " + target;
  }
}
