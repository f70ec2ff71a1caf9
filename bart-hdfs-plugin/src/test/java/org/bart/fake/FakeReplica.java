package org.bart.fake;

/**
 * A finalized replica on a fake DataNode: its genstamp, length and bytes (null when the cluster
 * keeps sizes only). A relabel shares the byte array, as a hard link shares the inode. Immutable.
 */
public final class FakeReplica {
  final long genStamp;
  final long length;
  final byte[] bytes;

  FakeReplica(long genStamp, long length, byte[] bytes) {
    this.genStamp = genStamp;
    this.length = length;
    this.bytes = bytes;
  }

  /** The bytes (null in a sizes-only cluster). */
  public byte[] bytes() {
    return bytes;
  }

  public long length() {
    return length;
  }
}
