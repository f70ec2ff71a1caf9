package org.bart.codec;

/**
 * No wide code of the mergeable family exists, or can be searched for, for a codec and geometry
 * (k, m, lambda). The transition must refuse such groups; the message names the codec and the
 * geometry and says why, e.g. {@code no mergeable wide code for codec=rs k=10 m=4 lambda=2: ...}.
 */
public final class WideCodeUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why no code is available. */
  public enum Reason {
    /** Outside what the codec's Hadoop encoder or GF(256) allow (e.g. xor with m = 2, 256 units). */
    BAD_GEOMETRY,
    /** The exhaustive search found no x: no code of this family is MDS for the geometry. */
    NONE_EXISTS,
    /** The search would need more memory than this implementation allows (large m and k). */
    SEARCH_TOO_LARGE
  }

  private final NarrowCodec codec;
  private final int k;
  private final int m;
  private final int lambda;
  private final Reason reason;

  public WideCodeUnavailableException(NarrowCodec codec, int k, int m, int lambda, Reason reason,
      String detail) {
    super("no mergeable wide code for codec=" + codec + " k=" + k + " m=" + m + " lambda=" + lambda
        + ": " + detail);
    this.codec = codec;
    this.k = k;
    this.m = m;
    this.lambda = lambda;
    this.reason = reason;
  }

  /** The narrow codec whose parity was to be merged. */
  public NarrowCodec codec() {
    return codec;
  }

  public int k() {
    return k;
  }

  public int m() {
    return m;
  }

  public int lambda() {
    return lambda;
  }

  public Reason reason() {
    return reason;
  }
}
