package org.bart.plan;

/**
 * The random source of the planners and the placement generator. Planners draw only through these two
 * calls, at the same points and in the same order as BART's C++, so that {@link #exact(long)} reproduces
 * BART's seeded output byte for byte.
 *
 * <p>Instances are stateful and not thread-safe.
 */
public interface Rng {

  /** A uniformly random integer in [lo, hi], both inclusive; requires lo <= hi. */
  int nextInt(int lo, int hi);

  /** Permutes the array in place uniformly at random. */
  void shuffle(int[] values);

  /**
   * BART's generator: {@code std::mt19937(seed)} with libstdc++ 12's {@code uniform_int_distribution} and
   * {@code std::shuffle}; the C++ tools run with {@code BART_SEED=seed} draw the same numbers.
   *
   * @param seed 0 .. 2^32-1 (mt19937 takes a 32-bit seed)
   */
  static Rng exact(long seed) {
    return new Mt19937Rng(seed);
  }

  /** A fast generator for unseeded runs ({@link java.util.SplittableRandom}); not comparable with BART. */
  static Rng fast(long seed) {
    return new FastRng(seed);
  }
}
