package org.bart.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fast Java 8 kernel: SIMD within a register, eight bytes per {@code long}.
 *
 * <p>Multiplying by an arbitrary constant costs up to seven lane doublings ({@link
 * Gf256#mul2Lanes}) per long, too many to spend per input. Instead the sum is split by coefficient
 * bit: sum_j c_j v_j = sum_i 2^i P_i with bit plane P_i = XOR of the v_j whose c_j has bit i set.
 * One pass over the inputs builds the eight planes with two cheap operations per input and bit
 * (and with a precomputed all-ones or all-zero mask, xor), and Horner's rule evaluates
 * (((P_7 * 2 + P_6) * 2 + ...) * 2 + P_0) with seven doublings per output long however many inputs
 * there are. When every coefficient is 1 (wide parity 0, since x_0 = 1) the sum is a plain XOR.
 *
 * <p>Lanes never mix, so the result is right whatever byte order the longs are read in, as long as
 * every buffer uses the same order; a call with mixed byte orders is delegated to the scalar kernel.
 * Bytes past the last whole long, and the zero-padded tails of shorter inputs, take the byte path.
 */
final class SwarCombination implements Combination {

  private final int[] sources;
  private final int[] coefficients;
  // masks[8 * j + i] is all ones when bit i of c_j is set, else zero.
  private final long[] masks;
  private final boolean xorOnly;
  private final ScalarCombination mixedOrder;

  SwarCombination(int[] sources, int[] coefficients) {
    this.sources = sources.clone();
    this.coefficients = coefficients.clone();
    this.masks = new long[8 * coefficients.length];
    boolean allOnes = true;
    for (int j = 0; j < coefficients.length; j++) {
      for (int i = 0; i < 8; i++) {
        masks[8 * j + i] = ((coefficients[j] >>> i) & 1) == 0 ? 0L : -1L;
      }
      allOnes &= coefficients[j] == 1;
    }
    this.xorOnly = allOnes;
    this.mixedOrder = new ScalarCombination(sources, coefficients);
  }

  @Override
  public void apply(ByteBuffer[] units, int offset, int length, ByteBuffer out, int outIndex) {
    ByteOrder order = out.order();
    int common = length;
    for (int source : sources) {
      ByteBuffer in = units[source];
      if (in.order() != order) {
        mixedOrder.apply(units, offset, length, out, outIndex);
        return;
      }
      common = Math.min(common, available(in, offset, length));
    }
    sum(units, 0, sources.length, offset, 0, common, out, outIndex, false);
    if (common < length) {
      // Some inputs end early: clear the rest, then add each longer input's own tail.
      for (int i = common; i < length; i++) {
        out.put(outIndex + i, (byte) 0);
      }
      for (int j = 0; j < sources.length; j++) {
        int end = available(units[sources[j]], offset, length);
        if (end > common) {
          sum(units, j, j + 1, offset, common, end, out, outIndex, true);
        }
      }
    }
  }

  /** Bytes of {@code in} in [offset, offset + length), counted from offset. */
  private static int available(ByteBuffer in, int offset, int length) {
    return Math.max(0, Math.min(length, in.remaining() - offset));
  }

  /** The sum over sources [jFrom, jTo) for relative positions [from, to), all present there. */
  private void sum(ByteBuffer[] units, int jFrom, int jTo, int offset, int from, int to,
      ByteBuffer out, int outIndex, boolean accumulate) {
    int longEnd = from + ((to - from) & ~7);
    if (xorOnly) {
      xorLongs(units, jFrom, jTo, offset, from, longEnd, out, outIndex, accumulate);
    } else {
      planeLongs(units, jFrom, jTo, offset, from, longEnd, out, outIndex, accumulate);
    }
    for (int i = longEnd; i < to; i++) {
      int sum = accumulate ? out.get(outIndex + i) & 0xFF : 0;
      for (int j = jFrom; j < jTo; j++) {
        ByteBuffer in = units[sources[j]];
        sum ^= Gf256.mul(coefficients[j], in.get(in.position() + offset + i) & 0xFF);
      }
      out.put(outIndex + i, (byte) sum);
    }
  }

  private void xorLongs(ByteBuffer[] units, int jFrom, int jTo, int offset, int from, int end,
      ByteBuffer out, int outIndex, boolean accumulate) {
    for (int i = from; i < end; i += 8) {
      long sum = accumulate ? out.getLong(outIndex + i) : 0L;
      for (int j = jFrom; j < jTo; j++) {
        ByteBuffer in = units[sources[j]];
        sum ^= in.getLong(in.position() + offset + i);
      }
      out.putLong(outIndex + i, sum);
    }
  }

  private void planeLongs(ByteBuffer[] units, int jFrom, int jTo, int offset, int from, int end,
      ByteBuffer out, int outIndex, boolean accumulate) {
    for (int i = from; i < end; i += 8) {
      long p0 = 0;
      long p1 = 0;
      long p2 = 0;
      long p3 = 0;
      long p4 = 0;
      long p5 = 0;
      long p6 = 0;
      long p7 = 0;
      for (int j = jFrom; j < jTo; j++) {
        ByteBuffer in = units[sources[j]];
        long v = in.getLong(in.position() + offset + i);
        int mask = 8 * j;
        p0 ^= v & masks[mask];
        p1 ^= v & masks[mask + 1];
        p2 ^= v & masks[mask + 2];
        p3 ^= v & masks[mask + 3];
        p4 ^= v & masks[mask + 4];
        p5 ^= v & masks[mask + 5];
        p6 ^= v & masks[mask + 6];
        p7 ^= v & masks[mask + 7];
      }
      long sum = Gf256.mul2Lanes(p7) ^ p6;
      sum = Gf256.mul2Lanes(sum) ^ p5;
      sum = Gf256.mul2Lanes(sum) ^ p4;
      sum = Gf256.mul2Lanes(sum) ^ p3;
      sum = Gf256.mul2Lanes(sum) ^ p2;
      sum = Gf256.mul2Lanes(sum) ^ p1;
      sum = Gf256.mul2Lanes(sum) ^ p0;
      if (accumulate) {
        sum ^= out.getLong(outIndex + i);
      }
      out.putLong(outIndex + i, sum);
    }
  }
}
