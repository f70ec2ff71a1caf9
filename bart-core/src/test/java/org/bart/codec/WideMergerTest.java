package org.bart.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The transition's promise: wide parity merged from the narrow parity HDFS stored (Hadoop's own
 * Java encoder of each codec: RSLegacyRawEncoder, RSRawEncoder, XORRawEncoder) equals the wide
 * encoding of the same data.
 */
class WideMergerTest {

  private static final long SEED = TestRandom.forClass(WideMergerTest.class).nextLong();

  @Test
  void mergedParityEqualsWideEncodingForEveryGeometryAndKernel() throws IOException {
    Random random = new Random(SEED);
    for (WideCode code : Rows.CODES) {
      for (Kernel kernel : Kernel.values()) {
        for (int length : new int[] {1, 7, 8, 9, 64, 1000, 4099}) {
          byte[][] data = Rows.data(random, code, Rows.sameLengths(code, length));
          checkMerge(random, code, kernel, data, length, "");
        }
      }
    }
  }

  @Test
  void aPartialLastMemberMergesAsIfZeroPadded() throws IOException {
    // The last member's block group is partial: its data units are shorter (striped cells), and
    // so is its narrow parity; the wide parity keeps the full length.
    Random random = new Random(SEED + 1);
    for (WideCode code : Rows.CODES) {
      int length = 3000 + random.nextInt(100);
      int[] lengths = Rows.sameLengths(code, length);
      int last = code.lambda() - 1;
      for (int j = 0; j < code.k(); j++) {
        lengths[code.dataUnit(last, j)] = random.nextInt(length / 2);
      }
      byte[][] data = Rows.data(random, code, lengths);
      for (Kernel kernel : Kernel.values()) {
        checkMerge(random, code, kernel, data, length, " (partial last member)");
      }
    }
  }

  private static void checkMerge(Random random, WideCode code, Kernel kernel, byte[][] data,
      int length, String what) throws IOException {
    byte[][][] narrow = new byte[code.lambda()][][];
    for (int s = 0; s < code.lambda(); s++) {
      narrow[s] = Rows.hadoopNarrowParity(code, data, s);
    }
    byte[][] expected = Rows.parity(code, data, length);
    ByteBuffer[] encoded = new ByteBuffer[code.m()];
    for (int r = 0; r < code.m(); r++) {
      encoded[r] = TestRandom.output(random, length, random.nextBoolean());
    }
    new WideEncoder(code, kernel).encode(Rows.buffers(random, data, random.nextBoolean()), encoded);
    WideMerger merger = new WideMerger(code, kernel);
    for (int r = 0; r < code.m(); r++) {
      byte[][] ofIndexR = new byte[code.lambda()][];
      for (int s = 0; s < code.lambda(); s++) {
        ofIndexR[s] = narrow[s][r];
      }
      ByteBuffer out = TestRandom.output(random, length, random.nextBoolean());
      merger.merge(r, Rows.buffers(random, ofIndexR, random.nextBoolean()), out);
      String context = code + " " + kernel + " parity " + r + " length " + length + what + " "
          + TestRandom.reproduce();
      assertArrayEquals(TestRandom.content(encoded[r]), TestRandom.content(out), "merge vs encode "
          + context);
      assertArrayEquals(expected[r], TestRandom.content(out), "merge vs definition " + context);
    }
  }

  @Test
  void mergingChunkByChunkEqualsMergingAtOnce() {
    // How a DataNode streams 256 MiB blocks: uneven chunks, the last member running out first.
    Random random = new Random(SEED + 2);
    WideCode code = WideCode.forGeometry(6, 3, 3);
    int length = 50_000;
    byte[][] parities = {TestRandom.bytes(random, length), TestRandom.bytes(random, length),
        TestRandom.bytes(random, 17_321)};
    WideMerger merger = new WideMerger(code);
    ByteBuffer whole = ByteBuffer.allocate(length);
    merger.merge(2, Rows.buffers(random, parities, false), whole);
    ByteBuffer streamed = ByteBuffer.allocate(length);
    int at = 0;
    while (at < length) {
      int chunk = Math.min(length - at, 1 + random.nextInt(9000));
      ByteBuffer[] pieces = new ByteBuffer[3];
      for (int s = 0; s < 3; s++) {
        int from = Math.min(at, parities[s].length);
        int to = Math.min(at + chunk, parities[s].length);
        pieces[s] = ByteBuffer.wrap(parities[s], from, to - from);
      }
      ByteBuffer out = streamed.duplicate();
      out.position(at).limit(at + chunk);
      merger.merge(2, pieces, out);
      for (ByteBuffer p : pieces) {
        assertTrue(!p.hasRemaining(), "inputs are consumed");
      }
      at += chunk;
    }
    assertArrayEquals(whole.array(), streamed.array(), TestRandom.reproduce());
  }
}
