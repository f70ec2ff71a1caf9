package org.bart.codec;

/**
 * The field GF(2^8) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D) and generator 2: the field
 * of HDFS's {@code rs} and {@code rs-legacy} codecs (and ISA-L's), and therefore of every wide code
 * built from their parity.
 *
 * <p>Elements are {@code int}s in 0..255; addition is XOR. Every method validates that its arguments
 * are field elements and throws {@link IllegalArgumentException} otherwise, so a caller's bug never
 * turns into a silently wrong product. The tables are private and built once; the class is
 * stateless and thread-safe.
 */
public final class Gf256 {

  /** The reduction polynomial, with its x^8 term. */
  public static final int POLYNOMIAL = 0x11D;

  /** Number of nonzero elements, the order of the multiplicative group. */
  public static final int ORDER = 255;

  // EXP is doubled so that EXP[log a + log b] needs no reduction modulo 255.
  private static final int[] EXP = new int[2 * ORDER];
  private static final int[] LOG = new int[256];
  // Full product table: the scalar kernel multiplies one byte per lookup.
  private static final byte[] PRODUCT = new byte[256 * 256];

  private static final long LOW_SEVEN_BITS = 0x7f7f7f7f7f7f7f7fL;
  private static final long LOW_BIT = 0x0101010101010101L;

  static {
    int v = 1;
    for (int i = 0; i < ORDER; i++) {
      EXP[i] = v;
      EXP[i + ORDER] = v;
      LOG[v] = i;
      v <<= 1;
      if ((v & 0x100) != 0) {
        v ^= POLYNOMIAL;
      }
    }
    for (int a = 1; a < 256; a++) {
      for (int b = 1; b < 256; b++) {
        PRODUCT[(a << 8) | b] = (byte) EXP[LOG[a] + LOG[b]];
      }
    }
  }

  private Gf256() {
  }

  /** Returns {@code a + b} (and {@code a - b}: the field has characteristic 2). */
  public static int add(int a, int b) {
    check(a);
    check(b);
    return a ^ b;
  }

  /** Returns {@code a * b}. */
  public static int mul(int a, int b) {
    check(a);
    check(b);
    return PRODUCT[(a << 8) | b] & 0xFF;
  }

  /**
   * Returns {@code a / b}.
   *
   * @throws ArithmeticException if {@code b} is 0
   */
  public static int div(int a, int b) {
    return mul(a, inv(b));
  }

  /**
   * Returns the multiplicative inverse of {@code a}.
   *
   * @throws ArithmeticException if {@code a} is 0
   */
  public static int inv(int a) {
    check(a);
    if (a == 0) {
      throw new ArithmeticException("0 has no inverse in GF(256)");
    }
    return EXP[ORDER - LOG[a]];
  }

  /** Returns {@code a} to the power {@code e} for {@code e >= 0}, with {@code pow(0, 0) == 1}. */
  public static int pow(int a, int e) {
    check(a);
    if (e < 0) {
      throw new IllegalArgumentException("negative exponent " + e);
    }
    if (e == 0) {
      return 1;
    }
    if (a == 0) {
      return 0;
    }
    return EXP[(int) ((long) LOG[a] * e % ORDER)];
  }

  /** Returns 2^e, the generator to the power {@code e >= 0}. */
  public static int exp(int e) {
    if (e < 0) {
      throw new IllegalArgumentException("negative exponent " + e);
    }
    return EXP[e % ORDER];
  }

  /**
   * Returns the discrete logarithm of {@code a} to base 2, in 0..254.
   *
   * @throws ArithmeticException if {@code a} is 0
   */
  public static int log(int a) {
    check(a);
    if (a == 0) {
      throw new ArithmeticException("0 has no logarithm in GF(256)");
    }
    return LOG[a];
  }

  /**
   * Multiplies each of the eight bytes packed in {@code lanes} by 2 (the "xtime" step): shift every
   * lane left and reduce the lanes whose top bit fell out by the low byte of the polynomial. Lanes
   * never interact, so the byte order the long was read in does not matter.
   */
  public static long mul2Lanes(long lanes) {
    return ((lanes & LOW_SEVEN_BITS) << 1) ^ (((lanes >>> 7) & LOW_BIT) * (POLYNOMIAL & 0xFF));
  }

  private static void check(int a) {
    if ((a & ~0xFF) != 0) {
      throw new IllegalArgumentException("not a GF(256) element: " + a);
    }
  }
}
