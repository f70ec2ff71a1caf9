package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSLegacyRawEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The narrow generator against Hadoop's own RS-LEGACY encoder. */
class RsLegacyGeneratorTest {

  private static final Random RANDOM = TestRandom.forClass(RsLegacyGeneratorTest.class);

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

  @ParameterizedTest(name = "RS-LEGACY({0},{1})")
  @CsvSource({"6,3", "2,1", "3,2", "4,2", "6,2", "10,4", "12,4", "18,3", "1,1", "1,5", "20,8"})
  void parityEqualsHadoopsRsLegacyRawEncoderOnRandomData(int k, int m) throws IOException {
    int[][] g = RsLegacyGenerator.parityMatrix(k, m);
    int length = 1 + RANDOM.nextInt(300);
    byte[][] data = new byte[k][];
    ByteBuffer[] in = new ByteBuffer[k];
    for (int j = 0; j < k; j++) {
      data[j] = TestRandom.bytes(RANDOM, length);
      in[j] = ByteBuffer.wrap(data[j]);
    }
    ByteBuffer[] out = new ByteBuffer[m];
    for (int r = 0; r < m; r++) {
      out[r] = ByteBuffer.allocate(length);
    }
    new RSLegacyRawEncoder(new ErasureCoderOptions(k, m)).encode(in, out);
    for (int r = 0; r < m; r++) {
      byte[] expected = new byte[length];
      for (int i = 0; i < length; i++) {
        int p = 0;
        for (int j = 0; j < k; j++) {
          p ^= Gf256.mul(g[r][j], data[j][i] & 0xFF);
        }
        expected[i] = (byte) p;
      }
      assertArrayEquals(expected, TestRandom.content(out[r]),
          "parity " + r + " of RS-LEGACY(" + k + "," + m + ") " + TestRandom.reproduce());
    }
  }

  @Test
  void rejectsGeometriesHadoopCannotEncode() {
    assertThrows(IllegalArgumentException.class, () -> RsLegacyGenerator.parityMatrix(0, 3));
    assertThrows(IllegalArgumentException.class, () -> RsLegacyGenerator.parityMatrix(6, 0));
    assertThrows(IllegalArgumentException.class, () -> RsLegacyGenerator.parityMatrix(250, 6));
  }
}
