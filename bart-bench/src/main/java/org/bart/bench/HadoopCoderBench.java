package org.bart.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSLegacyRawEncoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawEncoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RawErasureEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Hadoop's pure-Java RS encoders on the same 18 data cells as {@link WideCodecBench}, for scale:
 * one operation encodes the three RS(6,3) member stripes of a wide row (what HDFS did when the data
 * was written). Basis = the 18 MiB of data read, as for {@code encode_18x3_1MiB}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HadoopCoderBench {

  @Param({"1048576"})
  public int cell;

  private BenchData row;
  private ByteBuffer[][] stripes;
  private ByteBuffer[][] parity;
  private RawErasureEncoder rsLegacy;
  private RawErasureEncoder rs;

  @Setup
  public void setUp() {
    ErasureCoderOptions options = new ErasureCoderOptions(BenchData.K, BenchData.M);
    rsLegacy = new RSLegacyRawEncoder(options);
    rs = new RSRawEncoder(options);
    row = new BenchData(cell, false);
    stripes = new ByteBuffer[BenchData.LAMBDA][BenchData.K];
    parity = new ByteBuffer[BenchData.LAMBDA][BenchData.M];
    for (int s = 0; s < BenchData.LAMBDA; s++) {
      System.arraycopy(row.data, s * BenchData.K, stripes[s], 0, BenchData.K);
      for (int r = 0; r < BenchData.M; r++) {
        parity[s][r] = ByteBuffer.allocate(cell);
      }
    }
  }

  @Benchmark
  public ByteBuffer[][] rsLegacyEncode_6x3_1MiB() throws IOException {
    return encodeAll(rsLegacy);
  }

  @Benchmark
  public ByteBuffer[][] rsEncode_6x3_1MiB() throws IOException {
    return encodeAll(rs);
  }

  private ByteBuffer[][] encodeAll(RawErasureEncoder encoder) throws IOException {
    for (int s = 0; s < BenchData.LAMBDA; s++) {
      BenchData.rewind(stripes[s]);
      BenchData.rewind(parity[s]);
      encoder.encode(stripes[s], parity[s]);
    }
    return parity;
  }
}
