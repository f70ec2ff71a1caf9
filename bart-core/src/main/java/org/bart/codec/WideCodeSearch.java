package org.bart.codec;

/**
 * The MDS check and the search for the merge coefficients x_0..x_{m-1} of a wide code.
 *
 * <p>The wide parity matrix is A[r][c] = x_r^s G[r][j] for column c = s*k + j (member s, data unit
 * j), G the narrow codec's generator (the only thing that differs between codecs), and [I; A] is
 * MDS exactly when every square submatrix of A is nonsingular. A minor on rows R
 * depends only on the x_r with r in R, so the search fixes x row by row (depth first, each row's
 * candidates ascending: the first full solution is the lexicographically first tuple) and, when it
 * places row t, checks only the minors whose highest row is t. Those are computed by Laplace
 * expansion along row t from the minors of the earlier rows, which were stored when those rows
 * were placed: every determinant costs one multiply-add per column, and a prefix that already has a
 * zero minor is pruned with everything below it. The smallest minors are checked first because a
 * failing candidate usually fails there.
 *
 * <p>Minors are stored as bytes indexed by the colexicographic rank of their column set; the tables
 * for rows 0..m-2 need sum_{t<m} C(m-1, t) C(n, t) bytes (2.7 MB for m = 4 and n = 251), which is
 * why a few large geometries are refused as {@link WideCodeUnavailableException.Reason#SEARCH_TOO_LARGE}.
 *
 * <p>Cost, measured on the project's shared 2-core machine: every code of wide-code.md's table that
 * exists is found in under 0.1 s, m = 4 included ((6,4,2): x = 1,3,5,71 after 0.07 s). Proving that
 * none exists is an exhaustive search: 0.2 s for (16,4,2) and (10,4,3), 0.5 to 2 s for (12,4,2),
 * (10,4,2), (8,4,3) and (7,4,3), about 4 s for (9,4,2) and 7 s for (6,4,3) (rs-legacy); for rs,
 * (10,4,2) takes about 2 s, (10,4,3) and (6,3,6) under 0.5 s. {@link WideCode} caches both outcomes
 * per codec and geometry, so each is paid once per JVM.
 *
 * <p>Not thread-safe: one instance per search.
 */
final class WideCodeSearch {

  private static final long MAX_TABLE_BYTES = 64L << 20;

  private final int k;
  private final int m;
  private final int lambda;
  private final int n;
  private final int[][] g;
  private final int[] x;
  private final int[][] rows;
  // minors[mask][rank]: the minor on the rows in mask and the column set of that colex rank.
  private final byte[][] minors;
  // binom[c][q] = C(c, q), for the colex ranks.
  private final int[][] binom;
  // Scratch for the current column set, its prefix ranks, and the removed-column ranks.
  private final int[] cols;

  private WideCodeSearch(NarrowCodec codec, int k, int m, int lambda) {
    this.k = k;
    this.m = m;
    this.lambda = lambda;
    this.n = lambda * k;
    this.g = codec.parityMatrix(k, m);
    this.x = new int[m];
    this.rows = new int[m][n];
    this.minors = new byte[1 << (m - 1)][];
    this.binom = binomials(n, Math.min(m, n));
    this.cols = new int[Math.min(m, n) + 1];
    for (int mask = 1; mask < minors.length; mask++) {
      int size = Integer.bitCount(mask);
      if (size <= n) {
        minors[mask] = new byte[binom[n][size]];
      }
    }
  }

  /**
   * Returns the lexicographically first x (with x_0 = 1, which the first solution always has:
   * scaling every x_r by c scales column (s, j) by c^s) for which the wide code is MDS, or null.
   *
   * @throws WideCodeUnavailableException if the geometry is invalid or the search too large
   */
  static int[] first(NarrowCodec codec, int k, int m, int lambda) {
    WideCodeSearch search = create(codec, k, m, lambda);
    if (!search.place(0, 1)) {
      return null;
    }
    return search.extend(1) ? search.x.clone() : null;
  }

  /**
   * Returns whether the wide code with these x is MDS (every square submatrix of A nonsingular).
   * The x must be m nonzero field elements.
   *
   * @throws WideCodeUnavailableException if the geometry is invalid or the check too large
   */
  static boolean isMds(NarrowCodec codec, int k, int m, int lambda, int[] x) {
    WideCodeSearch search = create(codec, k, m, lambda);
    for (int t = 0; t < m; t++) {
      if (!search.place(t, x[t])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The geometry checks shared by the search and the check, before any table is allocated: the
   * codec's own limits (those of its Hadoop encoder) and GF(256)'s.
   *
   * @throws WideCodeUnavailableException with reason BAD_GEOMETRY
   */
  static void checkGeometry(NarrowCodec codec, int k, int m, int lambda) {
    if (codec == null) {
      throw new IllegalArgumentException("no codec given for k=" + k + " m=" + m + " lambda=" + lambda);
    }
    if (k < 1 || m < 1 || lambda < 1) {
      throw new WideCodeUnavailableException(codec, k, m, lambda,
          WideCodeUnavailableException.Reason.BAD_GEOMETRY, "k, m and lambda must be at least 1");
    }
    if ((long) lambda * k + m > Gf256.ORDER) {
      throw new WideCodeUnavailableException(codec, k, m, lambda,
          WideCodeUnavailableException.Reason.BAD_GEOMETRY,
          "lambda*k + m = " + ((long) lambda * k + m) + " units exceed the 255 a GF(256) code allows");
    }
    try {
      codec.parityMatrix(k, m);
    } catch (IllegalArgumentException e) {
      WideCodeUnavailableException refused = new WideCodeUnavailableException(codec, k, m, lambda,
          WideCodeUnavailableException.Reason.BAD_GEOMETRY, e.getMessage());
      refused.initCause(e);
      throw refused;
    }
  }

  private static WideCodeSearch create(NarrowCodec codec, int k, int m, int lambda) {
    checkGeometry(codec, k, m, lambda);
    long bytes = tableBytes(lambda * k, m);
    if (bytes > MAX_TABLE_BYTES) {
      throw new WideCodeUnavailableException(codec, k, m, lambda,
          WideCodeUnavailableException.Reason.SEARCH_TOO_LARGE,
          "the minor tables would need " + bytes + " bytes, more than " + MAX_TABLE_BYTES);
    }
    return new WideCodeSearch(codec, k, m, lambda);
  }

  /** sum over nonempty row sets R of rows 0..m-2 of C(n, |R|), saturating. */
  private static long tableBytes(int n, int m) {
    long total = 0;
    for (int size = 1; size < m && size <= n; size++) {
      total += binomialSaturated(m - 1, size) * binomialSaturated(n, size);
      if (total > MAX_TABLE_BYTES) {
        return Long.MAX_VALUE;
      }
    }
    return total;
  }

  private static long binomialSaturated(int c, int q) {
    long v = 1;
    for (int i = 0; i < q; i++) {
      v = v * (c - i) / (i + 1);
      if (v > MAX_TABLE_BYTES) {
        return MAX_TABLE_BYTES + 1;
      }
    }
    return v;
  }

  private static int[][] binomials(int n, int maxQ) {
    int[][] b = new int[n + 1][maxQ + 1];
    for (int c = 0; c <= n; c++) {
      b[c][0] = 1;
      for (int q = 1; q <= maxQ && q <= c; q++) {
        // Only entries up to the table sizes are used; those fit in an int by tableBytes.
        b[c][q] = (int) Math.min(Integer.MAX_VALUE, (long) b[c - 1][q - 1] + b[c - 1][q]);
      }
    }
    return b;
  }

  /** Depth-first over rows t..m-1, candidates ascending; true once every row is placed. */
  private boolean extend(int t) {
    if (t == m) {
      return true;
    }
    for (int v = 1; v <= Gf256.ORDER; v++) {
      if (!usedBefore(v, t) && place(t, v) && extend(t + 1)) {
        return true;
      }
    }
    return false;
  }

  private boolean usedBefore(int v, int t) {
    for (int r = 0; r < t; r++) {
      if (x[r] == v) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sets x_t = value and checks every minor whose highest row is t, smallest first; stores them
   * for later rows unless t is the last row.
   */
  private boolean place(int t, int value) {
    x[t] = value;
    for (int s = 0, c = 0; s < lambda; s++) {
      int coefficient = Gf256.pow(value, s);
      for (int j = 0; j < k; j++, c++) {
        rows[t][c] = Gf256.mul(coefficient, g[t][j]);
      }
    }
    boolean store = t < m - 1;
    for (int earlier = 0; earlier <= t && earlier < n; earlier++) {
      for (int prior = 0; prior < (1 << t); prior++) {
        if (Integer.bitCount(prior) == earlier && !checkMinors(t, prior, earlier + 1, store)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Checks the minors on rows prior + {t} for every column set of size q (colex order, so the rank
   * is the loop counter), expanding along row t: det = sum_{c in C} A[t][c] * minor(prior, C - c).
   */
  private boolean checkMinors(int t, int prior, int q, boolean store) {
    byte[] priorMinors = prior == 0 ? null : minors[prior];
    byte[] out = store ? minors[prior | (1 << t)] : null;
    int[] row = rows[t];
    for (int i = 0; i < q; i++) {
      cols[i] = i;
    }
    cols[q] = n;
    int count = binom[n][q];
    for (int rank = 0; rank < count; rank++) {
      int det = 0;
      if (priorMinors == null) {
        det = row[cols[0]];
      } else {
        for (int i = 0; i < q; i++) {
          int sub = priorMinors[rankWithout(q, i)] & 0xFF;
          det ^= Gf256.mul(row[cols[i]], sub);
        }
      }
      if (det == 0) {
        return false;
      }
      if (out != null) {
        out[rank] = (byte) det;
      }
      nextColex(q);
    }
    return true;
  }

  /** Colex rank of the current column set without its i-th element: sum of C(c_l, position). */
  private int rankWithout(int q, int skip) {
    int rank = 0;
    for (int l = 0, position = 1; l < q; l++) {
      if (l != skip) {
        rank += binom[cols[l]][position++];
      }
    }
    return rank;
  }

  /** Advances cols[0..q) to the next set in colex order (cols[q] == n is the sentinel). */
  private void nextColex(int q) {
    int i = 0;
    while (i < q && cols[i] + 1 == cols[i + 1]) {
      i++;
    }
    if (i < q) {
      cols[i]++;
    }
    for (int l = 0; l < i; l++) {
      cols[l] = l;
    }
  }
}
