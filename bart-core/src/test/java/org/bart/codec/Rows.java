package org.bart.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/** Wide rows for the coder tests: random data, the plain-definition parity, Hadoop's narrow parity. */
final class Rows {

  private Rows() {
  }

  /**
   * The codes the merge and decode tests cover: the rs-legacy geometries of the first acceptance
   * tests, then those of HDFS's rs (RS-6-3, RS-3-2) and xor (XOR-2-1) policies that issue 12 names.
   */
  static final WideCode[] CODES = {
      WideCode.forGeometry(NarrowCodec.RS_LEGACY, 6, 3, 3),
      WideCode.forGeometry(NarrowCodec.RS_LEGACY, 6, 3, 2),
      WideCode.forGeometry(NarrowCodec.RS_LEGACY, 4, 2, 2),
      WideCode.forGeometry(NarrowCodec.RS_LEGACY, 6, 2, 3),
      WideCode.forGeometry(NarrowCodec.RS_LEGACY, 2, 1, 2),
      WideCode.forGeometry(NarrowCodec.RS_LEGACY, 3, 2, 2),
      WideCode.forGeometry(NarrowCodec.RS, 6, 3, 3),
      WideCode.forGeometry(NarrowCodec.RS, 6, 3, 2),
      WideCode.forGeometry(NarrowCodec.RS, 3, 2, 2),
      WideCode.forGeometry(NarrowCodec.RS, 3, 2, 3),
      WideCode.forGeometry(NarrowCodec.RS, 3, 2, 5),
      WideCode.forGeometry(NarrowCodec.XOR, 2, 1, 2),
      WideCode.forGeometry(NarrowCodec.XOR, 2, 1, 3),
      WideCode.forGeometry(NarrowCodec.XOR, 2, 1, 4)};

  /** Random wide data: lambda*k units whose lengths are given. */
  static byte[][] data(Random random, WideCode code, int[] lengths) {
    byte[][] data = new byte[code.dataUnits()][];
    for (int u = 0; u < data.length; u++) {
      data[u] = TestRandom.bytes(random, lengths[u]);
    }
    return data;
  }

  static int[] sameLengths(WideCode code, int length) {
    int[] lengths = new int[code.dataUnits()];
    Arrays.fill(lengths, length);
    return lengths;
  }

  /** w_r = sum_u A[r][u] d_u byte by byte, data zero-padded to {@code length}: the definition. */
  static byte[][] parity(WideCode code, byte[][] data, int length) {
    byte[][] parity = new byte[code.m()][length];
    for (int r = 0; r < code.m(); r++) {
      for (int u = 0; u < data.length; u++) {
        int c = code.parityCoefficient(r, u);
        for (int i = 0; i < data[u].length; i++) {
          parity[r][i] ^= (byte) Gf256.mul(c, data[u][i] & 0xFF);
        }
      }
    }
    return parity;
  }

  /** All units of a row in wide order: data then parity. */
  static byte[][] row(WideCode code, byte[][] data, int length) {
    byte[][] parity = parity(code, data, length);
    byte[][] row = Arrays.copyOf(data, code.totalUnits());
    System.arraycopy(parity, 0, row, data.length, parity.length);
    return row;
  }

  /**
   * Member s's narrow parity as HDFS stores it: Hadoop's Java encoder for the code's codec over the
   * member's k data units zero-padded to the longest of them (the length of its parity blocks).
   */
  static byte[][] hadoopNarrowParity(WideCode code, byte[][] data, int member) throws IOException {
    int k = code.k();
    return HadoopEncoders.parity(code.codec(), code.m(),
        Arrays.copyOfRange(data, member * k, member * k + k));
  }

  static ByteBuffer[] buffers(Random random, byte[][] contents, boolean direct) {
    ByteBuffer[] b = new ByteBuffer[contents.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = contents[i] == null ? null : TestRandom.place(random, contents[i], direct);
    }
    return b;
  }
}
