package org.bart.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The fast Java 8 kernel: bit-sliced Horner's rule in streaming passes over a cache-sized block.
 *
 * <p>Write each coefficient in bits, c_j = sum_i 2^i c_{j,i}. Then
 *
 * <pre>  sum_j c_j v_j = (((P_7 * 2 + P_6) * 2 + ...) * 2 + P_0,   P_i = XOR of the v_j with bit i of c_j set</pre>
 *
 * so a block of the output is built by, for each bit from the highest used one down, doubling the
 * block and XOR-ing in every input whose coefficient has that bit. The block is accumulated in a
 * per-thread {@code long[]} (eight bytes per element) and written to the output once, which leaves
 * two simple loops:
 *
 * <ul>
 *   <li>an XOR pass of one input into the accumulator: one {@code ByteBuffer.getLong} and an array
 *       update per eight bytes;
 *   <li>a doubling pass over the accumulator with {@link Gf256#mul2Lanes} (SIMD within a register),
 *       which the JIT further vectorizes because it touches only the array.
 * </ul>
 *
 * <p>The cost is (highest coefficient bit) doublings plus (set coefficient bits) XOR passes per
 * block: a merge of (6,3,3) parity 2, coefficients 1, 7, 0x15, takes 4 doublings and 7 XORs; wide
 * parity 0 (all coefficients 1, since x_0 = 1) is three XORs and no doubling. A shorter input simply
 * makes a shorter XOR pass, which is the zero-padding.
 *
 * <p>Lanes never mix, so any byte order works as long as it is the same for every long: inputs are
 * read in the output's order (a byte swap for an input in the other order), and a partial long at
 * the end of an input or of the output is assembled byte by byte in that order.
 */
final class SwarCombination implements Combination {

  // Output bytes per block: the accumulator stays in L1, the inputs' blocks in L2.
  private static final int BLOCK = 16 * 1024;
  private static final ThreadLocal<long[]> ACCUMULATOR =
      ThreadLocal.withInitial(() -> new long[BLOCK / 8]);

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
    long[] sum = ACCUMULATOR.get();
    boolean bigEndian = out.order() == ByteOrder.BIG_ENDIAN;
    for (int done = 0; done < length; done += BLOCK) {
      int n = Math.min(BLOCK, length - done);
      block(units, offset + done, n, sum, bigEndian);
      store(sum, n, out, outIndex + done);
    }
  }

  /** sum[0..ceil(n/8)) = this block: Horner's rule over the coefficient bits, highest first. */
  private void block(ByteBuffer[] units, int offset, int n, long[] sum, boolean bigEndian) {
    int longs = (n + 7) >>> 3;
    boolean empty = true;
    for (int bit = 7; bit >= 0; bit--) {
      // Doubling is skipped while the block is still all zero, i.e. above the highest used bit.
      if (!empty) {
        for (int i = 0; i < longs; i++) {
          sum[i] = Gf256.mul2Lanes(sum[i]);
        }
      }
      for (int j : withBit[bit]) {
        ByteBuffer in = units[sources[j]];
        int available = Math.max(0, Math.min(n, in.remaining() - offset));
        // The first input overwrites (zero-filling what it lacks) instead of XOR-ing into a
        // cleared block: one pass less.
        add(sum, in, in.position() + offset, available, empty, bigEndian);
        if (empty) {
          Arrays.fill(sum, (available + 7) >>> 3, longs, 0L);
          empty = false;
        }
      }
    }
    if (empty) {
      Arrays.fill(sum, 0, longs, 0L);
    }
  }

  /** sum[0..ceil(n/8)) ^= in[from..from+n) read as longs in the output's byte order, or = . */
  private static void add(long[] sum, ByteBuffer in, int from, int n, boolean overwrite,
      boolean bigEndian) {
    int whole = n >>> 3;
    // A long read in one byte order and written in another would come out byte-reversed.
    boolean swap = (in.order() == ByteOrder.BIG_ENDIAN) != bigEndian;
    for (int i = 0; i < whole; i++) {
      long v = in.getLong(from + 8 * i);
      if (swap) {
        v = Long.reverseBytes(v);
      }
      sum[i] = overwrite ? v : sum[i] ^ v;
    }
    if ((n & 7) != 0) {
      long v = 0;
      for (int b = whole * 8; b < n; b++) {
        v |= (in.get(from + b) & 0xFFL) << shift(b, bigEndian);
      }
      sum[whole] = overwrite ? v : sum[whole] ^ v;
    }
  }

  /** out[at..at+n) = the first n bytes of sum, in the output's byte order. */
  private static void store(long[] sum, int n, ByteBuffer out, int at) {
    int whole = n >>> 3;
    for (int i = 0; i < whole; i++) {
      out.putLong(at + 8 * i, sum[i]);
    }
    boolean bigEndian = out.order() == ByteOrder.BIG_ENDIAN;
    for (int b = whole * 8; b < n; b++) {
      out.put(at + b, (byte) (sum[whole] >>> shift(b, bigEndian)));
    }
  }

  /** Where byte b of a block sits in its long, in the given byte order. */
  private static int shift(int b, boolean bigEndian) {
    return bigEndian ? 56 - 8 * (b & 7) : 8 * (b & 7);
  }
}
