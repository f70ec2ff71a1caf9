package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.apache.hadoop.io.erasurecode.ErasureCodeConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each codec's narrow generator against the bytes of Hadoop's own Java raw encoder, and its name. */
class NarrowCodecTest {

  private static final Random RANDOM = TestRandom.forClass(NarrowCodecTest.class);

  @ParameterizedTest(name = "{0}({1},{2})")
  @CsvSource({
      "rs,6,3", "rs,3,2", "rs,10,4", "rs,2,1", "rs,1,1", "rs,6,2", "rs,12,4", "rs,18,3", "rs,20,8",
      "rs,128,127", "rs-legacy,6,3", "rs-legacy,2,1", "rs-legacy,3,2", "rs-legacy,4,2",
      "rs-legacy,6,2", "rs-legacy,10,4", "rs-legacy,12,4", "rs-legacy,18,3", "rs-legacy,1,1",
      "rs-legacy,1,5", "rs-legacy,20,8",
      "xor,2,1", "xor,1,1", "xor,3,1", "xor,6,1", "xor,10,1"})
  void parityEqualsHadoopsJavaEncoderOnRandomData(String name, int k, int m) throws IOException {
    NarrowCodec codec = NarrowCodec.forName(name);
    int[][] g = codec.parityMatrix(k, m);
    int length = 1 + RANDOM.nextInt(300);
    byte[][] data = new byte[k][];
    for (int j = 0; j < k; j++) {
      data[j] = TestRandom.bytes(RANDOM, length);
    }
    byte[][] hadoop = HadoopEncoders.parity(codec, m, data);
    for (int r = 0; r < m; r++) {
      byte[] expected = new byte[length];
      for (int i = 0; i < length; i++) {
        int p = 0;
        for (int j = 0; j < k; j++) {
          p ^= Gf256.mul(g[r][j], data[j][i] & 0xFF);
        }
        expected[i] = (byte) p;
      }
      assertArrayEquals(expected, hadoop[r],
          "parity " + r + " of " + codec + "(" + k + "," + m + ") " + TestRandom.reproduce());
    }
  }

  @Test
  void rs63IsTheCauchyMatrixOfTheDocumentation() {
    int[][] expected = {
        {0x7a, 0xba, 0x47, 0xa7, 0x8e, 0xf4},
        {0xba, 0x7a, 0xa7, 0x47, 0xf4, 0x8e},
        {0xad, 0x9d, 0xdd, 0x98, 0x3d, 0xaa}};
    int[][] g = NarrowCodec.RS.parityMatrix(6, 3);
    for (int r = 0; r < 3; r++) {
      assertArrayEquals(expected[r], g[r], "row " + r);
      // Row r, column j is 1 / ((k + r) XOR j), as wide-code.md states.
      for (int j = 0; j < 6; j++) {
        assertEquals(1, Gf256.mul(g[r][j], (6 + r) ^ j));
      }
    }
  }

  @Test
  void namesAreHdfsCodecNamesAndThoseOfHadoopsCoderFactories() {
    assertEquals(ErasureCodeConstants.RS_CODEC_NAME, NarrowCodec.RS.hdfsName());
    assertEquals(ErasureCodeConstants.RS_LEGACY_CODEC_NAME, NarrowCodec.RS_LEGACY.hdfsName());
    assertEquals(ErasureCodeConstants.XOR_CODEC_NAME, NarrowCodec.XOR.hdfsName());
    for (NarrowCodec codec : NarrowCodec.values()) {
      assertEquals(HadoopEncoders.factory(codec).getCodecName(), codec.hdfsName());
      assertSame(codec, NarrowCodec.forName(codec.hdfsName()));
      assertEquals(codec.hdfsName(), codec.toString());
    }
    assertEquals("rs, rs-legacy, xor", NarrowCodec.names());
  }

  @Test
  void unknownNamesAreRefusedNamingTheKnownOnes() {
    for (String bad : new String[] {"RS", "rs_legacy", "hhxor", "", " rs", "rs-legacy-wide", null}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> NarrowCodec.forName(bad), bad);
      assertEquals("unknown codec '" + bad + "': expected one of rs, rs-legacy, xor", e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(NarrowCodec.class)
  void geometriesHadoopRefusesAreRefused(NarrowCodec codec) {
    assertThrows(IllegalArgumentException.class, () -> codec.parityMatrix(0, 1));
    assertThrows(IllegalArgumentException.class, () -> codec.parityMatrix(6, 0));
    assertThrows(IllegalArgumentException.class, () -> codec.parityMatrix(255, 1));
  }

  @Test
  void xorHasExactlyOneParityOfOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NarrowCodec.XOR.parityMatrix(2, 2));
    assertTrue(e.getMessage().contains("m = 1"), e.getMessage());
    assertArrayEquals(new int[][] {{1, 1, 1}}, NarrowCodec.XOR.parityMatrix(3, 1));
    // RS-LEGACY with one parity is the same code: g(X) = X + 1 makes every coefficient 1.
    assertArrayEquals(new int[][] {{1, 1, 1}}, NarrowCodec.RS_LEGACY.parityMatrix(3, 1));
  }
}
