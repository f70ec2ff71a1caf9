package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every fast kernel against the scalar reference, on random data at odd lengths and offsets. */
class KernelTest {

  private static final long SEED = TestRandom.forClass(KernelTest.class).nextLong();

  @AfterEach
  void clearProperty() {
    System.clearProperty(Kernel.PROPERTY);
  }

  @Test
  void everyKernelMatchesTheScalarReference() {
    Random random = new Random(SEED);
    for (Kernel kernel : Kernel.values()) {
      for (int trial = 0; trial < 400; trial++) {
        compareWithScalar(random, kernel, trial);
      }
    }
  }

  private static void compareWithScalar(Random random, Kernel kernel, int trial) {
    int sources = 1 + random.nextInt(20);
    int units = sources + random.nextInt(3);
    int[] which = new int[sources];
    int[] coefficients = new int[sources];
    // Some trials use only coefficient 1 (wide parity 0: XOR passes only) or only 0 (nothing to
    // add: the output is cleared), some a few coefficients shared by several sources (folded
    // before the passes, as in a decode from wide parity 0).
    int kind = random.nextInt(6);
    int[] shared = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    for (int j = 0; j < sources; j++) {
      which[j] = j + (units - sources);
      coefficients[j] = kind == 0 ? 1 : kind == 1 ? 0
          : kind == 2 ? shared[random.nextInt(shared.length)] : random.nextInt(256);
    }
    // Mostly within one 16 KiB block of the fast kernel, sometimes over two and a bit.
    int length = random.nextInt(8) == 0 ? 4096 + random.nextInt(64)
        : random.nextInt(16) == 0 ? 2 * 16384 + random.nextInt(100) : random.nextInt(200);
    int offset = random.nextInt(17);
    ByteBuffer[] inputs = new ByteBuffer[units];
    for (int u = 0; u < units; u++) {
      // Some inputs end before offset + length: zero-padded.
      int available = random.nextInt(4) == 0 ? random.nextInt(offset + length + 1) : offset + length;
      inputs[u] = TestRandom.place(random, TestRandom.bytes(random, available), random.nextBoolean());
      if (random.nextInt(4) == 0) {
        inputs[u] = inputs[u].asReadOnlyBuffer();
      }
      if (random.nextInt(4) == 0) {
        inputs[u].order(ByteOrder.LITTLE_ENDIAN);
      }
    }
    int outIndex = random.nextInt(9);
    ByteBuffer expected = ByteBuffer.allocate(outIndex + length + 9);
    ByteBuffer actual = random.nextBoolean() ? ByteBuffer.allocateDirect(expected.capacity())
        : ByteBuffer.allocate(expected.capacity());
    if (random.nextInt(4) == 0) {
      actual.order(ByteOrder.LITTLE_ENDIAN);
    }
    byte[] background = TestRandom.bytes(random, expected.capacity());
    expected.put(background).clear();
    actual.put(background).clear();
    int[] positions = new int[units];
    for (int u = 0; u < units; u++) {
      positions[u] = inputs[u].position();
    }

    Kernel.SCALAR.combination(which, coefficients).apply(inputs, offset, length, expected, outIndex);
    kernel.combination(which, coefficients).apply(inputs, offset, length, actual, outIndex);

    String context = kernel + " trial " + trial + " coefficients=" + Arrays.toString(coefficients)
        + " length=" + length
        + " offset=" + offset + " " + TestRandom.reproduce();
    assertArrayEquals(TestRandom.content(expected), TestRandom.content(actual), context);
    assertEquals(0, actual.position(), context);
    for (int u = 0; u < units; u++) {
      assertEquals(positions[u], inputs[u].position(), "input moved: " + context);
    }
  }

  @Test
  void scalarKernelComputesTheDefinition() {
    Random random = new Random(SEED + 1);
    byte[] a = TestRandom.bytes(random, 100);
    byte[] b = TestRandom.bytes(random, 60);
    ByteBuffer[] inputs = {ByteBuffer.wrap(a), ByteBuffer.wrap(b)};
    ByteBuffer out = ByteBuffer.allocate(100);
    Kernel.SCALAR.combination(new int[] {0, 1}, new int[] {3, 0x8e}).apply(inputs, 0, 100, out, 0);
    for (int i = 0; i < 100; i++) {
      int bi = i < 60 ? b[i] & 0xFF : 0;
      assertEquals(Gf256.mul(3, a[i] & 0xFF) ^ Gf256.mul(0x8e, bi), out.get(i) & 0xFF, "byte " + i);
    }
  }

  @Test
  void fastKernelGivesTheSameBytesWhateverTheBufferByteOrders() {
    Random random = new Random(SEED + 2);
    int[] which = {0, 1, 2};
    int[] coefficients = {1, 7, 0x15};
    ByteBuffer[] inputs = new ByteBuffer[3];
    for (int u = 0; u < 3; u++) {
      inputs[u] = ByteBuffer.allocateDirect(77);
      inputs[u].put(TestRandom.bytes(random, 77)).flip();
    }
    inputs[1].order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer expected = ByteBuffer.allocate(77);
    ByteBuffer actual = ByteBuffer.allocateDirect(77).order(ByteOrder.LITTLE_ENDIAN);
    Kernel.SCALAR.combination(which, coefficients).apply(inputs, 0, 77, expected, 0);
    Kernel.SWAR.combination(which, coefficients).apply(inputs, 0, 77, actual, 0);
    assertArrayEquals(TestRandom.content(expected), TestRandom.content(actual));
    // All little-endian: no byte swapping at all, still the same bytes.
    for (ByteBuffer in : inputs) {
      in.order(ByteOrder.LITTLE_ENDIAN);
    }
    ByteBuffer allLittle = ByteBuffer.allocate(77).order(ByteOrder.LITTLE_ENDIAN);
    Kernel.SWAR.combination(which, coefficients).apply(inputs, 0, 77, allLittle, 0);
    assertArrayEquals(TestRandom.content(expected), TestRandom.content(allLittle));
  }

  @Test
  void propertySelectsTheKernel() {
    assertEquals(Kernel.SWAR, Kernel.configured());
    System.setProperty(Kernel.PROPERTY, "scalar");
    assertEquals(Kernel.SCALAR, Kernel.configured());
    System.setProperty(Kernel.PROPERTY, " SWAR ");
    assertEquals(Kernel.SWAR, Kernel.configured());
    System.setProperty(Kernel.PROPERTY, "avx");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Kernel::configured);
    assertEquals("bart.codec.kernel=avx names no kernel; use scalar or swar", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new WideMerger(WideCode.forGeometry(6, 3, 3)));
  }
}
