package org.bart.protocol.wide;

/**
 * One unit (internal block) of a wide row as a request describes it: its length, and the replica
 * and DataNode to read it from. Without a replica or node the unit is known to be lost, except a
 * unit of length 0 without a replica, which is known to be all zeros (a member that left the
 * group). Immutable.
 */
public final class WideUnit {
  private final long length;
  private final Replica replica;
  private final AgentNode node;

  /**
   * @param length the unit's length in bytes (also for a lost unit)
   * @param replica where its bytes are stored, or null
   * @param node the DataNode holding {@code replica}, or null
   */
  public WideUnit(long length, Replica replica, AgentNode node) {
    this.length = length;
    this.replica = replica;
    this.node = node;
  }

  public long length() {
    return length;
  }

  /** The replica, or null. */
  public Replica replica() {
    return replica;
  }

  /** The DataNode holding the replica, or null. */
  public AgentNode node() {
    return node;
  }

  /** Whether the request already says the unit cannot be read (its bytes must be decoded). */
  public boolean isKnownLost() {
    return (replica == null || node == null) && length > 0;
  }
}
