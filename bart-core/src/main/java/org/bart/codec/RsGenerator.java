package org.bart.codec;

/**
 * The parity generator of HDFS's default {@code rs} codec (Hadoop's {@code RSRawEncoder}, and
 * ISA-L's native coder, which writes the same bytes).
 *
 * <p>That encoder's generator is a Cauchy matrix over {@link Gf256}: parity unit r is
 * sum_j G[r][j] d_j with G[r][j] = 1 / ((k + r) XOR j). The denominator is never 0 because
 * k + r > j. For RS-6-3:
 *
 * <pre>
 *   G = [7a ba 47 a7 8e f4]
 *       [ba 7a a7 47 f4 8e]
 *       [ad 9d dd 98 3d aa]
 * </pre>
 */
public final class RsGenerator {

  private RsGenerator() {
  }

  /**
   * Returns the m x k parity generator G (rows: parity index r, columns: data index j) as a new
   * array the caller owns.
   *
   * @throws IllegalArgumentException unless k >= 1, m >= 1 and k + m <= 255 (Hadoop's own limit:
   *     {@code RSRawEncoder} refuses k + m >= 256)
   */
  public static int[][] parityMatrix(int k, int m) {
    if (k < 1 || m < 1 || k + m > Gf256.ORDER) {
      throw new IllegalArgumentException(
          "rs needs k >= 1, m >= 1 and k + m <= 255; got k=" + k + " m=" + m);
    }
    int[][] parity = new int[m][k];
    for (int r = 0; r < m; r++) {
      for (int j = 0; j < k; j++) {
        parity[r][j] = Gf256.inv((k + r) ^ j);
      }
    }
    return parity;
  }
}
