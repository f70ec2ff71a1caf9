package org.bart.protocol.ops;

import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;

/**
 * Stream the agent's local replica {@code source} to {@code targetNode}, stored there as {@code
 * target}. Immutable.
 */
public final class SendOp {
  private final Replica source;
  private final Replica target;
  private final AgentNode targetNode;

  public SendOp(Replica source, Replica target, AgentNode targetNode) {
    this.source = source;
    this.target = target;
    this.targetNode = targetNode;
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
    return "send " + source + " to " + targetNode + " as " + target;
  }
}
