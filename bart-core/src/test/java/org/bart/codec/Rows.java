package org.bart.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSLegacyRawEncoder;

/** Wide rows for the coder tests: random data, the plain-definition parity, Hadoop's narrow parity. */
final class Rows {

  private Rows() {
  }

  /** The six geometries the acceptance tests name. */
  static final int[][] GEOMETRIES = {{6, 3, 3}, {6, 3, 2}, {4, 2, 2}, {6, 2, 3}, {2, 1, 2}, {3, 2, 2}};

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
   * Member s's narrow parity as HDFS stores it: Hadoop's RSLegacyRawEncoder over the member's k data
   * units zero-padded to the longest of them (the length of its parity blocks).
   */
  static byte[][] hadoopNarrowParity(WideCode code, byte[][] data, int member) throws IOException {
    int k = code.k();
    int length = 0;
    for (int j = 0; j < k; j++) {
      length = Math.max(length, data[member * k + j].length);
    }
    ByteBuffer[] in = new ByteBuffer[k];
    for (int j = 0; j < k; j++) {
      in[j] = ByteBuffer.wrap(Arrays.copyOf(data[member * k + j], length));
    }
    ByteBuffer[] out = new ByteBuffer[code.m()];
    for (int r = 0; r < out.length; r++) {
      out[r] = ByteBuffer.allocate(length);
    }
    if (length > 0) {
      new RSLegacyRawEncoder(new ErasureCoderOptions(k, code.m())).encode(in, out);
    }
    byte[][] parity = new byte[code.m()][];
    for (int r = 0; r < parity.length; r++) {
      parity[r] = out[r].array();
    }
    return parity;
  }

  static ByteBuffer[] buffers(Random random, byte[][] contents, boolean direct) {
    ByteBuffer[] b = new ByteBuffer[contents.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = contents[i] == null ? null : TestRandom.place(random, contents[i], direct);
    }
    return b;
  }
}
