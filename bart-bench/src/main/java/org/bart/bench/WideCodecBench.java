package org.bart.bench;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bart.codec.Kernel;
import org.bart.codec.WideCode;
import org.bart.codec.WideDecoder;
import org.bart.codec.WideEncoder;
import org.bart.codec.WideMerger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the wide code's kernels for the flagship (6,3,3) code, single thread, on 1 MiB
 * cells. One operation handles one wide row; {@link CodecBenchTable} turns operations per second
 * into bytes per second with each benchmark's byte basis:
 *
 * <ul>
 *   <li>{@code merge_6x3to18x3_1MiB}: all three wide parities from the nine narrow parity cells;
 *       basis = the 9 MiB of narrow parity read.
 *   <li>{@code encode_18x3_1MiB}: the three wide parities from the 18 data cells; basis = the
 *       18 MiB of data read.
 *   <li>{@code decode_18x3_1lost_1MiB} and {@code decode_18x3_3lost_1MiB}: rebuild one data cell
 *       (wide unit 4), or three (units 4, 10, 16, one per member), from 18 surviving cells; basis =
 *       the 18 MiB of survivors read (as Hadoop and ISA-L count decoding: the stripe's data size).
 * </ul>
 *
 * <p>The setup checks once that the merged parity equals the wide encoding of the data and that
 * decoding returns the data, so a broken kernel cannot post a good number.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WideCodecBench {

  @Param({"1048576"})
  public int cell;

  @Param({"swar", "scalar"})
  public String kernel;

  @Param({"heap", "direct"})
  public String buffers;

  private WideMerger merger;
  private WideEncoder encoder;
  private WideDecoder decoder;
  private BenchData row;
  private ByteBuffer[][] narrowByIndex;
  private ByteBuffer[] wide;
  private ByteBuffer[] units;
  private ByteBuffer[] survivorsOf1;
  private ByteBuffer[] survivorsOf3;
  private ByteBuffer[] rebuilt;
  private ByteBuffer[] rebuiltOne;
  private static final int[] LOST_1 = {4};
  private static final int[] LOST_3 = {4, 10, 16};

  @Setup
  public void setUp() {
    WideCode code = WideCode.forGeometry(BenchData.K, BenchData.M, BenchData.LAMBDA);
    Kernel k = Kernel.valueOf(kernel.toUpperCase(Locale.ROOT));
    merger = new WideMerger(code, k);
    encoder = new WideEncoder(code, k);
    decoder = new WideDecoder(code, k);
    boolean direct = "direct".equals(buffers);
    row = new BenchData(cell, direct);
    narrowByIndex = new ByteBuffer[BenchData.M][BenchData.LAMBDA];
    wide = new ByteBuffer[BenchData.M];
    rebuilt = new ByteBuffer[LOST_3.length];
    for (int r = 0; r < BenchData.M; r++) {
      for (int s = 0; s < BenchData.LAMBDA; s++) {
        narrowByIndex[r][s] = row.narrow[s][r];
      }
      wide[r] = BenchData.allocate(cell, direct);
      rebuilt[r] = BenchData.allocate(cell, direct);
    }
    rebuiltOne = new ByteBuffer[] {rebuilt[0]};
    units = new ByteBuffer[code.totalUnits()];
    System.arraycopy(row.data, 0, units, 0, row.data.length);
    merge_6x3to18x3_1MiB();
    for (int r = 0; r < BenchData.M; r++) {
      // Own positions: decoding consumes its inputs, and wide[r] stays the merge's output.
      units[code.parityUnit(r)] = wide[r].duplicate();
    }
    if (!encoder.verify(units)) {
      throw new IllegalStateException(kernel + ": merged parity differs from the wide encoding");
    }
    survivorsOf1 = units.clone();
    survivorsOf1[LOST_1[0]] = null;
    survivorsOf3 = units.clone();
    for (int u : LOST_3) {
      survivorsOf3[u] = null;
    }
    decode_18x3_3lost_1MiB();
    for (int i = 0; i < LOST_3.length; i++) {
      if (!rebuilt[i].equals(row.data[LOST_3[i]].duplicate().clear())) {
        throw new IllegalStateException(kernel + ": decoding unit " + LOST_3[i] + " went wrong");
      }
    }
  }

  @Benchmark
  public ByteBuffer[] merge_6x3to18x3_1MiB() {
    for (int r = 0; r < BenchData.M; r++) {
      BenchData.rewind(narrowByIndex[r]);
      merger.merge(r, narrowByIndex[r], wide[r]);
    }
    return wide;
  }

  @Benchmark
  public ByteBuffer[] encode_18x3_1MiB() {
    BenchData.rewind(row.data);
    encoder.encode(row.data, wide);
    return wide;
  }

  @Benchmark
  public ByteBuffer[] decode_18x3_1lost_1MiB() {
    BenchData.rewind(survivorsOf1);
    decoder.decode(survivorsOf1, LOST_1, rebuiltOne);
    return rebuiltOne;
  }

  @Benchmark
  public ByteBuffer[] decode_18x3_3lost_1MiB() {
    BenchData.rewind(survivorsOf3);
    decoder.decode(survivorsOf3, LOST_3, rebuilt);
    return rebuilt;
  }
}
