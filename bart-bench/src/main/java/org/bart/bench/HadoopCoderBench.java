package org.bart.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSLegacyRawDecoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RSLegacyRawEncoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawDecoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawEncoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RawErasureDecoder;
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
 * Hadoop's pure-Java RS coders on the same 18 data cells as {@link WideCodecBench}, for scale:
 * one encode operation encodes the three RS(6,3) member stripes of a wide row (what HDFS did when
 * the data was written), basis = the 18 MiB of data read, as for {@code encode_18x3_1MiB}. One
 * decode operation rebuilds data unit 4 of one RS(6,3) stripe from its other 5 data cells and
 * parity 0 (what HDFS's degraded read does per lost cell), basis = the 6 MiB of survivors read;
 * compare its output rate (basis / 6) with {@code decode_18x3_1lost_1MiB}'s (basis / 18).
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
  private RawErasureDecoder rsLegacyDecoder;
  private RawErasureDecoder rsDecoder;
  private ByteBuffer[][] survivors;
  private ByteBuffer[] rebuilt;
  private static final int[] LOST = {4};

  @Setup
  public void setUp() throws IOException {
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
    rsLegacyDecoder = new RSLegacyRawDecoder(options);
    rsDecoder = new RSRawDecoder(options);
    rebuilt = new ByteBuffer[] {ByteBuffer.allocate(cell)};
    survivors = new ByteBuffer[2][];
    for (int c = 0; c < survivors.length; c++) {
      // Each codec decodes from its own parity: stripe 0 encoded by that codec.
      RawErasureEncoder encoder = c == 0 ? rsLegacy : rs;
      ByteBuffer[] p = new ByteBuffer[BenchData.M];
      for (int r = 0; r < BenchData.M; r++) {
        p[r] = ByteBuffer.allocate(cell);
      }
      BenchData.rewind(stripes[0]);
      encoder.encode(stripes[0], p);
      survivors[c] = new ByteBuffer[BenchData.K + BenchData.M];
      System.arraycopy(stripes[0], 0, survivors[c], 0, BenchData.K);
      survivors[c][BenchData.K] = p[0];
      survivors[c][LOST[0]] = null;
      BenchData.rewind(survivors[c]);
    }
    for (int c = 0; c < survivors.length; c++) {
      decode(c);
      if (!rebuilt[0].equals(stripes[0][LOST[0]].duplicate().clear())) {
        throw new IllegalStateException("decoder " + c + " rebuilt unit " + LOST[0] + " wrong");
      }
    }
  }

  @Benchmark
  public ByteBuffer[] rsLegacyDecode_6x3_1lost_1MiB() throws IOException {
    return decode(0);
  }

  @Benchmark
  public ByteBuffer[] rsDecode_6x3_1lost_1MiB() throws IOException {
    return decode(1);
  }

  private ByteBuffer[] decode(int codec) throws IOException {
    BenchData.rewind(survivors[codec]);
    rebuilt[0].clear();
    (codec == 0 ? rsLegacyDecoder : rsDecoder).decode(survivors[codec], LOST, rebuilt);
    return rebuilt;
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
