package org.bart.protocol.wide;

/**
 * A replica as an operation names it: block pool, block id, generation stamp and length. Immutable;
 * {@link #toString()} is how BART's messages name a replica ("blk_ID_GS (N bytes)").
 */
public final class Replica {
  private final String poolId;
  private final long blockId;
  private final long genStamp;
  private final long numBytes;

  public Replica(String poolId, long blockId, long genStamp, long numBytes) {
    this.poolId = poolId;
    this.blockId = blockId;
    this.genStamp = genStamp;
    this.numBytes = numBytes;
  }

  public String poolId() {
    return poolId;
  }

  public long blockId() {
    return blockId;
  }

  public long genStamp() {
    return genStamp;
  }

  public long numBytes() {
    return numBytes;
  }

  @Override
  public String toString() {
    return "blk_" + blockId + "_" + genStamp + " (" + numBytes + " bytes)";
  }
}
