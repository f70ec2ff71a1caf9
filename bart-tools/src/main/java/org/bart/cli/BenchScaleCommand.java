package org.bart.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.bart.bench.hdfs.ScaleBench;
import org.bart.bench.hdfs.ScaleResult;
import org.bart.bench.hdfs.ScaleTable;
import org.bart.conf.BartConfigKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bart bench-scale}: transitions trees of growing size on an embedded HDFS and prints, side
 * by side, the coordinator's time and the NameNode's calls per stripe per phase and the heap
 * growth; exits 1 if a run failed or a file did not read back with its bytes.
 */
public final class BenchScaleCommand implements BartCommand {

  @Command(name = "bench-scale", mixinStandardHelpOptions = true,
      description = "Benchmark how a transition scales: trees of RS-LEGACY(k,m) files with "
          + "small one-cell blocks on an embedded HDFS, each transitioned in batches; per phase "
          + "the coordinator's ms and the NameNode's calls per stripe, and the heap growth. "
          + "The defaults take a long time on 2 cores; give smaller --trees for a quick look.")
  static final class Options implements Callable<Integer> {
    @Option(names = "--trees", split = ",", description = "tree sizes in stripes, rounded up to "
        + "whole files (default: ${DEFAULT-VALUE})", defaultValue = "1000,4000,16000")
    List<Integer> trees;
    @Option(names = "--code", description = "k,m,lambda of the files and the wide groups "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "6,3,3")
    String code;
    @Option(names = "--batch-groups", description = "wide groups per batch of these runs "
        + "(-batch-groups; default: ${DEFAULT-VALUE})",
        defaultValue = "" + BartConfigKeys.TRANSITION_BATCH_GROUPS_DEFAULT)
    int batchGroups;
    @Option(names = "--small-batch-groups", description = "the batch bound of one more run, "
        + "0 for none (default: ${DEFAULT-VALUE})", defaultValue = "100")
    int smallBatchGroups;
    @Option(names = "--small-batch-tree", description = "its tree size in stripes (default: "
        + "${DEFAULT-VALUE})", defaultValue = "4000")
    int smallBatchTree;
    @Option(names = "--stripes-per-file", description = "block groups per file, a multiple of "
        + "lambda (default: ${DEFAULT-VALUE})", defaultValue = "24")
    int stripesPerFile;
    @Option(names = "--cell-size", converter = ByteSize.class, description = "cell size, also "
        + "the block size (default: ${DEFAULT-VALUE})", defaultValue = "4KiB")
    long cellSize;
    @Option(names = "--datanodes", description = "DataNodes, at least lambda * k + m (default: "
        + "${DEFAULT-VALUE})", defaultValue = "24")
    int dataNodes;
    @Option(names = "--writers", description = "files written (and checksummed) at once "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "4")
    int writers;
    @Option(names = "--approach", description = "planning approach (default: ${DEFAULT-VALUE})",
        defaultValue = "LSPM")
    String approach;
    @Option(names = "--seed", description = "seed of the files' bytes and of the planner "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    PrintStream out;

    @Override
    public Integer call() throws Exception {
      ScaleBench.Settings s = new ScaleBench.Settings();
      CodeGeometry c = CodeGeometry.parse(new CommandLine(this), code);
      s.k = c.k;
      s.m = c.m;
      s.lambda = c.lambda;
      s.trees = trees;
      s.batchGroups = batchGroups;
      s.smallBatchGroups = smallBatchGroups;
      s.smallBatchTree = smallBatchTree;
      s.stripesPerFile = stripesPerFile;
      s.cellSize = Math.toIntExact(cellSize);
      s.dataNodes = dataNodes;
      s.writers = writers;
      s.approach = approach;
      s.seed = seed;
      List<ScaleResult> results = new ScaleBench(s, out).run();
      out.println();
      ScaleTable.print(results, out);
      out.println();
      ScaleTable.printTargets(results, out);
      out.println("(ms: the coordinator's phase times from its report, summed over the batches; "
          + "calls: the NameNode RPC server's per-method NumOps, read at the end of every phase "
          + "of every batch; heap: the whole JVM (NameNode, coordinator and DataNodes), growth "
          + "over the heap used after System.gc() before the run: live = used after "
          + "System.gc() at each phase end, peak = the heap pools' peak usage since the run "
          + "started, garbage included)");
      return results.stream().allMatch(ScaleResult::ok) ? 0 : 1;
    }
  }

  @Override
  public List<String> names() {
    return Arrays.asList("bench-scale");
  }

  @Override
  public String summary() {
    return "benchmark how a transition scales with the tree on an embedded HDFS";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    Options o = new Options();
    o.out = out;
    return EmbeddedClusterCheck.execute("bench-scale", o, args, out, err);
  }
}
