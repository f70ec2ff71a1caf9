package org.bart.codec;

import java.nio.ByteBuffer;

/**
 * The reference kernel: one byte at a time, one {@link Gf256#mul} per term. It is never removed:
 * every fast kernel is tested against it, and {@code -Dbart.codec.kernel=scalar} selects it.
 */
final class ScalarCombination implements Combination {

  private final int[] sources;
  private final int[] coefficients;

  ScalarCombination(int[] sources, int[] coefficients) {
    this.sources = sources.clone();
    this.coefficients = coefficients.clone();
  }

  @Override
  public void apply(ByteBuffer[] units, int offset, int length, ByteBuffer out, int outIndex) {
    for (int i = 0; i < length; i++) {
      int at = offset + i;
      int sum = 0;
      for (int j = 0; j < sources.length; j++) {
        ByteBuffer in = units[sources[j]];
        if (at < in.remaining()) {
          sum ^= Gf256.mul(coefficients[j], in.get(in.position() + at) & 0xFF);
        }
      }
      out.put(outIndex + i, (byte) sum);
    }
  }
}
