package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The long-wise XOR against a byte loop, at odd lengths and offsets. */
class XorTest {

  private static final long SEED = TestRandom.forClass(XorTest.class).nextLong();

  @Test
  void matchesAByteLoopAtOddLengthsAndOffsets() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < 500; trial++) {
      int n = random.nextInt(8) == 0 ? 4096 + random.nextInt(17) : random.nextInt(40);
      int fromOff = random.nextInt(11);
      int intoOff = random.nextInt(11);
      byte[] from = TestRandom.bytes(random, fromOff + n + random.nextInt(9));
      byte[] into = TestRandom.bytes(random, intoOff + n + random.nextInt(9));
      byte[] expected = into.clone();
      for (int i = 0; i < n; i++) {
        expected[intoOff + i] ^= from[fromOff + i];
      }
      Xor.into(from, fromOff, into, intoOff, n);
      assertArrayEquals(expected, into, "trial " + trial + " n=" + n + " from " + fromOff
          + " into " + intoOff + " " + TestRandom.reproduce());
    }
  }

  @Test
  void refusesRangesOutsideTheArrays() {
    assertThrows(IndexOutOfBoundsException.class, () -> Xor.into(new byte[8], 1, new byte[8], 0, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> Xor.into(new byte[8], 0, new byte[8], 1, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> Xor.into(new byte[8], 0, new byte[8], 0, -1));
  }
}
