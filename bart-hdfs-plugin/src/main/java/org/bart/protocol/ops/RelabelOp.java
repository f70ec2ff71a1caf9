package org.bart.protocol.ops;

import org.bart.protocol.wide.Replica;

/**
 * Give the agent's local replica {@code source} a second name {@code target}: same bytes, the new
 * id and genstamp (a hard link where the volume allows it). Immutable.
 */
public final class RelabelOp {
  private final Replica source;
  private final Replica target;

  public RelabelOp(Replica source, Replica target) {
    this.source = source;
    this.target = target;
  }

  public Replica source() {
    return source;
  }

  public Replica target() {
    return target;
  }

  @Override
  public String toString() {
    return "relabel " + source + " as " + target;
  }
}
