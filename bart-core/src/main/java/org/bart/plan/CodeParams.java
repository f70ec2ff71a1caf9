package org.bart.plan;

/**
 * The two erasure codes of a transition: narrow RS(k_i, m_i) stripes are merged, lambda = k_f / k_i at a
 * time, into wide RS(k_f, m_f) stripes. Example: (6,3) -> (18,3) merges lambda = 3 stripes; the wide stripe
 * holds the 18 data blocks of its members in member order and 3 new parities, where new parity j is merged
 * from parity j of each member.
 *
 * <p>Immutable; every instance satisfies the checks BART's tools make ({@code isValidForPM} and
 * {@code isParamValid}) plus the limits of BART's 8-bit block counters.
 */
public final class CodeParams {

  private final int kI;
  private final int mI;
  private final int kF;
  private final int mF;

  private CodeParams(int kI, int mI, int kF, int mF) {
    this.kI = kI;
    this.mI = mI;
    this.kF = kF;
    this.mF = mF;
  }

  /**
   * Validates and returns the code pair.
   *
   * @throws IllegalArgumentException if a parameter is not positive, k_f is not a multiple of k_i,
   *     m_f > m_i, or n_f + k_f >= 256 (BART counts blocks in {@code uint8_t})
   */
  public static CodeParams of(int kI, int mI, int kF, int mF) {
    if (kI <= 0 || mI <= 0 || kF <= 0 || mF <= 0) {
      throw new IllegalArgumentException("code parameters must be positive: k_i=" + kI + " m_i=" + mI
          + " k_f=" + kF + " m_f=" + mF);
    }
    if (kF % kI != 0) {
      throw new IllegalArgumentException("k_f must be a multiple of k_i: k_f=" + kF + " k_i=" + kI);
    }
    if (mF > mI) {
      throw new IllegalArgumentException("m_f must not exceed m_i (a wide parity is merged from narrow"
          + " parities of the same index): m_f=" + mF + " m_i=" + mI);
    }
    if (kF + mF + kF >= 256) {
      throw new IllegalArgumentException("n_f + k_f must be below 256 (BART's 8-bit block counters): n_f="
          + (kF + mF) + " k_f=" + kF);
    }
    return new CodeParams(kI, mI, kF, mF);
  }

  /**
   * Parses the short form {@code k,m,lambda} used by BART's scripts and the simulator, meaning
   * k_i = k, m_i = m, k_f = lambda * k, m_f = m; e.g. {@code 6,3,3} is (6,3) -> (18,3).
   *
   * @throws IllegalArgumentException if the text is not three comma-separated integers or the code is invalid
   */
  public static CodeParams parseShortForm(String text) {
    String[] parts = text.trim().split("\\s*,\\s*");
    if (parts.length != 3) {
      throw new IllegalArgumentException("code must be k,m,lambda (e.g. 6,3,3), got '" + text + "'");
    }
    int[] v = new int[3];
    for (int i = 0; i < 3; i++) {
      try {
        v[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("code must be k,m,lambda (e.g. 6,3,3), got '" + text + "'", e);
      }
    }
    if (v[2] <= 0) {
      throw new IllegalArgumentException("lambda must be positive, got " + v[2] + " in '" + text + "'");
    }
    return of(v[0], v[1], v[0] * v[2], v[1]);
  }

  /** Data blocks per narrow stripe. */
  public int kI() {
    return kI;
  }

  /** Parity blocks per narrow stripe. */
  public int mI() {
    return mI;
  }

  /** Data blocks per wide stripe (lambda * k_i). */
  public int kF() {
    return kF;
  }

  /** Parity blocks per wide stripe (at most m_i). */
  public int mF() {
    return mF;
  }

  /** Blocks of a narrow stripe, k_i + m_i. */
  public int nI() {
    return kI + mI;
  }

  /** Blocks of a wide stripe, k_f + m_f. */
  public int nF() {
    return kF + mF;
  }

  /** Narrow stripes per wide stripe, k_f / k_i. */
  public int lambda() {
    return kF / kI;
  }

  /** Returns {@code (k_i,m_i)->(k_f,m_f)}, e.g. {@code (6,3)->(18,3)}. */
  @Override
  public String toString() {
    return "(" + kI + "," + mI + ")->(" + kF + "," + mF + ")";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CodeParams)) {
      return false;
    }
    CodeParams c = (CodeParams) o;
    return kI == c.kI && mI == c.mI && kF == c.kF && mF == c.mF;
  }

  @Override
  public int hashCode() {
    return ((kI * 31 + mI) * 31 + kF) * 31 + mF;
  }
}
