package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The long-wise XOR against a byte loop, at odd lengths and offsets, from every kind of buffer. */
class XorTest {

  private static final long SEED = TestRandom.forClass(XorTest.class).nextLong();

  @Test
  void matchesAByteLoopAtOddLengthsAndOffsets() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < 500; trial++) {
      int n = random.nextInt(8) == 0 ? 4096 + random.nextInt(17) : random.nextInt(40);
      int fromOff = random.nextInt(11);
      int intoOff = random.nextInt(11);
      byte[] content = TestRandom.bytes(random, fromOff + n + random.nextInt(9));
      ByteBuffer from = TestRandom.place(random, content, random.nextBoolean());
      if (random.nextBoolean()) {
        from = from.asReadOnlyBuffer();
      }
      if (random.nextBoolean()) {
        from.order(ByteOrder.LITTLE_ENDIAN);
      }
      int position = from.position();
      byte[] into = TestRandom.bytes(random, intoOff + n + random.nextInt(9));
      byte[] expected = into.clone();
      for (int i = 0; i < n; i++) {
        expected[intoOff + i] ^= content[fromOff + i];
      }
      Xor.into(from, fromOff, into, intoOff, n);
      String context = "trial " + trial + " n=" + n + " from " + fromOff + " into " + intoOff
          + " " + TestRandom.reproduce();
      assertArrayEquals(expected, into, context);
      assertEquals(position, from.position(), context);
    }
  }

  @Test
  void refusesRangesOutsideTheBufferOrArray() {
    ByteBuffer eight = ByteBuffer.allocate(8);
    assertThrows(IndexOutOfBoundsException.class, () -> Xor.into(eight, 1, new byte[8], 0, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> Xor.into(eight, 0, new byte[8], 1, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> Xor.into(eight, 0, new byte[8], 0, -1));
  }
}
