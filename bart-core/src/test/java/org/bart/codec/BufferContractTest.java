package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The raw-coder buffer contract of the three coders: positions after a call, heap and direct,
 * offsets, odd lengths, buffer reuse, and the typed errors of a broken shape.
 */
class BufferContractTest {

  private static final long SEED = TestRandom.forClass(BufferContractTest.class).nextLong();
  private static final WideCode CODE = WideCode.forGeometry(6, 3, 3);

  @Test
  void mergeConsumesInputsAndLeavesTheOutputReadyToRead() {
    Random random = new Random(SEED);
    byte[][] parities = {TestRandom.bytes(random, 301), TestRandom.bytes(random, 301),
        TestRandom.bytes(random, 5)};
    ByteBuffer[] in = Rows.buffers(random, parities, true);
    ByteBuffer out = TestRandom.output(random, 301, false);
    int outPosition = out.position();
    int outLimit = out.limit();
    new WideMerger(CODE).merge(1, in, out);
    for (ByteBuffer b : in) {
      assertEquals(b.limit(), b.position());
    }
    assertEquals(outPosition, out.position());
    assertEquals(outLimit, out.limit());
    byte[] expected = new byte[301];
    for (int i = 0; i < 301; i++) {
      int v = parities[0][i] & 0xFF;
      v ^= Gf256.mul(2, parities[1][i] & 0xFF);
      v ^= i < 5 ? Gf256.mul(4, parities[2][i] & 0xFF) : 0;
      expected[i] = (byte) v;
    }
    assertArrayEquals(expected, TestRandom.content(out), TestRandom.reproduce());
  }

  @Test
  void encodeDecodeAndVerifyKeepTheirPositionContracts() {
    Random random = new Random(SEED + 1);
    byte[][] row = Rows.row(CODE, Rows.data(random, CODE, Rows.sameLengths(CODE, 333)), 333);
    ByteBuffer[] units = Rows.buffers(random, row, true);
    int[] positions = new int[units.length];
    for (int u = 0; u < units.length; u++) {
      positions[u] = units[u].position();
    }
    assertTrue(new WideEncoder(CODE).verify(units));
    for (int u = 0; u < units.length; u++) {
      assertEquals(positions[u], units[u].position(), "verify moves nothing");
    }

    ByteBuffer[] data = Arrays.copyOf(units, 18);
    ByteBuffer[] parity = {TestRandom.output(random, 333, true),
        TestRandom.output(random, 333, false), TestRandom.output(random, 333, true)};
    int parityPosition = parity[2].position();
    new WideEncoder(CODE).encode(data, parity);
    for (ByteBuffer d : data) {
      assertFalse(d.hasRemaining(), "encode consumes data");
    }
    assertEquals(parityPosition, parity[2].position(), "parity is ready to read");
    for (int r = 0; r < 3; r++) {
      assertArrayEquals(row[18 + r], TestRandom.content(parity[r]));
    }

    units = Rows.buffers(random, row, false);
    units[5] = null;
    units[19] = null;
    ByteBuffer out = TestRandom.output(random, 333, true);
    int outPosition = out.position();
    new WideDecoder(CODE).decode(units, new int[] {19, 5},
        new ByteBuffer[] {out, TestRandom.output(random, 333, false)});
    assertEquals(outPosition, out.position());
    assertArrayEquals(row[19], TestRandom.content(out));
    for (ByteBuffer u : units) {
      assertTrue(u == null || !u.hasRemaining(), "decode consumes inputs");
    }
  }

  @Test
  void buffersCanBeReusedAcrossCallsAndOddLengthsWork() {
    Random random = new Random(SEED + 2);
    WideDecoder decoder = new WideDecoder(CODE);
    ByteBuffer[] reused = new ByteBuffer[21];
    for (int u = 0; u < 21; u++) {
      reused[u] = ByteBuffer.allocateDirect(4096);
    }
    ByteBuffer out = ByteBuffer.allocate(4096);
    for (int length : new int[] {4093, 1, 0, 17, 4096, 8, 9}) {
      byte[][] row = Rows.row(CODE, Rows.data(random, CODE, Rows.sameLengths(CODE, length)), length);
      ByteBuffer[] units = new ByteBuffer[21];
      for (int u = 0; u < 21; u++) {
        reused[u].clear();
        reused[u].put(row[u]).flip();
        units[u] = reused[u];
      }
      units[7] = null;
      out.clear().limit(length);
      decoder.decode(units, new int[] {7}, new ByteBuffer[] {out});
      assertArrayEquals(row[7], TestRandom.content(out), "length " + length);
    }
  }

  @Test
  void littleEndianBuffersThroughoutGiveTheSameBytes() {
    Random random = new Random(SEED + 3);
    byte[][] row = Rows.row(CODE, Rows.data(random, CODE, Rows.sameLengths(CODE, 1001)), 1001);
    ByteBuffer[] units = Rows.buffers(random, row, true);
    for (ByteBuffer u : units) {
      u.order(ByteOrder.LITTLE_ENDIAN);
    }
    assertTrue(new WideEncoder(CODE).verify(units));
    units[0] = null;
    ByteBuffer out = ByteBuffer.allocateDirect(1001).order(ByteOrder.LITTLE_ENDIAN);
    new WideDecoder(CODE).decode(units, new int[] {0}, new ByteBuffer[] {out});
    assertArrayEquals(row[0], TestRandom.content(out));
  }

  @Test
  void verifyDetectsOneFlippedBitAnywhere() {
    Random random = new Random(SEED + 4);
    int length = 70_001;
    byte[][] row = Rows.row(CODE, Rows.data(random, CODE, Rows.sameLengths(CODE, length)), length);
    WideEncoder encoder = new WideEncoder(CODE);
    for (int trial = 0; trial < 20; trial++) {
      int unit = random.nextInt(21);
      int at = random.nextInt(length);
      byte flip = (byte) (1 << random.nextInt(8));
      row[unit][at] ^= flip;
      assertFalse(encoder.verify(Rows.buffers(random, row, random.nextBoolean())),
          "flip in unit " + unit + " at " + at + " " + TestRandom.reproduce());
      row[unit][at] ^= flip;
      assertTrue(encoder.verify(Rows.buffers(random, row, false)));
    }
  }

  @Test
  void brokenShapesFailWithTheUnitAndSizes() {
    WideMerger merger = new WideMerger(CODE);
    ByteBuffer out = ByteBuffer.allocate(10);
    UnitBufferException longer = assertThrows(UnitBufferException.class, () -> merger.merge(0,
        new ByteBuffer[] {ByteBuffer.allocate(10), ByteBuffer.allocate(11), ByteBuffer.allocate(1)},
        out));
    assertEquals(1, longer.unit());
    assertEquals("unit 1: input has 11 bytes remaining, more than the 10 of the output",
        longer.getMessage());
    assertEquals(2, assertThrows(UnitBufferException.class, () -> merger.merge(0,
        new ByteBuffer[] {ByteBuffer.allocate(1), ByteBuffer.allocate(1), null}, out)).unit());
    assertThrows(IllegalArgumentException.class, () -> merger.merge(0, new ByteBuffer[2], out));
    assertThrows(IndexOutOfBoundsException.class, () -> merger.merge(3, new ByteBuffer[3], out));
    assertThrows(IllegalArgumentException.class, () -> merger.merge(0,
        new ByteBuffer[] {ByteBuffer.allocate(1), ByteBuffer.allocate(1), ByteBuffer.allocate(1)},
        ByteBuffer.allocate(10).asReadOnlyBuffer()));

    WideDecoder decoder = new WideDecoder(CODE);
    ByteBuffer[] units = new ByteBuffer[21];
    for (int u = 0; u < 21; u++) {
      units[u] = ByteBuffer.allocate(10);
    }
    ByteBuffer[] one = {ByteBuffer.allocate(10)};
    UnitBufferException present = assertThrows(UnitBufferException.class,
        () -> decoder.decode(units, new int[] {4}, one));
    assertEquals(4, present.unit());
    units[4] = null;
    assertThrows(IllegalArgumentException.class, () -> decoder.decode(units, new int[] {21}, one));
    assertThrows(IllegalArgumentException.class,
        () -> decoder.decode(units, new int[] {4, 4}, new ByteBuffer[] {one[0], one[0]}));
    assertThrows(IllegalArgumentException.class, () -> decoder.decode(units, new int[] {4},
        new ByteBuffer[2]));
    assertThrows(IllegalArgumentException.class, () -> decoder.decode(new ByteBuffer[20],
        new int[] {4}, one));
    UnitBufferException readOnly = assertThrows(UnitBufferException.class, () -> decoder.decode(
        units, new int[] {4}, new ByteBuffer[] {ByteBuffer.allocate(10).asReadOnlyBuffer()}));
    assertEquals(4, readOnly.unit());
    units[9] = null;
    UnitBufferException unequal = assertThrows(UnitBufferException.class, () -> decoder.decode(
        units, new int[] {4, 9}, new ByteBuffer[] {ByteBuffer.allocate(10), ByteBuffer.allocate(9)}));
    assertEquals(9, unequal.unit());

    WideEncoder encoder = new WideEncoder(CODE);
    ByteBuffer[] data = new ByteBuffer[18];
    for (int u = 0; u < 18; u++) {
      data[u] = ByteBuffer.allocate(u == 13 ? 12 : 10);
    }
    ByteBuffer[] parity = {ByteBuffer.allocate(10), ByteBuffer.allocate(10), ByteBuffer.allocate(10)};
    assertEquals(13, assertThrows(UnitBufferException.class,
        () -> encoder.encode(data, parity)).unit());
  }

  @Test
  void readOnlyInputsAreFine() {
    Random random = new Random(SEED + 5);
    byte[][] row = Rows.row(CODE, Rows.data(random, CODE, Rows.sameLengths(CODE, 99)), 99);
    ByteBuffer[] units = Rows.buffers(random, row, false);
    for (int u = 0; u < units.length; u++) {
      units[u] = units[u].asReadOnlyBuffer();
    }
    units[20] = null;
    ByteBuffer out = ByteBuffer.allocate(99);
    new WideDecoder(CODE).decode(units, new int[] {20}, new ByteBuffer[] {out});
    assertArrayEquals(row[20], out.array());
  }

  @Test
  void hotPathsAllocateNothingAfterFirstUse() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Random random = new Random(SEED + 6);
    byte[][] row = Rows.row(CODE, Rows.data(random, CODE, Rows.sameLengths(CODE, 2_000)), 2_000);
    ByteBuffer[] units = Rows.buffers(random, row, true);
    ByteBuffer[] survivors = Rows.buffers(random, row, false);
    survivors[3] = null;
    survivors[20] = null;
    int[] erased = {3, 20};
    ByteBuffer[] outputs = {ByteBuffer.allocate(2_000), ByteBuffer.allocateDirect(2_000)};
    ByteBuffer[] narrow = Arrays.copyOf(Rows.buffers(random, row, true), 3);
    ByteBuffer wide = ByteBuffer.allocate(2_000);
    WideMerger merger = new WideMerger(CODE);
    WideEncoder encoder = new WideEncoder(CODE);
    WideDecoder decoder = new WideDecoder(CODE);
    ByteBuffer[][] groups = {narrow, survivors};
    int[][] starts = {positions(narrow), positions(survivors)};
    Runnable calls = () -> {
      for (int g = 0; g < groups.length; g++) {
        for (int u = 0; u < groups[g].length; u++) {
          if (groups[g][u] != null) {
            groups[g][u].position(starts[g][u]);
          }
        }
      }
      merger.merge(2, narrow, wide);
      decoder.decode(survivors, erased, outputs);
      encoder.verify(units);
    };
    for (int i = 0; i < 200; i++) {
      calls.run();
    }
    int rounds = 1000;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < rounds; i++) {
      calls.run();
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    // The JVM itself may allocate a few hundred bytes once (compilation, class loading); any
    // allocation per call would cost at least one 16-byte object per round.
    assertTrue(allocated < 16L * rounds, allocated + " bytes allocated in " + rounds + " rounds");
  }

  private static int[] positions(ByteBuffer[] buffers) {
    int[] positions = new int[buffers.length];
    for (int u = 0; u < buffers.length; u++) {
      positions[u] = buffers[u] == null ? 0 : buffers[u].position();
    }
    return positions;
  }
}
