package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every erasure pattern of at most m units decodes; m + 1 fail with the specific exception. */
class WideDecoderTest {

  private static final long SEED = TestRandom.forClass(WideDecoderTest.class).nextLong();

  @Test
  void patternCountOfTheFlagshipCodesIs1562() {
    // rs (6,3,3) and rs-legacy (6,3,3), both in Rows.CODES: 21 units, at most 3 lost.
    for (NarrowCodec codec : new NarrowCodec[] {NarrowCodec.RS, NarrowCodec.RS_LEGACY}) {
      WideCode code = WideCode.forGeometry(codec, 6, 3, 3);
      assertEquals(1 + 21 + 210 + 1330, patterns(code.totalUnits(), code.m()).size(), code.toString());
    }
  }

  @Test
  void everyPatternOfAtMostMErasuresDecodesForEveryGeometryAndKernel() {
    Random random = new Random(SEED);
    for (WideCode code : Rows.CODES) {
      int n = code.totalUnits();
      List<int[]> patterns = patterns(n, code.m());
      // The count first: a helper that silently produced fewer patterns would pass the loop below.
      long expected = 0;
      for (int e = 0; e <= code.m(); e++) {
        expected += binomial(n, e);
      }
      assertEquals(expected, patterns.size(), "patterns of " + code);
      for (Kernel kernel : Kernel.values()) {
        int length = 1 + random.nextInt(40);
        byte[][] row = Rows.row(code, Rows.data(random, code, Rows.sameLengths(code, length)), length);
        WideDecoder decoder = new WideDecoder(code, kernel);
        WideEncoder encoder = new WideEncoder(code, kernel);
        int decoded = 0;
        for (int[] erased : patterns) {
          if (erased.length == 0) {
            assertTrue(encoder.verify(Rows.buffers(random, row, random.nextBoolean())),
                "intact row of " + code + " verifies " + TestRandom.reproduce());
          } else {
            decodeAndCheck(random, decoder, row, erased, length, kernel);
          }
          decoded++;
        }
        assertEquals(patterns.size(), decoded);
      }
    }
  }

  /**
   * A degraded read's partial decode: for every pattern of (6,3,3) erasures and a random split of
   * the sources between two parties, each decoding over the same sources with the other's as
   * empty buffers, the XOR of the two outputs is the lost unit.
   */
  @Test
  void decodesOfTwoHalvesOfTheSourcesXorToTheFullDecode() {
    Random random = new Random(SEED + 1);
    WideCode code = WideCode.forGeometry(NarrowCodec.RS_LEGACY, 6, 3, 3);
    int length = 1 + random.nextInt(40);
    byte[][] row = Rows.row(code, Rows.data(random, code, Rows.sameLengths(code, length)), length);
    WideDecoder decoder = new WideDecoder(code);
    int checked = 0;
    for (int[] erased : patterns(code.totalUnits(), code.m())) {
      if (erased.length == 0) {
        continue;
      }
      ByteBuffer[] all = Rows.buffers(random, row, false);
      for (int u : erased) {
        all[u] = null;
      }
      int[] sources = decoder.sourcesOf(all);
      assertEquals(code.dataUnits(), sources.length);
      ByteBuffer[] mine = new ByteBuffer[all.length];
      ByteBuffer[] theirs = new ByteBuffer[all.length];
      for (int s : sources) {
        boolean own = random.nextBoolean();
        mine[s] = own ? all[s].duplicate() : ByteBuffer.allocate(0);
        theirs[s] = own ? ByteBuffer.allocate(0) : all[s].duplicate();
      }
      int e = erased[random.nextInt(erased.length)];
      ByteBuffer a = ByteBuffer.allocate(length);
      ByteBuffer b = ByteBuffer.allocate(length);
      decoder.decode(mine, new int[] {e}, new ByteBuffer[] {a});
      decoder.decode(theirs, new int[] {e}, new ByteBuffer[] {b});
      byte[] sum = new byte[length];
      for (int i = 0; i < length; i++) {
        sum[i] = (byte) (a.get(i) ^ b.get(i));
      }
      assertArrayEquals(row[e], sum, "erased " + Arrays.toString(erased) + " unit " + e + " "
          + TestRandom.reproduce());
      checked++;
    }
    assertEquals(1561, checked);
  }

  static void decodeAndCheck(Random random, WideDecoder decoder, byte[][] row,
      int[] erased, int length, Kernel kernel) {
    ByteBuffer[] units = Rows.buffers(random, row, random.nextBoolean());
    for (int u : erased) {
      units[u] = null;
    }
    ByteBuffer[] outputs = new ByteBuffer[erased.length];
    for (int i = 0; i < erased.length; i++) {
      outputs[i] = TestRandom.output(random, length, random.nextBoolean());
    }
    decoder.decode(units, erased, outputs);
    for (int i = 0; i < erased.length; i++) {
      assertArrayEquals(row[erased[i]], TestRandom.content(outputs[i]), decoder.code() + " "
          + kernel + " erased " + Arrays.toString(erased) + " unit " + erased[i] + " "
          + TestRandom.reproduce());
    }
  }

  @Test
  void moreThanMErasuresFailNamingTheUnits() {
    Random random = new Random(SEED + 1);
    for (WideCode code : Rows.CODES) {
      byte[][] row = Rows.row(code, Rows.data(random, code, Rows.sameLengths(code, 16)), 16);
      ByteBuffer[] units = Rows.buffers(random, row, false);
      int[] erased = new int[code.m() + 1];
      for (int i = 0; i < erased.length; i++) {
        erased[i] = i * 2;
        units[i * 2] = null;
      }
      ByteBuffer[] outputs = new ByteBuffer[erased.length];
      for (int i = 0; i < outputs.length; i++) {
        outputs[i] = ByteBuffer.allocate(16);
      }
      TooManyErasuresException e = assertThrows(TooManyErasuresException.class,
          () -> new WideDecoder(code).decode(units, erased, outputs));
      assertArrayEquals(erased, e.missingUnits());
      assertEquals(code.m(), e.tolerated());
      assertTrue(e.getMessage().contains(Arrays.toString(erased)), e.getMessage());
    }
  }

  @Test
  void unrequestedMissingUnitsCountTowardTheLimitButAreNotRebuilt() {
    Random random = new Random(SEED + 2);
    WideCode code = WideCode.forGeometry(6, 3, 3);
    byte[][] row = Rows.row(code, Rows.data(random, code, Rows.sameLengths(code, 100)), 100);
    ByteBuffer[] units = Rows.buffers(random, row, false);
    units[10] = null;
    units[18] = null;
    units[3] = null;
    ByteBuffer out = ByteBuffer.allocate(100);
    new WideDecoder(code).decode(units, new int[] {10}, new ByteBuffer[] {out});
    assertArrayEquals(row[10], out.array(), TestRandom.reproduce());
    units = Rows.buffers(random, row, false);
    units[10] = null;
    units[18] = null;
    units[3] = null;
    units[4] = null;
    ByteBuffer[] tooFew = units;
    assertThrows(TooManyErasuresException.class, () -> new WideDecoder(code)
        .decode(tooFew, new int[] {10}, new ByteBuffer[] {ByteBuffer.allocate(100)}));
  }

  @Test
  void shorterUnitsOfAPartialMemberAreZeroPadded() {
    Random random = new Random(SEED + 3);
    WideCode code = WideCode.forGeometry(6, 3, 3);
    int length = 5000;
    int[] lengths = Rows.sameLengths(code, length);
    for (int j = 0; j < 6; j++) {
      lengths[code.dataUnit(2, j)] = j < 2 ? 1024 : j == 2 ? 700 : 0;
    }
    byte[][] data = Rows.data(random, code, lengths);
    byte[][] row = Rows.row(code, data, length);
    for (int[] erased : new int[][] {{13}, {0, 13, 19}, {14, 15, 20}}) {
      ByteBuffer[] units = Rows.buffers(random, row, true);
      ByteBuffer[] outputs = new ByteBuffer[erased.length];
      for (int i = 0; i < erased.length; i++) {
        units[erased[i]] = null;
        outputs[i] = ByteBuffer.allocate(length);
      }
      new WideDecoder(code).decode(units, erased, outputs);
      for (int i = 0; i < erased.length; i++) {
        assertArrayEquals(Arrays.copyOf(row[erased[i]], length), outputs[i].array(),
            "unit " + erased[i] + " " + TestRandom.reproduce());
      }
    }
  }

  @Test
  void oneDecoderServesManyThreadsWithDifferentPatterns() throws Exception {
    WideCode code = WideCode.forGeometry(6, 3, 3);
    WideDecoder decoder = new WideDecoder(code);
    List<int[]> patterns = patterns(code.totalUnits(), 3);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = SEED + 10 + t;
        done.add(pool.submit(() -> {
          Random random = new Random(seed);
          byte[][] row = Rows.row(code, Rows.data(random, code, Rows.sameLengths(code, 300)), 300);
          for (int i = 0; i < 400; i++) {
            int[] erased = patterns.get(1 + random.nextInt(patterns.size() - 1));
            decodeAndCheck(random, decoder, row, erased, 300, Kernel.SWAR);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every subset of 0..n-1 with at most maxSize elements, ascending. */
  static List<int[]> patterns(int n, int maxSize) {
    List<int[]> all = new ArrayList<>();
    for (int size = 0; size <= maxSize; size++) {
      all.addAll(WideCodeTest.NaiveMds.subsets(n, size));
    }
    return all;
  }

  static long binomial(int n, int k) {
    long b = 1;
    for (int i = 0; i < k; i++) {
      b = b * (n - i) / (i + 1);
    }
    return b;
  }
}
