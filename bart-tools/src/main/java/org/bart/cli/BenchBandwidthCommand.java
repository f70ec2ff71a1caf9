package org.bart.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bart.bench.hdfs.BandwidthBench;
import org.bart.bench.hdfs.RateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bart bench-bandwidth}: measures the agents' per-DataNode bandwidth limit on an embedded
 * HDFS and prints, per case, the expected time (bytes / limit) beside the measured one.
 */
public final class BenchBandwidthCommand implements BartCommand {

  /** The tolerance the limit is judged by (the acceptance on a 20-block transfer). */
  private static final double TOLERANCE_PERCENT = 10;

  @Command(name = "bench-bandwidth", mixinStandardHelpOptions = true,
      description = "Benchmark dfs.bart.agent.bandwidth.per.sec on an embedded HDFS: sends from "
          + "one DataNode to another, sends from several into one, and merges, each timed against "
          + "bytes / limit on its bottleneck link. Takes about 3 x blocks x block size / rate "
          + "plus 20 s.")
  static final class Options implements Callable<Integer> {
    @Option(names = "--rate", converter = ByteSize.class, description = "the agents' limit per "
        + "DataNode and direction, bytes per second (default: ${DEFAULT-VALUE})",
        defaultValue = "10MiB")
    long rate;
    @Option(names = "--blocks", description = "blocks per case (default: ${DEFAULT-VALUE})",
        defaultValue = "20")
    int blocks;
    @Option(names = "--block-size", converter = ByteSize.class, description = "block size "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "4MiB")
    long blockSize;
    @Option(names = "--senders", description = "DataNodes sending into one in the fan-in case "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "4")
    int senders;
    @Option(names = "--seed", description = "seed of the blocks' bytes (default: "
        + "${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    PrintStream out;

    @Override
    public Integer call() throws Exception {
      BandwidthBench.Settings s = new BandwidthBench.Settings();
      s.bytesPerSec = rate;
      s.blocks = blocks;
      s.blockSize = blockSize;
      s.senders = senders;
      s.seed = seed;
      List<RateResult> results = new BandwidthBench(s, out).run();
      out.println();
      RateResult.printTable(results, out);
      int off = 0;
      for (RateResult r : results) {
        off += Math.abs(r.deviationPercent()) > TOLERANCE_PERCENT ? 1 : 0;
      }
      out.printf(Locale.ROOT, "(bytes: block data over the bottleneck link; expected = bytes / "
          + "limit; the limiter admits one chunk (dfs.bart.agent.chunk.bytes) ahead, so a case may "
          + "end that much early; %d of %d cases outside +-%.0f%%)%n", off, results.size(),
          TOLERANCE_PERCENT);
      return 0;
    }
  }

  @Override
  public List<String> names() {
    return Arrays.asList("bench-bandwidth");
  }

  @Override
  public String summary() {
    return "benchmark the agents' bandwidth limit on an embedded HDFS";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    Options o = new Options();
    o.out = out;
    return EmbeddedClusterCheck.execute("bench-bandwidth", o, args, out, err);
  }
}
