package org.bart.protocol.ops;

import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;

/** A replica and the DataNode to read it from. Immutable. */
public final class ReplicaAt {
  private final Replica replica;
  private final AgentNode node;

  public ReplicaAt(Replica replica, AgentNode node) {
    this.replica = replica;
    this.node = node;
  }

  public Replica replica() {
    return replica;
  }

  public AgentNode node() {
    return node;
  }

  @Override
  public String toString() {
    return replica + " on " + node;
  }
}
