package org.bart.namenode.read;

/** Where one block group of a transitioned file is protected: its wide group and its position. */
public final class MemberRef {
  private final long parityFileId;
  private final int position;

  /**
   * @param parityFileId inode id of the wide group's parity file
   * @param position the member's position in the wide order
   */
  public MemberRef(long parityFileId, int position) {
    this.parityFileId = parityFileId;
    this.position = position;
  }

  public long parityFileId() {
    return parityFileId;
  }

  public int position() {
    return position;
  }
}
