package org.bart.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.bart.bench.hdfs.ReadsRepairBench;
import org.bart.bench.hdfs.ReadsRepairTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bart bench-reads-repair}: degraded reads and repair, stock HDFS against BART, on one
 * embedded HDFS in one run, printed side by side.
 */
public final class BenchReadsRepairCommand implements BartCommand {

  @Command(name = "bench-reads-repair", mixinStandardHelpOptions = true,
      description = "Benchmark on an embedded HDFS, same data: degraded read throughput of "
          + "stock RS(k,m) before and of BART's wide groups after the transition (1 and 3 "
          + "blocks lost, 4 KiB and 4 MiB reads), and the time to restore full redundancy "
          + "after a DataNode dies (stock reconstruction against BART's -repair). About 3 min.")
  static final class Options implements Callable<Integer> {
    @Option(names = "--block-size", converter = ByteSize.class, description = "block size "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "4MiB")
    long blockSize;
    @Option(names = "--groups", description = "wide groups of files, lambda files each "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "2")
    int groups;
    @Option(names = "--runs", description = "reads per case, the median counts (default: "
        + "${DEFAULT-VALUE})", defaultValue = "3")
    int runs;
    @Option(names = "--codec", description = "codec of the files: rs-legacy or rs "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "rs-legacy")
    String codec;
    @Option(names = "--code", description = "k,m,lambda of the files and the wide groups; k and "
        + "m at least 3, as up to 3 data blocks are lost (default: ${DEFAULT-VALUE})",
        defaultValue = "6,3,3")
    String code;
    @Option(names = "--seed", description = "seed of the files' bytes and the plan (default: "
        + "${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    PrintStream out;

    @Override
    public Integer call() throws Exception {
      ReadsRepairBench.Settings s = new ReadsRepairBench.Settings();
      s.blockSize = blockSize;
      s.groups = groups;
      s.runs = runs;
      s.seed = seed;
      s.codec = codec;
      CodeGeometry c = CodeGeometry.parse(new CommandLine(this), code);
      s.k = c.k;
      s.m = c.m;
      s.lambda = c.lambda;
      int lost = ReadsRepairBench.MOST_LOST;
      if (s.k < lost || s.m < lost || s.lambda < 2) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--code needs k and m >= "
            + lost + " (up to " + lost + " data blocks of a file are lost) and lambda >= 2, not "
            + code);
      }
      if (blockSize % s.cellSize != 0 || groups < 1 || runs < 1
          || !Arrays.asList("rs-legacy", "rs").contains(codec)) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--block-size must be a "
            + "multiple of 1 MiB, --groups and --runs at least 1, --codec rs-legacy or rs");
      }
      ReadsRepairTable.print(new ReadsRepairBench(s, out).run(), s, out);
      return 0;
    }
  }

  @Override
  public List<String> names() {
    return Arrays.asList("bench-reads-repair");
  }

  @Override
  public String summary() {
    return "benchmark degraded reads and repair, stock HDFS against BART, on an embedded HDFS";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    Options o = new Options();
    o.out = out;
    return EmbeddedClusterCheck.execute("bench-reads-repair", o, args, out, err);
  }
}
