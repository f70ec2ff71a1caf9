package org.bart.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The fast Java 8 kernel: bit-sliced Horner's rule in streaming passes over a cache-sized block.
 *
 * <p>Write each coefficient in bits, c_j = sum_i 2^i c_{j,i}. Then
 *
 * <pre>  sum_j c_j v_j = (((P_7 * 2 + P_6) * 2 + ...) * 2 + P_0,   P_i = XOR of the v_j with bit i of c_j set</pre>
 *
 * so a block of the output is built by, for each bit from the highest used one down, doubling the
 * block and XOR-ing in every input whose coefficient has that bit. That is two kinds of simple loop:
 *
 * <ul>
 *   <li>an XOR pass of one input into the block, eight bytes per {@code long};
 *   <li>a doubling pass over the block: eight bytes per {@code long} with {@link Gf256#mul2Lanes}
 *       (SIMD within a register; lanes never mix, so the byte order does not matter).
 * </ul>
 *
 * <p>The cost is (highest coefficient bit) doublings plus (set coefficient bits) XOR passes per
 * block: a merge of (6,3,3) parity 2, coefficients 1, 7, 0x15, takes 4 doublings and 7 XORs; wide
 * parity 0 (all coefficients 1, since x_0 = 1) is three XORs and no doubling. A shorter input simply
 * makes shorter XOR passes, which is the zero-padding. The output block stays in L1 between passes.
 */
final class SwarCombination implements Combination {

  // Output bytes per block: small enough to stay in L1 across all passes of the block.
  private static final int BLOCK = 8 * 1024;

  private final int[] sources;
  // withBit[i] lists the j (indexes into sources) whose coefficient has bit i set.
  private final int[][] withBit = new int[8][];

  SwarCombination(int[] sources, int[] coefficients) {
    this.sources = sources.clone();
    for (int bit = 0; bit < 8; bit++) {
      int[] list = new int[coefficients.length];
      int count = 0;
      for (int j = 0; j < coefficients.length; j++) {
        if (((coefficients[j] >>> bit) & 1) != 0) {
          list[count++] = j;
        }
      }
      withBit[bit] = Arrays.copyOf(list, count);
    }
  }

  @Override
  public void apply(ByteBuffer[] units, int offset, int length, ByteBuffer out, int outIndex) {
    for (int done = 0; done < length; done += BLOCK) {
      block(units, offset + done, Math.min(BLOCK, length - done), out, outIndex + done);
    }
  }

  /** One block: Horner's rule over the coefficient bits, highest first. */
  private void block(ByteBuffer[] units, int offset, int n, ByteBuffer out, int at) {
    boolean empty = true;
    for (int bit = 7; bit >= 0; bit--) {
      // Doubling is skipped while the block is still all zero, i.e. above the highest used bit.
      if (!empty) {
        doubleBlock(out, at, n);
      }
      for (int j : withBit[bit]) {
        ByteBuffer in = units[sources[j]];
        int available = Math.max(0, Math.min(n, in.remaining() - offset));
        // The first input written overwrites (zero-filling what it lacks) instead of XOR-ing
        // into a cleared block: one pass less.
        xorInto(out, at, in, in.position() + offset, available, empty);
        if (empty) {
          zero(out, at + available, n - available);
          empty = false;
        }
      }
    }
    if (empty) {
      zero(out, at, n);
    }
  }

  /** out[at..at+n) = 2 * out[at..at+n). */
  private static void doubleBlock(ByteBuffer out, int at, int n) {
    int end = at + (n & ~7);
    for (int i = at; i < end; i += 8) {
      out.putLong(i, Gf256.mul2Lanes(out.getLong(i)));
    }
    for (int i = end; i < at + n; i++) {
      out.put(i, (byte) Gf256.mul(out.get(i) & 0xFF, 2));
    }
  }

  /** out[at..at+n) ^= in[from..from+n), or = when {@code overwrite}. */
  private static void xorInto(ByteBuffer out, int at, ByteBuffer in, int from, int n,
      boolean overwrite) {
    if (n == 0) {
      return;
    }
    if (overwrite && out.hasArray() && in.hasArray()) {
      System.arraycopy(in.array(), in.arrayOffset() + from, out.array(), out.arrayOffset() + at, n);
      return;
    }
    // Longs rather than a byte[] loop even for heap arrays: with two unrelated array offsets the
    // JIT cannot rule out overlap, so it does not vectorize the byte loop, and longs are faster.
    // A long read in one byte order and written in another would come out byte-reversed.
    boolean swap = in.order() != out.order();
    int longs = n & ~7;
    for (int i = 0; i < longs; i += 8) {
      long v = in.getLong(from + i);
      if (swap) {
        v = Long.reverseBytes(v);
      }
      out.putLong(at + i, overwrite ? v : out.getLong(at + i) ^ v);
    }
    for (int i = longs; i < n; i++) {
      byte v = in.get(from + i);
      out.put(at + i, overwrite ? v : (byte) (out.get(at + i) ^ v));
    }
  }

  private static void zero(ByteBuffer out, int at, int n) {
    if (out.hasArray()) {
      int from = out.arrayOffset() + at;
      Arrays.fill(out.array(), from, from + n, (byte) 0);
      return;
    }
    int longs = n & ~7;
    for (int i = 0; i < longs; i += 8) {
      out.putLong(at + i, 0L);
    }
    for (int i = longs; i < n; i++) {
      out.put(at + i, (byte) 0);
    }
  }
}
