package org.bart.plan;

/**
 * One block sent over the network during a transition. Only transfers count toward load: reads, writes,
 * merges and deletions are local.
 *
 * <p>Immutable value.
 */
public final class TransferTask {

  /** Why the block moves. */
  public enum Kind {
    /** A narrow parity j sent to the node merging new parity j. */
    PARITY_FETCH,
    /** A data block copied to the re-encoding node (the original stays). */
    DATA_FETCH,
    /** A wide block moved to its post-placement node. */
    RELOCATION
  }

  private final Kind kind;
  private final int group;
  private final int wideBlock;
  private final int src;
  private final int dst;

  /**
   * @param group the wide group (index in the plan)
   * @param wideBlock the wide block the transfer serves: the new parity k_f + j fed by a parity fetch, the
   *     wide data block fetched for re-encoding, or the wide block relocated
   */
  public TransferTask(Kind kind, int group, int wideBlock, int src, int dst) {
    this.kind = kind;
    this.group = group;
    this.wideBlock = wideBlock;
    this.src = src;
    this.dst = dst;
  }

  /** Why the block moves. */
  public Kind kind() {
    return kind;
  }

  /** The wide group (index in the plan) the transfer belongs to. */
  public int group() {
    return group;
  }

  /** The wide block the transfer serves (see the constructor). */
  public int wideBlock() {
    return wideBlock;
  }

  /** The node that uploads the block. */
  public int src() {
    return src;
  }

  /** The node that downloads the block. */
  public int dst() {
    return dst;
  }

  @Override
  public String toString() {
    return kind + "(group " + group + ", block " + wideBlock + ": " + src + " -> " + dst + ")";
  }
}
