package org.bart.codec;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The code of a BART wide group: lambda member stripes of one HDFS codec (k, m) (a {@link
 * NarrowCodec}: {@code rs}, {@code rs-legacy} or {@code xor}) plus m wide parity units, where wide
 * parity r merges the members' narrow parities of the same index r:
 *
 * <pre>  w_r = sum_s x_r^s * p_{s,r}         (s = member 0..lambda-1)</pre>
 *
 * <p>Per cell row that is w_r = sum_u A[r][u] d_u over the wide data order u = s*k + j (member s,
 * its data unit j) with A[r][s*k + j] = x_r^s G[r][j], G the {@link NarrowCodec#parityMatrix narrow
 * generator} of the codec. The x_r are chosen so that the systematic code [I; A] is MDS: any m of its
 * lambda*k + m units may be lost. Merging needs only the x_r, whatever the codec; the codec matters
 * to the MDS property, and so to the search, the encoder and the decoder.
 *
 * <p><b>Wide unit order</b> (used by every coder): data units first, member by member, then the wide
 * parities. For the flagship (6,3,3) code, {@code rs-legacy-wide k=6 m=3 lambda=3 x=1,2,7}, there are
 * 21 units: member 1's data unit 4 is wide unit {@code dataUnit(1, 4) = 10}, wide parity 2 is unit
 * {@code parityUnit(2) = 20}, and {@code parityCoefficient(2, 10) = 7 * G[2][4] = 7 * 0x3d = 0xb3}
 * = {@code mergeCoefficient(2, 1) * G[2][4]}. Because x_0 = 1, w_0 is the XOR of the p_{s,0}.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} is the stable description that a
 * wide group's metadata stores and {@link #parse} reads back; it records the codec and x itself, so
 * a future search rule cannot change the meaning of an existing group. Its first word is the codec's
 * HDFS name followed by {@value #FORM_SUFFIX} ({@code rs-wide}, {@code rs-legacy-wide}, {@code
 * xor-wide}): an {@code rs-legacy} code is written exactly as before codecs were told apart, so
 * descriptions stored then still parse to the same code.
 *
 * <p><b>Re-encoded codes.</b> Where no x makes the merged code MDS (rs and rs-legacy (10,4) for any
 * lambda >= 2, rs (6,3) with lambda 6), a group's wide parity is computed from its data instead
 * ({@link #reEncoded}): A is then the Cauchy matrix A[r][u] = 1 / ((lambda*k + r) XOR u), the
 * generator Hadoop's {@code RSRawEncoder} uses for RS(lambda*k, m). Its row and column labels are
 * lambda*k + m distinct field elements, so every square submatrix is nonsingular (a Cauchy matrix)
 * and [I; A] is MDS by construction. Its string form ends in {@code reencode=cauchy} instead of
 * {@code x=...}, e.g. {@code rs-wide k=10 m=4 lambda=2 reencode=cauchy}; {@link #merges()} tells the
 * two kinds apart, and decoding, verifying and repairing treat both alike (they use only A).
 */
public final class WideCode {

  /** What follows the codec's HDFS name in the first word of the string form. */
  public static final String FORM_SUFFIX = "-wide";

  /** The last word of a re-encoded code's string form. */
  static final String REENCODE_WORD = "reencode=cauchy";

  // (codec, k, m, lambda) -> first x, or an empty array when none exists. Searching for m = 4 takes
  // a while, and failures are as stable as successes, so both are remembered.
  private static final ConcurrentMap<String, int[]> SEARCHED = new ConcurrentHashMap<>();
  /**
   * The MDS verdicts of the codes {@link #of} checked, by description: every group layout the
   * NameNode loads parses its code, and checking every square submatrix each time cost more than
   * the rest of the load. Bounded, since the descriptions come from stored metadata.
   */
  private static final ConcurrentMap<String, Boolean> MDS_VERDICTS = new ConcurrentHashMap<>();
  private static final int MDS_VERDICTS_KEPT = 256;

  private final NarrowCodec codec;
  private final int k;
  private final int m;
  private final int lambda;
  // null for a re-encoded code
  private final int[] x;
  private final int[][] parity;

  private WideCode(NarrowCodec codec, int k, int m, int lambda, int[] x) {
    this.codec = codec;
    this.k = k;
    this.m = m;
    this.lambda = lambda;
    this.x = x.clone();
    int[][] g = codec.parityMatrix(k, m);
    this.parity = new int[m][lambda * k];
    for (int r = 0; r < m; r++) {
      for (int s = 0; s < lambda; s++) {
        int merge = Gf256.pow(x[r], s);
        for (int j = 0; j < k; j++) {
          parity[r][s * k + j] = Gf256.mul(merge, g[r][j]);
        }
      }
    }
  }

  /** A re-encoded code: A is the Cauchy matrix of Hadoop's RS(lambda*k, m) encoder. */
  private WideCode(NarrowCodec codec, int k, int m, int lambda) {
    this.codec = codec;
    this.k = k;
    this.m = m;
    this.lambda = lambda;
    this.x = null;
    this.parity = RsGenerator.parityMatrix(lambda * k, m);
  }

  /**
   * Returns the re-encoded wide code of members of this codec with (k, m, lambda): wide parity r =
   * sum_u A[r][u] d_u with A the Cauchy matrix A[r][u] = 1 / ((lambda*k + r) XOR u), MDS for every
   * geometry GF(256) allows. Its parity cannot be merged from narrow parity; a transition computes
   * it from the group's lambda*k data units.
   *
   * @throws WideCodeUnavailableException with reason BAD_GEOMETRY if the codec does not allow (k,
   *     m) or lambda*k + m > 255
   * @throws IllegalArgumentException if codec is null
   */
  public static WideCode reEncoded(NarrowCodec codec, int k, int m, int lambda) {
    WideCodeSearch.checkGeometry(codec, k, m, lambda);
    return new WideCode(codec, k, m, lambda);
  }

  /**
   * Returns the code a transition of such members uses: the merged code {@link
   * #forGeometry(NarrowCodec, int, int, int)} finds, or, when none exists (or the search is too
   * large to run), the {@link #reEncoded re-encoded} one.
   *
   * @throws WideCodeUnavailableException with reason BAD_GEOMETRY if the geometry is invalid
   * @throws IllegalArgumentException if codec is null
   */
  public static WideCode forTransition(NarrowCodec codec, int k, int m, int lambda) {
    try {
      return forGeometry(codec, k, m, lambda);
    } catch (WideCodeUnavailableException e) {
      if (e.reason() == WideCodeUnavailableException.Reason.BAD_GEOMETRY) {
        throw e;
      }
      return reEncoded(codec, k, m, lambda);
    }
  }

  /**
   * Returns the wide code the search chooses for {@code rs-legacy} (k, m, lambda): {@code
   * forGeometry(NarrowCodec.RS_LEGACY, k, m, lambda)}, what this method returned before codecs were
   * told apart.
   *
   * @throws WideCodeUnavailableException as {@link #forGeometry(NarrowCodec, int, int, int)}
   */
  public static WideCode forGeometry(int k, int m, int lambda) {
    return forGeometry(NarrowCodec.RS_LEGACY, k, m, lambda);
  }

  /**
   * Returns the wide code the search chooses for members of this codec with (k, m, lambda): the
   * first x in lexicographic order of ordered tuples of distinct nonzero elements (x_0 = 1) for
   * which the code is MDS; e.g. x = 1,2,7 for rs-legacy (6,3,3) and 1,2,19 for rs (6,3,3). Results
   * are cached per codec and geometry. The search is fast for m <= 3; for m = 4 it can take seconds,
   * once.
   *
   * @throws WideCodeUnavailableException naming the codec and geometry if no such code exists (e.g.
   *     rs or rs-legacy (10,4,2), rs (6,3,6)), the codec does not allow (k, m) (xor with m != 1),
   *     lambda*k + m > 255, or the search is too large to run
   * @throws IllegalArgumentException if codec is null
   */
  public static WideCode forGeometry(NarrowCodec codec, int k, int m, int lambda) {
    WideCodeSearch.checkGeometry(codec, k, m, lambda);
    int[] found = SEARCHED.computeIfAbsent(codec + "," + k + "," + m + "," + lambda, key -> {
      int[] first = WideCodeSearch.first(codec, k, m, lambda);
      return first == null ? new int[0] : first;
    });
    if (found.length == 0) {
      throw new WideCodeUnavailableException(codec, k, m, lambda,
          WideCodeUnavailableException.Reason.NONE_EXISTS,
          "no x_0..x_" + (m - 1) + " of distinct nonzero elements makes every square submatrix of the"
              + " wide parity matrix nonsingular (exhaustive search), so this geometry's narrow parity"
              + " cannot be merged index by index; its groups would need a full-mix merge or a"
              + " re-encode from their data");
    }
    return new WideCode(codec, k, m, lambda, found);
  }

  /**
   * Returns the wide code of this codec with the given x after checking that it is MDS.
   *
   * @throws InvalidWideCodeException if x is not m distinct nonzero elements or the code not MDS
   * @throws WideCodeUnavailableException if the geometry itself is invalid for the codec
   * @throws IllegalArgumentException if codec is null
   */
  public static WideCode of(NarrowCodec codec, int k, int m, int lambda, int... x) {
    WideCodeSearch.checkGeometry(codec, k, m, lambda);
    String text = describe(codec, k, m, lambda, x);
    if (x.length != m) {
      throw new InvalidWideCodeException(text, "x needs m = " + m + " values, has " + x.length);
    }
    for (int r = 0; r < m; r++) {
      if (x[r] < 1 || x[r] > Gf256.ORDER) {
        throw new InvalidWideCodeException(text, "x_" + r + " = " + x[r] + " is not in 1..255");
      }
      for (int q = 0; q < r; q++) {
        if (x[q] == x[r]) {
          throw new InvalidWideCodeException(text, "x_" + q + " and x_" + r + " are both " + x[r]);
        }
      }
    }
    if (!isMds(text, codec, k, m, lambda, x)) {
      throw new InvalidWideCodeException(text,
          "not MDS: some square submatrix of the wide parity matrix is singular");
    }
    return new WideCode(codec, k, m, lambda, x);
  }

  private static boolean isMds(String text, NarrowCodec codec, int k, int m, int lambda, int[] x) {
    Boolean known = MDS_VERDICTS.get(text);
    if (known == null) {
      known = WideCodeSearch.isMds(codec, k, m, lambda, x);
      if (MDS_VERDICTS.size() < MDS_VERDICTS_KEPT) {
        MDS_VERDICTS.put(text, known);
      }
    }
    return known;
  }

  /**
   * Parses the form {@link #toString()} writes, exactly ({@code rs-legacy-wide k=6 m=3 lambda=3
   * x=1,2,7}, {@code rs-wide k=6 m=3 lambda=3 x=1,2,19}, {@code xor-wide k=2 m=1 lambda=3 x=1},
   * {@code rs-wide k=10 m=4 lambda=2 reencode=cauchy}), and re-checks that a merged code is MDS.
   *
   * @throws InvalidWideCodeException if the text is not in that form (including an unknown codec)
   *     or the code is not MDS
   * @throws WideCodeUnavailableException if the geometry is invalid for the codec
   */
  public static WideCode parse(String text) {
    if (text == null) {
      throw new InvalidWideCodeException("null", "no description");
    }
    String[] words = text.split(" ", -1);
    NarrowCodec codec = words.length == 5 ? codecOfForm(words[0]) : null;
    if (codec == null) {
      throw new InvalidWideCodeException(text, "expected 'CODEC" + FORM_SUFFIX
          + " k=K m=M lambda=LAMBDA x=X_0,...,X_M-1' (or '" + REENCODE_WORD + "' for x=...) with"
          + " CODEC one of " + NarrowCodec.names());
    }
    int k = number(text, field(text, words[1], "k"));
    int m = number(text, field(text, words[2], "m"));
    int lambda = number(text, field(text, words[3], "lambda"));
    if (words[4].equals(REENCODE_WORD)) {
      return reEncoded(codec, k, m, lambda);
    }
    String[] values = field(text, words[4], "x").split(",", -1);
    int[] x = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      x[i] = number(text, values[i]);
    }
    return of(codec, k, m, lambda, x);
  }

  /** The codec whose form's first word this is, or null. */
  private static NarrowCodec codecOfForm(String word) {
    for (NarrowCodec codec : NarrowCodec.values()) {
      if (word.equals(codec.hdfsName() + FORM_SUFFIX)) {
        return codec;
      }
    }
    return null;
  }

  private static String field(String text, String word, String name) {
    if (!word.startsWith(name + "=")) {
      throw new InvalidWideCodeException(text, "expected '" + name + "=' at '" + word + "'");
    }
    return word.substring(name.length() + 1);
  }

  /** A canonical decimal: digits only, no sign, no leading zero, at most 3 digits. */
  private static int number(String text, String digits) {
    if (digits.isEmpty() || digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')) {
      throw new InvalidWideCodeException(text, "'" + digits + "' is not a number in 0..999");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        throw new InvalidWideCodeException(text, "'" + digits + "' is not a decimal number");
      }
    }
    return Integer.parseInt(digits);
  }

  /** The HDFS codec of the member stripes, whose narrow parity this code merges. */
  public NarrowCodec codec() {
    return codec;
  }

  /** Data units of one narrow member stripe. */
  public int k() {
    return k;
  }

  /** Parity units, narrow and wide alike: the number of lost units a wide row survives. */
  public int m() {
    return m;
  }

  /** Member stripes per wide group. */
  public int lambda() {
    return lambda;
  }

  /** Data units of a wide row: lambda * k. */
  public int dataUnits() {
    return lambda * k;
  }

  /** All units of a wide row: lambda * k + m. */
  public int totalUnits() {
    return lambda * k + m;
  }

  /** Wide index of member {@code member}'s data unit {@code j}: member * k + j. */
  public int dataUnit(int member, int j) {
    checkIndex("member", member, lambda);
    checkIndex("data unit", j, k);
    return member * k + j;
  }

  /** Wide index of wide parity r: lambda * k + r. */
  public int parityUnit(int r) {
    checkIndex("parity index", r, m);
    return lambda * k + r;
  }

  /**
   * Whether wide parity r is merged from the members' narrow parities r (false: a re-encoded code,
   * whose parity is computed from the data).
   */
  public boolean merges() {
    return x != null;
  }

  /**
   * The merge coefficient x_r.
   *
   * @throws IllegalStateException if the code is re-encoded
   */
  public int x(int r) {
    checkIndex("parity index", r, m);
    checkMerges();
    return x[r];
  }

  /**
   * x_r^member: the factor of member {@code member}'s narrow parity r in wide parity r.
   *
   * @throws IllegalStateException if the code is re-encoded
   */
  public int mergeCoefficient(int r, int member) {
    checkIndex("parity index", r, m);
    checkIndex("member", member, lambda);
    checkMerges();
    return Gf256.pow(x[r], member);
  }

  private void checkMerges() {
    if (x == null) {
      throw new IllegalStateException(this + " is re-encoded from the data: its parity is not a"
          + " merge of narrow parities");
    }
  }

  /** A[r][unit]: the factor of wide data unit {@code unit} in wide parity r. */
  public int parityCoefficient(int r, int unit) {
    checkIndex("parity index", r, m);
    checkIndex("wide data unit", unit, lambda * k);
    return parity[r][unit];
  }

  /** A copy of the m x (lambda*k) wide parity matrix A. */
  public int[][] parityMatrix() {
    int[][] copy = new int[m][];
    for (int r = 0; r < m; r++) {
      copy[r] = parity[r].clone();
    }
    return copy;
  }

  /**
   * The stable string form, e.g. {@code rs-legacy-wide k=6 m=3 lambda=3 x=1,2,7} or {@code rs-wide
   * k=6 m=3 lambda=3 x=1,2,19}.
   */
  @Override
  public String toString() {
    return describe(codec, k, m, lambda, x);
  }

  private static String describe(NarrowCodec codec, int k, int m, int lambda, int[] x) {
    StringBuilder sb = new StringBuilder(codec.hdfsName()).append(FORM_SUFFIX);
    sb.append(" k=").append(k).append(" m=").append(m).append(" lambda=").append(lambda);
    if (x == null) {
      return sb.append(' ').append(REENCODE_WORD).toString();
    }
    sb.append(" x=");
    for (int r = 0; r < x.length; r++) {
      sb.append(r == 0 ? "" : ",").append(x[r]);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WideCode)) {
      return false;
    }
    WideCode other = (WideCode) o;
    return codec == other.codec && k == other.k && m == other.m && lambda == other.lambda
        && Arrays.equals(x, other.x);
  }

  @Override
  public int hashCode() {
    return (((codec.ordinal() * 31 + k) * 31 + m) * 31 + lambda) * 31 + Arrays.hashCode(x);
  }

  private static void checkIndex(String what, int index, int bound) {
    if (index < 0 || index >= bound) {
      throw new IndexOutOfBoundsException(what + " " + index + " not in 0.." + (bound - 1));
    }
  }
}
