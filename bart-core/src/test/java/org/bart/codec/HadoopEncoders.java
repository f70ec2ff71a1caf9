package org.bart.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSLegacyRawErasureCoderFactory;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawErasureCoderFactory;
import org.apache.hadoop.io.erasurecode.rawcoder.RawErasureCoderFactory;
import org.apache.hadoop.io.erasurecode.rawcoder.XORRawErasureCoderFactory;

/** Hadoop's own pure Java raw encoders, the reference for what HDFS stores as narrow parity. */
public final class HadoopEncoders {

  private HadoopEncoders() {
  }

  /** The factory of Hadoop's Java coder for this codec (not the native one: no libhadoop needed). */
  public static RawErasureCoderFactory factory(NarrowCodec codec) {
    switch (codec) {
      case RS:
        return new RSRawErasureCoderFactory();
      case RS_LEGACY:
        return new RSLegacyRawErasureCoderFactory();
      case XOR:
        return new XORRawErasureCoderFactory();
      default:
        throw new AssertionError(codec);
    }
  }

  /**
   * The m parity units Hadoop's encoder computes from k data units, each zero-padded to the
   * longest (the length of the stripe's parity blocks); m empty arrays when every unit is empty.
   */
  public static byte[][] parity(NarrowCodec codec, int m, byte[][] data) throws IOException {
    int length = 0;
    for (byte[] unit : data) {
      length = Math.max(length, unit.length);
    }
    ByteBuffer[] in = new ByteBuffer[data.length];
    for (int j = 0; j < data.length; j++) {
      in[j] = ByteBuffer.wrap(Arrays.copyOf(data[j], length));
    }
    ByteBuffer[] out = new ByteBuffer[m];
    for (int r = 0; r < m; r++) {
      out[r] = ByteBuffer.allocate(length);
    }
    if (length > 0) {
      factory(codec).createEncoder(new ErasureCoderOptions(data.length, m)).encode(in, out);
    }
    byte[][] parity = new byte[m][];
    for (int r = 0; r < m; r++) {
      parity[r] = out[r].array();
    }
    return parity;
  }
}
