package org.bart.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSLegacyRawEncoder;

/** The one wide row every codec benchmark works on: (6,3,3), seeded random data, HDFS's parity. */
final class BenchData {

  static final int K = 6;
  static final int M = 3;
  static final int LAMBDA = 3;
  static final long SEED = 20261123L;

  /** data[u]: wide data unit u (member u / K, its unit u % K). */
  final ByteBuffer[] data;
  /** narrow[s][r]: member s's narrow parity r, as Hadoop's RSLegacyRawEncoder writes it. */
  final ByteBuffer[][] narrow;

  BenchData(int cell, boolean direct) {
    Random random = new Random(SEED);
    data = new ByteBuffer[LAMBDA * K];
    for (int u = 0; u < data.length; u++) {
      byte[] bytes = new byte[cell];
      random.nextBytes(bytes);
      data[u] = allocate(cell, direct).put(bytes);
      data[u].flip();
    }
    narrow = new ByteBuffer[LAMBDA][M];
    for (int s = 0; s < LAMBDA; s++) {
      ByteBuffer[] in = new ByteBuffer[K];
      for (int j = 0; j < K; j++) {
        in[j] = data[s * K + j].duplicate();
      }
      for (int r = 0; r < M; r++) {
        narrow[s][r] = allocate(cell, direct);
      }
      try {
        new RSLegacyRawEncoder(new ErasureCoderOptions(K, M)).encode(in, narrow[s]);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static ByteBuffer allocate(int bytes, boolean direct) {
    return direct ? ByteBuffer.allocateDirect(bytes) : ByteBuffer.allocate(bytes);
  }

  /** Rewinds buffers that a coder consumed (position = limit) for the next operation. */
  static void rewind(ByteBuffer[] buffers) {
    for (ByteBuffer b : buffers) {
      if (b != null) {
        b.clear();
      }
    }
  }
}
