package org.bart.plan;

/**
 * Replays the random stream of BART's C++ build (GCC 12): the 32-bit Mersenne Twister {@code std::mt19937},
 * {@code std::uniform_int_distribution<size_t>} as libstdc++ 12 implements it for a 32-bit generator
 * (Lemire's nearly-divisionless method) and libstdc++'s {@code std::shuffle}, which consumes one draw per
 * two swaps when n * n fits in 32 bits (spec §5). Older libstdc++ versions use other algorithms.
 */
final class Mt19937Rng implements Rng {

  private static final int N = 624;
  private static final int M = 397;
  private static final long MASK32 = 0xFFFFFFFFL;

  private final int[] mt = new int[N];
  private int index;

  Mt19937Rng(long seed) {
    if (seed < 0 || seed > MASK32) {
      throw new IllegalArgumentException("mt19937 seed must be in [0, 2^32), got " + seed);
    }
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  /** The next raw 32-bit output, as an unsigned value. */
  long next32() {
    if (index >= N) {
      twist();
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9D2C5680;
    y ^= (y << 15) & 0xEFC60000;
    y ^= y >>> 18;
    return y & MASK32;
  }

  private void twist() {
    for (int i = 0; i < N; i++) {
      int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7FFFFFFF);
      int v = mt[(i + M) % N] ^ (y >>> 1);
      if ((y & 1) != 0) {
        v ^= 0x9908B0DF;
      }
      mt[i] = v;
    }
    index = 0;
  }

  @Override
  public int nextInt(int lo, int hi) {
    return (int) (lo + uniform((long) hi - lo + 1));
  }

  /**
   * libstdc++'s {@code _S_nd}: a value in [0, range) from the high half of draw * range, redrawing while the
   * low half falls in the biased zone. Even range 1 consumes a draw.
   */
  private long uniform(long range) {
    long product = next32() * range;
    long low = product & MASK32;
    if (low < range) {
      long threshold = ((1L << 32) - range) % range;
      while (low < threshold) {
        product = next32() * range;
        low = product & MASK32;
      }
    }
    return product >>> 32;
  }

  @Override
  public void shuffle(int[] v) {
    int n = v.length;
    if (n == 0) {
      return;
    }
    if (MASK32 / n < n) {
      // Arrays this long (n >= 65536) get the plain Fisher-Yates loop, as in libstdc++.
      for (int i = 1; i < n; i++) {
        swap(v, i, (int) uniform(i + 1L));
      }
      return;
    }
    int i = 1;
    if (n % 2 == 0) {
      swap(v, 1, (int) uniform(2));
      i = 2;
    }
    while (i != n) {
      // One draw picks both swap partners for positions i and i + 1.
      long r = i + 1L;
      long x = uniform(r * (r + 1));
      swap(v, i, (int) (x / (r + 1)));
      i++;
      swap(v, i, (int) (x % (r + 1)));
      i++;
    }
  }

  private static void swap(int[] v, int a, int b) {
    int t = v[a];
    v[a] = v[b];
    v[b] = t;
  }
}
