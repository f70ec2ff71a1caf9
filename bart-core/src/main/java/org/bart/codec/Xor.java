package org.bart.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Adding one byte range into another over GF(256), i.e. XOR, eight bytes at a time: how a degraded
 * read's client adds an agent's partial decode to its own share. A byte loop is eight times the
 * iterations, and ran at a fifth of a profiled degraded read's samples before the JIT reached it.
 */
public final class Xor {

  private Xor() {
  }

  /**
   * {@code into[intoOff + i] ^= from[from.position() + fromOff + i]} for i in [0, n). {@code from}
   * may be heap, direct or read-only, in any byte order; its position does not change.
   *
   * @throws IndexOutOfBoundsException if a range is outside its buffer or array
   */
  public static void into(ByteBuffer from, int fromOff, byte[] into, int intoOff, int n) {
    if (n < 0 || fromOff < 0 || intoOff < 0 || fromOff > from.remaining() - n
        || intoOff > into.length - n) {
      throw new IndexOutOfBoundsException("xor of " + n + " bytes from " + fromOff + " of "
          + from.remaining() + " into " + intoOff + " of " + into.length);
    }
    // Both in native order: the longs are only XOR-ed, so no byte needs swapping.
    ByteBuffer src = from.duplicate().order(ByteOrder.nativeOrder());
    ByteBuffer dst = ByteBuffer.wrap(into).order(ByteOrder.nativeOrder());
    int base = from.position() + fromOff;
    int whole = n & ~7;
    for (int i = 0; i < whole; i += 8) {
      dst.putLong(intoOff + i, dst.getLong(intoOff + i) ^ src.getLong(base + i));
    }
    for (int i = whole; i < n; i++) {
      into[intoOff + i] ^= src.get(base + i);
    }
  }
}
