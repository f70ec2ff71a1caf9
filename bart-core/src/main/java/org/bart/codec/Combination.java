package org.bart.codec;

import java.nio.ByteBuffer;

/**
 * One row of a coding matrix, prepared by a {@link Kernel}: out = sum_j c_j * units[sources[j]] over
 * GF(256), byte by byte. Every kernel computes exactly the same bytes; they differ only in speed.
 *
 * <p>Implementations are immutable and thread-safe, and {@link #apply} allocates nothing after a
 * thread's first call (a kernel may keep one scratch block per thread).
 */
interface Combination {

  /**
   * Writes, for i in [0, length):
   *
   * <pre>  out[outIndex + i] = sum_j c_j * b_j[b_j.position() + offset + i],   b_j = units[sources[j]]</pre>
   *
   * where a term counts as zero once offset + i >= b_j.remaining(): a shorter input is zero-padded.
   * Indexes into {@code out} are absolute. No buffer's position, limit or mark changes.
   *
   * <p>The caller has validated the shapes: every source buffer is non-null and {@code out} has
   * room for {@code length} bytes at {@code outIndex}.
   */
  void apply(ByteBuffer[] units, int offset, int length, ByteBuffer out, int outIndex);
}
