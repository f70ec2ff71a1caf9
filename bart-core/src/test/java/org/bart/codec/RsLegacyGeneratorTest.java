package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The RS-LEGACY generator's documented matrix and limits; its bytes against Hadoop's own encoder
 * are checked with the other codecs' in {@link NarrowCodecTest}.
 */
class RsLegacyGeneratorTest {

  @Test
  void rsLegacy63IsTheMatrixHdfsStores() {
    int[][] expected = {
        {0x08, 0x38, 0xd8, 0x3f, 0x04, 0xf5},
        {0x0e, 0x22, 0xba, 0xb0, 0x38, 0x7f},
        {0x07, 0x1b, 0x63, 0x8e, 0x3d, 0x8b}};
    int[][] g = RsLegacyGenerator.parityMatrix(6, 3);
    for (int r = 0; r < 3; r++) {
      assertArrayEquals(expected[r], g[r], "row " + r);
    }
  }

  @Test
  void rejectsGeometriesHadoopCannotEncode() {
    assertThrows(IllegalArgumentException.class, () -> RsLegacyGenerator.parityMatrix(0, 3));
    assertThrows(IllegalArgumentException.class, () -> RsLegacyGenerator.parityMatrix(6, 0));
    assertThrows(IllegalArgumentException.class, () -> RsLegacyGenerator.parityMatrix(250, 6));
  }
}
