package org.bart.protocol.ops;

import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;

/**
 * Move {@code block} from {@code source} to {@code targetNode} the way the Balancer does
 * (DataTransferProtocol's replaceBlock): the target copies it under the same id and the NameNode
 * then deletes the source's replica. Immutable.
 */
public final class MoveOp {
  private final Replica block;
  private final AgentNode source;
  private final AgentNode targetNode;

  public MoveOp(Replica block, AgentNode source, AgentNode targetNode) {
    this.block = block;
    this.source = source;
    this.targetNode = targetNode;
  }

  public Replica block() {
    return block;
  }

  public AgentNode source() {
    return source;
  }

  public AgentNode targetNode() {
    return targetNode;
  }

  @Override
  public String toString() {
    return "move " + block + " from " + source + " to " + targetNode;
  }
}
