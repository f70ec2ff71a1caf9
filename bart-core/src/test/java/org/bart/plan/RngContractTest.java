package org.bart.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both generators keep the {@link Rng} contract: in-range values that reach every value, permutations. */
class RngContractTest {

  private static final long SEED = TestSeed.of(2);

  static Stream<Rng> generators() {
    return Stream.of(Rng.exact(SEED & 0xFFFFFFFFL), Rng.fast(SEED));
  }

  @ParameterizedTest
  @MethodSource("generators")
  void nextIntStaysInRangeAndCoversIt(Rng rng) {
    int[] seen = new int[7];
    for (int i = 0; i < 2000; i++) {
      int v = rng.nextInt(3, 9);
      assertTrue(v >= 3 && v <= 9, "value " + v + " out of [3, 9], seed " + SEED);
      seen[v - 3]++;
    }
    for (int c : seen) {
      assertTrue(c > 200, "uneven draws " + Arrays.toString(seen) + ", seed " + SEED);
    }
    assertTrue(rng.nextInt(5, 5) == 5, "seed " + SEED);
  }

  @ParameterizedTest
  @MethodSource("generators")
  void shuffleIsAPermutation(Rng rng) {
    for (int n : new int[] {0, 1, 2, 17, 100}) {
      int[] v = new int[n];
      for (int i = 0; i < n; i++) {
        v[i] = i;
      }
      rng.shuffle(v);
      int[] sorted = v.clone();
      Arrays.sort(sorted);
      int[] identity = new int[n];
      Arrays.setAll(identity, i -> i);
      assertArrayEquals(identity, sorted, "seed " + SEED);
    }
  }
}
