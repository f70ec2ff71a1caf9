package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The search, the MDS check, the description and its string form. */
class WideCodeTest {

  @ParameterizedTest(name = "({0},{1},{2}) -> x = {3}")
  @CsvSource({
      "2,1,2,1", "3,2,2,1 2", "4,2,2,1 2", "6,2,2,1 2", "6,2,3,1 2", "6,3,2,1 2 5",
      "6,3,3,1 2 7", "6,3,4,1 4 44", "8,3,2,1 3 9", "10,2,2,1 3", "10,2,3,1 6", "10,2,4,1 6"})
  void searchFindsTheCodesOfTheReferenceTable(int k, int m, int lambda, String x) {
    WideCode code = WideCode.forGeometry(k, m, lambda);
    assertArrayEquals(parse(x), xOf(code));
    assertTrue(NaiveMds.isMds(code.parityMatrix()), "oracle disagrees for " + code);
  }

  /**
   * The search for HDFS's rs (Cauchy) codec and for xor against {@code wide_code.py K M LAMBDA rs}
   * (run 2026-12-04; xor rows from {@code wide_code.py 2 1 LAMBDA rs-legacy}, whose one-parity
   * generator is the same row of ones).
   */
  @ParameterizedTest(name = "{0} ({1},{2},{3}) -> x = {4}")
  @CsvSource({
      "rs,6,3,2,1 2 3", "rs,6,3,3,1 2 19", "rs,6,3,4,1 2 27", "rs,6,3,5,1 14 224",
      "rs,3,2,2,1 2", "rs,3,2,3,1 2", "rs,3,2,4,1 2", "rs,3,2,5,1 2", "rs,3,2,6,1 2",
      "rs,4,2,2,1 2", "rs,6,2,2,1 2", "rs,6,2,3,1 2", "rs,10,2,2,1 2", "rs,10,2,3,1 2",
      "rs,10,2,4,1 2", "rs,8,3,2,1 2 14", "rs,2,1,2,1", "rs,2,1,3,1", "rs,6,4,2,1 2 3 22",
      "xor,2,1,2,1", "xor,2,1,3,1", "xor,2,1,4,1"})
  void searchFindsTheOraclesCodesForRsAndXor(String codec, int k, int m, int lambda, String x) {
    WideCode code = WideCode.forGeometry(NarrowCodec.forName(codec), k, m, lambda);
    assertEquals(NarrowCodec.forName(codec), code.codec());
    assertArrayEquals(parse(x), xOf(code));
    assertTrue(NaiveMds.isMds(code.parityMatrix()), "oracle disagrees for " + code);
  }

  @ParameterizedTest(name = "{0} (6,3,3): x = 1,2,{1}")
  @CsvSource({"rs-legacy,7", "rs,19"})
  void everyEarlierCandidateOf633IsRejectedByTheOracle(String name, int found) {
    // The enumeration visits (1,2,3), (1,2,4), ... before the answer; each must really be non-MDS.
    NarrowCodec codec = NarrowCodec.forName(name);
    for (int x2 = 3; x2 < found; x2++) {
      int[][] a = parityMatrix(codec, 6, 3, 3, new int[] {1, 2, x2});
      assertFalse(NaiveMds.isMds(a), codec + " x = 1,2," + x2 + " should not be MDS");
      int candidate = x2;
      assertThrows(InvalidWideCodeException.class, () -> WideCode.of(codec, 6, 3, 3, 1, 2, candidate));
    }
    assertTrue(NaiveMds.isMds(parityMatrix(codec, 6, 3, 3, new int[] {1, 2, found})));
  }

  @ParameterizedTest(name = "m=4: ({0},{1},{2}) -> x = {3}")
  @CsvSource({"6,4,2,1 3 5 71", "5,4,3,1 2 17 24"})
  void searchFindsM4Codes(int k, int m, int lambda, String x) {
    WideCode code = WideCode.forGeometry(k, m, lambda);
    assertArrayEquals(parse(x), xOf(code));
    assertTrue(NaiveMds.isMds(code.parityMatrix()), "oracle disagrees for " + code);
  }

  @Test
  void searchRefusesM4GeometriesWithoutACode() {
    // (16,4,2) is the cheapest of the reference table's "none" rows to search exhaustively
    // (a fraction of a second); (9,4,2) and (6,4,3) take seconds and are left out of the suite.
    WideCodeUnavailableException e = assertThrows(WideCodeUnavailableException.class,
        () -> WideCode.forGeometry(16, 4, 2));
    assertEquals(WideCodeUnavailableException.Reason.NONE_EXISTS, e.reason());
    assertTrue(e.getMessage().contains("k=16 m=4 lambda=2"), e.getMessage());
    // The failure is cached like a success: the second call does not search again.
    assertThrows(WideCodeUnavailableException.class, () -> WideCode.forGeometry(16, 4, 2));
  }

  @ParameterizedTest(name = "{0} ({1},{2},{3}) has none")
  @CsvSource({"rs,6,3,6", "rs,10,4,2", "rs,10,4,3", "rs-legacy,6,3,6"})
  void searchRefusesRsGeometriesWithoutACodeNamingCodecAndGeometry(String name, int k, int m,
      int lambda) {
    // HDFS's RS-10-4 and rs (6,3) with lambda 6: wide-code.md's random search found none either.
    NarrowCodec codec = NarrowCodec.forName(name);
    WideCodeUnavailableException e = assertThrows(WideCodeUnavailableException.class,
        () -> WideCode.forGeometry(codec, k, m, lambda));
    assertEquals(WideCodeUnavailableException.Reason.NONE_EXISTS, e.reason());
    assertEquals(codec, e.codec());
    assertTrue(e.getMessage().startsWith("no mergeable wide code for codec=" + name + " k=" + k
        + " m=" + m + " lambda=" + lambda + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("cannot be merged index by index"), e.getMessage());
  }

  @Test
  void xorHasOneParityOnly() {
    WideCodeUnavailableException e = assertThrows(WideCodeUnavailableException.class,
        () -> WideCode.forGeometry(NarrowCodec.XOR, 2, 2, 2));
    assertEquals(WideCodeUnavailableException.Reason.BAD_GEOMETRY, e.reason());
    assertTrue(e.getMessage().startsWith("no mergeable wide code for codec=xor k=2 m=2 lambda=2: xor"
        + " needs k >= 1, m = 1"), e.getMessage());
    assertTrue(e.getCause() instanceof IllegalArgumentException);
  }

  @Test
  void theCodecPartOfTheCodeAndOfItsIdentity() {
    WideCode legacy = WideCode.forGeometry(NarrowCodec.RS_LEGACY, 6, 3, 3);
    assertSame(NarrowCodec.RS_LEGACY, legacy.codec());
    assertEquals(legacy, WideCode.forGeometry(6, 3, 3), "the codec-less overload is rs-legacy");
    // Same geometry and x, different narrow generator: a different code.
    WideCode rs = WideCode.forGeometry(NarrowCodec.RS, 4, 2, 2);
    WideCode rsLegacy = WideCode.forGeometry(NarrowCodec.RS_LEGACY, 4, 2, 2);
    assertArrayEquals(xOf(rs), xOf(rsLegacy));
    assertNotEquals(rs, rsLegacy);
    assertNotEquals(rs.toString(), rsLegacy.toString());
    assertArrayEquals(parityMatrix(NarrowCodec.RS, 4, 2, 2, xOf(rs))[1], rs.parityMatrix()[1]);
    // rs-legacy's x = 1,2,7 is not MDS over rs's generator.
    assertThrows(InvalidWideCodeException.class, () -> WideCode.of(NarrowCodec.RS, 6, 3, 3, 1, 2, 7));
  }

  @Test
  void aCodeCheckedAgainGetsItsOwnVerdictAgain() {
    // Both verdicts are remembered; the same x over another generator is another code.
    for (int pass = 0; pass < 2; pass++) {
      assertEquals("rs-legacy-wide k=6 m=3 lambda=3 x=1,2,7",
          WideCode.of(NarrowCodec.RS_LEGACY, 6, 3, 3, 1, 2, 7).toString(), "pass " + pass);
      assertThrows(InvalidWideCodeException.class,
          () -> WideCode.of(NarrowCodec.RS, 6, 3, 3, 1, 2, 7), "pass " + pass);
    }
  }

  @Test
  void refusesMoreThan255Units() {
    WideCodeUnavailableException e = assertThrows(WideCodeUnavailableException.class,
        () -> WideCode.forGeometry(6, 3, 43));
    assertEquals(WideCodeUnavailableException.Reason.BAD_GEOMETRY, e.reason());
    assertTrue(e.getMessage().contains("255"), e.getMessage());
    assertThrows(WideCodeUnavailableException.class, () -> WideCode.forGeometry(0, 3, 3));
    assertThrows(WideCodeUnavailableException.class, () -> WideCode.forGeometry(6, 3, 0));
  }

  @Test
  void searchResultsAreCachedAndEqual() {
    WideCode a = WideCode.forGeometry(6, 3, 3);
    WideCode b = WideCode.forGeometry(6, 3, 3);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, WideCode.forGeometry(6, 3, 2));
  }

  @Test
  void describesTheFlagshipCodeWithItsIndexes() {
    WideCode code = WideCode.forGeometry(6, 3, 3);
    assertEquals("rs-legacy-wide k=6 m=3 lambda=3 x=1,2,7", code.toString());
    assertEquals(18, code.dataUnits());
    assertEquals(21, code.totalUnits());
    assertEquals(10, code.dataUnit(1, 4));
    assertEquals(20, code.parityUnit(2));
    assertEquals(0xb3, code.parityCoefficient(2, 10));
    assertEquals(0x15, code.mergeCoefficient(2, 2));
    assertArrayEquals(parityMatrix(NarrowCodec.RS_LEGACY, 6, 3, 3, new int[] {1, 2, 7})[1],
        code.parityMatrix()[1]);
    assertThrows(IndexOutOfBoundsException.class, () -> code.dataUnit(3, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> code.parityUnit(3));
  }

  @Test
  void parseReadsBackWhatToStringWrites() {
    for (String text : new String[] {
        "rs-legacy-wide k=6 m=3 lambda=3 x=1,2,7", "rs-legacy-wide k=2 m=1 lambda=2 x=1",
        "rs-legacy-wide k=6 m=3 lambda=4 x=1,4,44", "rs-wide k=6 m=3 lambda=3 x=1,2,19",
        "rs-wide k=6 m=3 lambda=2 x=1,2,3", "xor-wide k=2 m=1 lambda=3 x=1"}) {
      WideCode code = WideCode.parse(text);
      assertEquals(text, code.toString());
      assertEquals(code, WideCode.parse(code.toString()));
    }
    assertEquals("rs-wide k=6 m=3 lambda=3 x=1,2,19",
        WideCode.forGeometry(NarrowCodec.RS, 6, 3, 3).toString());
    assertEquals(NarrowCodec.XOR, WideCode.parse("xor-wide k=2 m=1 lambda=4 x=1").codec());
    // Any MDS x is accepted, not only the search's first: metadata outlives search rules.
    WideCode other = WideCode.parse("rs-legacy-wide k=6 m=3 lambda=3 x=2,4,14");
    assertTrue(NaiveMds.isMds(other.parityMatrix()));
  }

  @Test
  void descriptionsStoredBeforeCodecsWereToldApartReadAsRsLegacy() {
    // What the plugin persisted in xattrs so far: the rs-legacy form, unchanged.
    WideCode old = WideCode.parse("rs-legacy-wide k=6 m=3 lambda=3 x=1,2,7");
    assertSame(NarrowCodec.RS_LEGACY, old.codec());
    assertEquals(WideCode.forGeometry(NarrowCodec.RS_LEGACY, 6, 3, 3), old);
    assertArrayEquals(parityMatrix(NarrowCodec.RS_LEGACY, 6, 3, 3, new int[] {1, 2, 7})[2],
        old.parityMatrix()[2]);
  }

  @Test
  void parseRejectsMalformedAndNonMdsDescriptions() {
    String[] bad = {
        null, "", "rs-legacy-wide", "rs-wide k=6 m=3 lambda=3 x=1,2,7",
        "rs-legacy-wide k=6 m=3 lambda=3 x=1,2,7 ", "rs-legacy-wide  k=6 m=3 lambda=3 x=1,2,7",
        "rs-legacy-wide m=3 k=6 lambda=3 x=1,2,7", "rs-legacy-wide k=06 m=3 lambda=3 x=1,2,7",
        "rs-legacy-wide k=6 m=3 lambda=3 x=1,2", "rs-legacy-wide k=6 m=3 lambda=3 x=1,2,7,9",
        "rs-legacy-wide k=6 m=3 lambda=3 x=1,1,7", "rs-legacy-wide k=6 m=3 lambda=3 x=0,2,7",
        "rs-legacy-wide k=6 m=3 lambda=3 x=1,2,256", "rs-legacy-wide k=6 m=3 lambda=3 x=1,+2,7",
        "rs-legacy-wide k=6 m=3 lambda=3 x=1,2,3", "rs-legacy-wide k=x m=3 lambda=3 x=1,2,7",
        "hhxor-wide k=6 m=3 lambda=3 x=1,2,7", "RS-wide k=6 m=3 lambda=3 x=1,2,19",
        "rs-legacy k=6 m=3 lambda=3 x=1,2,7", "wide k=6 m=3 lambda=3 x=1,2,7",
        "rs-wide k=6 m=3 lambda=3 x=1,2,18", "xor-wide k=2 m=1 lambda=3 x=1,2"};
    for (String text : bad) {
      InvalidWideCodeException e =
          assertThrows(InvalidWideCodeException.class, () -> WideCode.parse(text), text);
      assertTrue(e.getMessage().contains(String.valueOf(text)), e.getMessage());
    }
    assertThrows(WideCodeUnavailableException.class,
        () -> WideCode.parse("rs-legacy-wide k=6 m=3 lambda=99 x=1,2,7"));
  }

  static int[] xOf(WideCode code) {
    int[] x = new int[code.m()];
    for (int r = 0; r < x.length; r++) {
      x[r] = code.x(r);
    }
    return x;
  }

  private static int[] parse(String spaced) {
    String[] words = spaced.trim().split(" ");
    int[] x = new int[words.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Integer.parseInt(words[i]);
    }
    return x;
  }

  /** A[r][s*k+j] = x_r^s G[r][j], written out independently of WideCode. */
  static int[][] parityMatrix(NarrowCodec codec, int k, int m, int lambda, int[] x) {
    int[][] g = codec.parityMatrix(k, m);
    int[][] a = new int[m][lambda * k];
    for (int r = 0; r < m; r++) {
      int factor = 1;
      for (int s = 0; s < lambda; s++) {
        for (int j = 0; j < k; j++) {
          a[r][s * k + j] = Gf256.mul(factor, g[r][j]);
        }
        factor = Gf256.mul(factor, x[r]);
      }
    }
    return a;
  }

  /** The plain check of wide_code.py: every square submatrix by Gaussian elimination. */
  static final class NaiveMds {

    private NaiveMds() {
    }

    static boolean isMds(int[][] a) {
      int m = a.length;
      int n = a[0].length;
      for (int size = 1; size <= Math.min(m, n); size++) {
        for (int[] rows : subsets(m, size)) {
          for (int[] cols : subsets(n, size)) {
            if (det(a, rows, cols) == 0) {
              return false;
            }
          }
        }
      }
      return true;
    }

    static List<int[]> subsets(int n, int size) {
      List<int[]> all = new ArrayList<>();
      collect(n, size, 0, new int[size], 0, all);
      return all;
    }

    private static void collect(int n, int size, int from, int[] chosen, int depth, List<int[]> all) {
      if (depth == size) {
        all.add(chosen.clone());
        return;
      }
      for (int i = from; i < n; i++) {
        chosen[depth] = i;
        collect(n, size, i + 1, chosen, depth + 1, all);
      }
    }

    private static int det(int[][] a, int[] rows, int[] cols) {
      int n = rows.length;
      int[][] w = new int[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          w[i][j] = a[rows[i]][cols[j]];
        }
      }
      int det = 1;
      for (int c = 0; c < n; c++) {
        int p = c;
        while (p < n && w[p][c] == 0) {
          p++;
        }
        if (p == n) {
          return 0;
        }
        int[] t = w[c];
        w[c] = w[p];
        w[p] = t;
        det = Gf256.mul(det, w[c][c]);
        int inv = Gf256.inv(w[c][c]);
        for (int r = c + 1; r < n; r++) {
          int f = Gf256.mul(w[r][c], inv);
          for (int cc = c; cc < n; cc++) {
            w[r][cc] ^= Gf256.mul(f, w[c][cc]);
          }
        }
      }
      return det;
    }
  }
}
