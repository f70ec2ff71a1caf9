package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The re-encoded wide code (a Cauchy parity matrix over the lambda*k data units) of the geometries
 * whose narrow parity cannot be merged index by index: MDS on every erasure pattern, parity equal to
 * Hadoop's own RS encoder of lambda*k units, short units as zeros, and its stored form.
 */
class ReEncodedCodeTest {

  private static final long SEED = TestRandom.forClass(ReEncodedCodeTest.class).nextLong();

  @Test
  void transitionsUseTheMergedCodeWhereOneExistsAndReEncodeElsewhere() {
    assertEquals("rs-wide k=6 m=3 lambda=3 x=1,2,19",
        WideCode.forTransition(NarrowCodec.RS, 6, 3, 3).toString());
    assertTrue(WideCode.forTransition(NarrowCodec.RS_LEGACY, 6, 3, 3).merges());
    for (int[] g : new int[][] {{10, 4, 2}, {10, 4, 3}, {6, 3, 6}}) {
      WideCode code = WideCode.forTransition(NarrowCodec.RS, g[0], g[1], g[2]);
      assertFalse(code.merges(), code.toString());
      assertEquals("rs-wide k=" + g[0] + " m=" + g[1] + " lambda=" + g[2] + " reencode=cauchy",
          code.toString());
    }
    assertFalse(WideCode.forTransition(NarrowCodec.RS_LEGACY, 10, 4, 2).merges());
    assertEquals(WideCodeUnavailableException.Reason.BAD_GEOMETRY,
        assertThrows(WideCodeUnavailableException.class,
            () -> WideCode.forTransition(NarrowCodec.XOR, 2, 2, 3)).reason());
  }

  @Test
  void theStoredFormParsesBackToTheSameCode() {
    WideCode code = WideCode.reEncoded(NarrowCodec.RS, 10, 4, 2);
    assertEquals(code, WideCode.parse(code.toString()));
    assertEquals(code.hashCode(), WideCode.parse(code.toString()).hashCode());
    assertFalse(code.equals(WideCode.forGeometry(NarrowCodec.RS, 6, 3, 2))
        || WideCode.reEncoded(NarrowCodec.RS, 6, 3, 2).equals(
            WideCode.forGeometry(NarrowCodec.RS, 6, 3, 2)));
    assertThrows(InvalidWideCodeException.class,
        () -> WideCode.parse("rs-wide k=10 m=4 lambda=2 reencode=vandermonde"));
  }

  @Test
  void aReEncodedCodeHasNoMergeCoefficientsAndNoMerger() {
    WideCode code = WideCode.reEncoded(NarrowCodec.RS, 6, 3, 6);
    assertThrows(IllegalStateException.class, () -> code.x(0));
    assertThrows(IllegalStateException.class, () -> code.mergeCoefficient(1, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new WideMerger(code));
    assertTrue(e.getMessage().contains("reencode=cauchy"), e.getMessage());
  }

  @Test
  void parityIsHadoopsRsEncoderOfTheLambdaKDataUnits() throws Exception {
    Random random = new Random(SEED);
    for (WideCode code : new WideCode[] {WideCode.reEncoded(NarrowCodec.RS, 10, 4, 2),
        WideCode.reEncoded(NarrowCodec.RS_LEGACY, 6, 3, 6)}) {
      int length = 1 + random.nextInt(3000);
      byte[][] data = Rows.data(random, code, Rows.sameLengths(code, length));
      byte[][] hadoop = HadoopEncoders.parity(NarrowCodec.RS, code.m(), data);
      ByteBuffer[] parity = new ByteBuffer[code.m()];
      for (int r = 0; r < parity.length; r++) {
        parity[r] = TestRandom.output(random, length, random.nextBoolean());
      }
      new WideEncoder(code).encode(Rows.buffers(random, data, random.nextBoolean()), parity);
      for (int r = 0; r < parity.length; r++) {
        assertArrayEquals(hadoop[r], TestRandom.content(parity[r]), code + " parity " + r + " "
            + TestRandom.reproduce());
      }
    }
  }

  @Test
  void everyPatternOfAtMostMErasuresDecodes() {
    Random random = new Random(SEED + 1);
    // (10,4,2): 24 units, at most 4 lost; (6,3,6): 39 units, at most 3 lost.
    long[] expectedCounts = {1 + 24 + 276 + 2024 + 10626, 1 + 39 + 741 + 9139};
    WideCode[] codes = {WideCode.reEncoded(NarrowCodec.RS, 10, 4, 2),
        WideCode.reEncoded(NarrowCodec.RS, 6, 3, 6)};
    for (int c = 0; c < codes.length; c++) {
      WideCode code = codes[c];
      List<int[]> patterns = WideDecoderTest.patterns(code.totalUnits(), code.m());
      assertEquals(expectedCounts[c], patterns.size(), "patterns of " + code);
      int length = 1 + random.nextInt(24);
      byte[][] row = Rows.row(code, Rows.data(random, code, Rows.sameLengths(code, length)), length);
      WideDecoder decoder = new WideDecoder(code, Kernel.SCALAR);
      WideEncoder encoder = new WideEncoder(code, Kernel.SCALAR);
      int decoded = 0;
      for (int[] erased : patterns) {
        if (erased.length == 0) {
          assertTrue(encoder.verify(Rows.buffers(random, row, false)), code.toString());
        } else {
          WideDecoderTest.decodeAndCheck(random, decoder, row, erased, length, Kernel.SCALAR);
        }
        decoded++;
      }
      assertEquals(patterns.size(), decoded);
      ByteBuffer[] tooMany = Rows.buffers(random, row, false);
      int[] erased = new int[code.m() + 1];
      for (int i = 0; i < erased.length; i++) {
        erased[i] = 3 * i;
        tooMany[3 * i] = null;
      }
      ByteBuffer[] outputs = new ByteBuffer[erased.length];
      for (int i = 0; i < outputs.length; i++) {
        outputs[i] = ByteBuffer.allocate(length);
      }
      assertArrayEquals(erased, assertThrows(TooManyErasuresException.class,
          () -> decoder.decode(tooMany, erased, outputs)).missingUnits());
    }
  }

  @Test
  void shortAndAbsentDataUnitsCountAsZeros() {
    Random random = new Random(SEED + 2);
    WideCode code = WideCode.reEncoded(NarrowCodec.RS, 10, 4, 2);
    int length = 3000;
    int[] lengths = Rows.sameLengths(code, length);
    // Member 1 is a shortened stripe: two short units, the rest absent (empty).
    for (int j = 0; j < 10; j++) {
      lengths[code.dataUnit(1, j)] = j == 0 ? 1500 : j == 1 ? 7 : 0;
    }
    byte[][] data = Rows.data(random, code, lengths);
    byte[][] expected = Rows.parity(code, data, length);
    ByteBuffer[] parity = new ByteBuffer[code.m()];
    for (int r = 0; r < parity.length; r++) {
      parity[r] = TestRandom.output(random, length, true);
    }
    new WideEncoder(code).encode(Rows.buffers(random, data, false), parity);
    byte[][] row = Rows.row(code, data, length);
    for (int r = 0; r < parity.length; r++) {
      assertArrayEquals(expected[r], TestRandom.content(parity[r]), "parity " + r);
      row[code.parityUnit(r)] = TestRandom.content(parity[r]);
    }
    int[] erased = {code.dataUnit(0, 3), code.dataUnit(1, 0), code.dataUnit(1, 1),
        code.parityUnit(2)};
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
