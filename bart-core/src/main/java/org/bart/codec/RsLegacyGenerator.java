package org.bart.codec;

/**
 * The parity generator of HDFS's {@code rs-legacy} codec (Hadoop's {@code RSLegacyRawEncoder}).
 *
 * <p>That encoder treats a cell row as the polynomial D(X) = sum_j d_j X^j and stores the remainder
 * P(X) = X^m D(X) mod g(X), g(X) = prod_{i<m} (X + 2^i), over {@link Gf256}; parity unit r is the
 * coefficient of X^r. By linearity, parity r = sum_j G[r][j] d_j where G[r][j] is the coefficient of
 * X^r in X^(m+j) mod g(X). For RS-LEGACY-6-3:
 *
 * <pre>
 *   G = [08 38 d8 3f 04 f5]
 *       [0e 22 ba b0 38 7f]
 *       [07 1b 63 8e 3d 8b]
 * </pre>
 */
public final class RsLegacyGenerator {

  private RsLegacyGenerator() {
  }

  /**
   * Returns the m x k parity generator G (rows: parity index r, columns: data index j) as a new
   * array the caller owns.
   *
   * @throws IllegalArgumentException unless k >= 1, m >= 1 and k + m <= 255 (Hadoop's own limit:
   *     the code length must stay below the field size)
   */
  public static int[][] parityMatrix(int k, int m) {
    if (k < 1 || m < 1 || k + m > Gf256.ORDER) {
      throw new IllegalArgumentException(
          "rs-legacy needs k >= 1, m >= 1 and k + m <= 255; got k=" + k + " m=" + m);
    }
    int[] g = generatorPolynomial(m);
    int[][] parity = new int[m][k];
    // rem holds X^(m+j) mod g(X), low coefficient first; start at X^m mod g(X) = g(X) - X^m.
    int[] rem = new int[m];
    System.arraycopy(g, 0, rem, 0, m);
    for (int j = 0; j < k; j++) {
      for (int r = 0; r < m; r++) {
        parity[r][j] = rem[r];
      }
      timesXModG(rem, g);
    }
    return parity;
  }

  /** g(X) = prod_{i<m} (X + 2^i), coefficients low first; monic, so g[m] == 1. */
  private static int[] generatorPolynomial(int m) {
    int[] g = new int[m + 1];
    g[0] = 1;
    for (int i = 0; i < m; i++) {
      int root = Gf256.exp(i);
      // Multiply by (X + root): shift up by one and add root times the old polynomial.
      for (int d = i + 1; d >= 0; d--) {
        int shifted = d > 0 ? g[d - 1] : 0;
        g[d] = shifted ^ Gf256.mul(root, g[d]);
      }
    }
    return g;
  }

  /** rem := X * rem mod g, where deg rem < m and g is monic of degree m (characteristic 2: no signs). */
  private static void timesXModG(int[] rem, int[] g) {
    int m = rem.length;
    int carry = rem[m - 1];
    for (int d = m - 1; d > 0; d--) {
      rem[d] = rem[d - 1] ^ Gf256.mul(carry, g[d]);
    }
    rem[0] = Gf256.mul(carry, g[0]);
  }
}
