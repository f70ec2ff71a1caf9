package org.bart.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the codec benchmarks briefly (single thread, few iterations: the machine is shared) and
 * prints one table in bytes per second, each benchmark with its byte basis. {@code
 * scripts/bench-codec.sh} builds the project and runs this; the smoke test runs it tiny.
 *
 * <p>Arguments (all optional): {@code --forks N} (1), {@code --warmup N} (2), {@code --iterations N}
 * (3), {@code --millis N} per iteration (1000), {@code --cell BYTES} (1048576).
 */
public final class CodecBenchTable {

  private static final double MIB = 1024.0 * 1024.0;

  /** What one operation of each benchmark counts as throughput: cells per op and what they are. */
  enum Basis {
    MERGE(WideCodecBench.class, "merge_6x3to18x3_1MiB", 9, "narrow parity read"),
    ENCODE(WideCodecBench.class, "encode_18x3_1MiB", 18, "data read"),
    DECODE_1(WideCodecBench.class, "decode_18x3_1lost_1MiB", 18, "survivors read"),
    DECODE_3(WideCodecBench.class, "decode_18x3_3lost_1MiB", 18, "survivors read"),
    RS_LEGACY(HadoopCoderBench.class, "rsLegacyEncode_6x3_1MiB", 18, "data read"),
    RS(HadoopCoderBench.class, "rsEncode_6x3_1MiB", 18, "data read"),
    RS_LEGACY_DECODE(HadoopCoderBench.class, "rsLegacyDecode_6x3_1lost_1MiB", 6,
        "survivors read"),
    RS_DECODE(HadoopCoderBench.class, "rsDecode_6x3_1lost_1MiB", 6, "survivors read");

    final Class<?> owner;
    final String method;
    final int cellsPerOp;
    final String what;

    Basis(Class<?> owner, String method, int cellsPerOp, String what) {
      this.owner = owner;
      this.method = method;
      this.cellsPerOp = cellsPerOp;
      this.what = what;
    }
  }

  /** One line of the table. */
  static final class Row {
    final Basis basis;
    final String kernel;
    final String buffers;
    final double mibPerSecond;
    final double min;
    final double max;

    Row(Basis basis, String kernel, String buffers, double mibPerSecond, double min, double max) {
      this.basis = basis;
      this.kernel = kernel;
      this.buffers = buffers;
      this.mibPerSecond = mibPerSecond;
      this.min = min;
      this.max = max;
    }
  }

  private int forks = 1;
  private int warmup = 2;
  private int iterations = 3;
  private int millis = 1000;
  private int cell = 1 << 20;

  public static void main(String[] args) throws RunnerException {
    CodecBenchTable table = new CodecBenchTable();
    for (int i = 0; i + 1 < args.length; i += 2) {
      table.set(args[i], Integer.parseInt(args[i + 1]));
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("options come in pairs: --name value; got " + args.length);
    }
    table.print(table.run(System.err), System.out);
  }

  CodecBenchTable set(String option, int value) {
    switch (option) {
      case "--forks" -> forks = value;
      case "--warmup" -> warmup = value;
      case "--iterations" -> iterations = value;
      case "--millis" -> millis = value;
      case "--cell" -> cell = value;
      default -> throw new IllegalArgumentException("unknown option " + option);
    }
    return this;
  }

  /** Runs every benchmark: ours with the SWAR kernel on heap and direct buffers and the scalar
   * reference on heap buffers, then Hadoop's encoders; progress goes to {@code log}. */
  List<Row> run(PrintStream log) throws RunnerException {
    List<Row> rows = new ArrayList<>();
    String[][] variants = {{"swar", "heap"}, {"swar", "direct"}, {"scalar", "heap"}};
    for (Basis basis : Basis.values()) {
      boolean ours = basis.owner == WideCodecBench.class;
      for (String[] variant : ours ? variants : new String[][] {{"-", "heap"}}) {
        log.println("bench-codec: " + basis.method + (ours ? " " + variant[0] + " " + variant[1] : ""));
        ChainedOptionsBuilder options = new OptionsBuilder()
            .include(basis.owner.getName() + "." + basis.method + "$")
            .param("cell", Integer.toString(cell))
            .forks(forks).threads(1)
            .warmupIterations(warmup).warmupTime(TimeValue.milliseconds(millis))
            .measurementIterations(iterations).measurementTime(TimeValue.milliseconds(millis))
            .shouldFailOnError(true).verbosity(VerboseMode.SILENT);
        if (ours) {
          options.param("kernel", variant[0]).param("buffers", variant[1]);
        }
        for (RunResult result : new Runner(options.build()).run()) {
          Result<?> primary = result.getPrimaryResult();
          double bytesPerOp = (double) basis.cellsPerOp * cell / MIB;
          rows.add(new Row(basis, variant[0], variant[1], primary.getScore() * bytesPerOp,
              primary.getStatistics().getMin() * bytesPerOp,
              primary.getStatistics().getMax() * bytesPerOp));
        }
      }
    }
    return rows;
  }

  void print(List<Row> rows, PrintStream out) {
    out.printf("%-26s %-7s %-7s %8s %15s  %s%n", "benchmark (" + cell + " B cells)", "kernel",
        "buffers", "MiB/s", "iterations", "byte basis per op");
    for (Row row : rows) {
      out.printf("%-26s %-7s %-7s %8.0f %7.0f..%-6.0f  %d cells of %s%n", row.basis.method,
          row.kernel, row.buffers, row.mibPerSecond, row.min, row.max, row.basis.cellsPerOp,
          row.basis.what);
    }
    out.println("single thread; one op = one (6,3,3) wide row; MiB/s = mean ops/s x bytes per op;"
        + " iterations = slowest..fastest measured iteration");
  }
}
