package org.bart.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Computes a wide parity unit from the members' narrow parity units of the same index:
 * w_r = sum_s x_r^s * p_{s,r}. This is the only coding a transition does; no data block is read.
 *
 * <p>Example, (6,3,3) with x = 1,2,7: the DataNode that will hold wide parity 2 of a group streams
 * narrow parity 2 (internal block index k + 2 = 8 of the block group) of members 0, 1 and 2, and
 * for each chunk calls {@code merge(2, new ByteBuffer[] {p0, p1, p2}, out)}, which writes
 * out = p0 + 7 p1 + 0x15 p2 (7^2 = 0x15 in GF(256)). Wide parity 0 is the XOR p0 + p1 + p2.
 *
 * <p>Thread-safe; make one per {@link WideCode} and share it. A call allocates nothing once the
 * calling thread has made its first (the kernel keeps one 16 KiB scratch block per thread).
 */
public final class WideMerger {

  private final WideCode code;
  private final Combination[] byParity;

  /**
   * A merger using the {@link Kernel#configured() configured} kernel.
   *
   * @throws IllegalArgumentException if the code is {@link WideCode#merges() re-encoded}
   */
  public WideMerger(WideCode code) {
    this(code, Kernel.configured());
  }

  /**
   * A merger using the given kernel.
   *
   * @throws IllegalArgumentException if the code is {@link WideCode#merges() re-encoded}
   */
  public WideMerger(WideCode code, Kernel kernel) {
    if (!code.merges()) {
      throw new IllegalArgumentException(code + " cannot be merged from narrow parity: its parity"
          + " is encoded from the group's data (WideEncoder)");
    }
    this.code = code;
    int lambda = code.lambda();
    int[] members = new int[lambda];
    for (int s = 0; s < lambda; s++) {
      members[s] = s;
    }
    this.byParity = new Combination[code.m()];
    for (int r = 0; r < code.m(); r++) {
      int[] factors = new int[lambda];
      for (int s = 0; s < lambda; s++) {
        factors[s] = code.mergeCoefficient(r, s);
      }
      byParity[r] = kernel.combination(members, factors);
    }
  }

  /** The code this merger computes parity for. */
  public WideCode code() {
    return code;
  }

  /**
   * Writes wide parity r of the bytes in {@code out}: for every i in [0, out.remaining()),
   * out[out.position() + i] = sum_s x_r^s * narrowParities[s][position + i].
   *
   * <p>Buffer contract (Hadoop's raw coders', plus zero-padding):
   * <ul>
   *   <li>{@code out}'s remaining() is the length of the operation. Bytes [position, limit) are
   *       written; position and limit are unchanged, so {@code out} is ready to read.
   *   <li>{@code narrowParities[s]} is member s's narrow parity of index r. Its bytes [position,
   *       limit) are read and its position then equals its limit. It may have fewer remaining bytes
   *       than {@code out} (a member whose last block group is partial has shorter parity blocks,
   *       and a chunked reader may hit its end early): the missing bytes count as zero. It may not
   *       have more.
   *   <li>Heap, direct and read-only inputs may be mixed, at any position and length. The inputs'
   *       contents are never changed.
   * </ul>
   *
   * @param r the parity index, 0..m-1
   * @param narrowParities lambda buffers, member 0 first
   * @param out where wide parity r goes
   * @throws IndexOutOfBoundsException if r is not a parity index
   * @throws IllegalArgumentException if the array has the wrong length
   * @throws UnitBufferException naming the member index if a buffer is null or longer than out,
   *     or if out is read-only
   */
  public void merge(int r, ByteBuffer[] narrowParities, ByteBuffer out) {
    if (r < 0 || r >= code.m()) {
      throw new IndexOutOfBoundsException("parity index " + r + " not in 0.." + (code.m() - 1)
          + " for " + code);
    }
    UnitBuffers.checkCount(narrowParities, code.lambda(), "narrow parity");
    if (out == null) {
      throw new IllegalArgumentException("output buffer for wide parity " + r + " is null");
    }
    if (out.isReadOnly()) {
      throw new IllegalArgumentException("output buffer for wide parity " + r + " is read-only");
    }
    int length = out.remaining();
    for (int s = 0; s < narrowParities.length; s++) {
      UnitBuffers.checkInput(narrowParities[s], s, length);
    }
    boolean[] wasBig = UnitBuffers.toNativeOrder(narrowParities, null);
    ByteOrder outOrder = out.order();
    out.order(ByteOrder.nativeOrder());
    try {
      byParity[r].apply(narrowParities, 0, length, out, out.position());
    } finally {
      out.order(outOrder);
      UnitBuffers.restoreOrder(wasBig, narrowParities, null);
    }
    UnitBuffers.consume(narrowParities);
  }
}
