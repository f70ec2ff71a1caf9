package org.bart.protocol.wide;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An agent's share of a partial decode of a member's lost data blocks: per lost block, the
 * decode over {@link #sources} with the member's other blocks taken as zeros, for unit bytes
 * [unitOffset, unitOffset + the sources' lengths) (fewer past the block's end). Since a decode
 * is linear, the reader completes each by adding the same decode over its own blocks. Immutable
 * (the partials' bytes are not copied, from the agent's decode to the RPC's and from the RPC's
 * answer to the reader's sum: do not change them).
 */
public final class MemberPartials {
  private final long unitOffset;
  private final List<ByteBuffer> partials;
  private final List<DecodeSources> sources;
  private final List<Integer> decoded;

  /**
   * @param partials per lost block, in the order they were asked for: bytes [position, limit)
   * @param decoded the wide units decoded (the lost blocks')
   */
  public MemberPartials(long unitOffset, List<ByteBuffer> partials, List<DecodeSources> sources,
      List<Integer> decoded) {
    this.unitOffset = unitOffset;
    List<ByteBuffer> views = new ArrayList<>(partials.size());
    for (ByteBuffer b : partials) {
      views.add(b.asReadOnlyBuffer());
    }
    this.partials = Collections.unmodifiableList(views);
    this.sources = Collections.unmodifiableList(new ArrayList<>(sources));
    this.decoded = Collections.unmodifiableList(new ArrayList<>(decoded));
  }

  /** Offset within the units of the first byte of every partial. */
  public long unitOffset() {
    return unitOffset;
  }

  /** Partial i's bytes, [position, limit) of a read-only view of its own. */
  public ByteBuffer partial(int i) {
    return partials.get(i).duplicate();
  }

  public int count() {
    return partials.size();
  }

  /** What the decode used, stretch by stretch from {@link #unitOffset}. */
  public List<DecodeSources> sources() {
    return sources;
  }

  /** Unit bytes the sources cover. */
  public long length() {
    long n = 0;
    for (DecodeSources s : sources) {
      n += s.length();
    }
    return n;
  }

  public List<Integer> decoded() {
    return decoded;
  }
}
