package org.bart.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.bart.demo.Demo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bart demo}: the whole transition on an embedded HDFS, checked end to end. */
public final class DemoCommand implements BartCommand {

  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = "Start an in-process HDFS with BART installed, write erasure-coded files "
          + "(RS-LEGACY by default; with partial last block groups and a file under a cell), "
          + "transition them and check the result. Exits non-zero if any check fails.")
  static final class Options implements Callable<Integer> {
    @Option(names = "--code", description = "k,m,lambda of an RS-LEGACY narrow code and the "
        + "grouping (default: 6,3,3)")
    String code;
    @Option(names = "--policy", description = "a built-in EC policy instead of --code: "
        + "RS-6-3-1024k, RS-3-2-1024k, RS-10-4-1024k, XOR-2-1-1024k or RS-LEGACY-6-3-1024k "
        + "(its codec, k, m and cell size)")
    String policy;
    @Option(names = "--lambda", description = "narrow stripes per wide group with --policy "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "3")
    int lambda;
    @Option(names = "--datanodes", description = "DataNodes (default: lambda*k+m+3)")
    int dataNodes;
    @Option(names = "--files", description = "files to write (default: ${DEFAULT-VALUE})",
        defaultValue = "8")
    int files;
    @Option(names = "--approach", description = "planner: LSPM, RDPM, BWPM, BTPM, BTWeighted "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "LSPM")
    String approach;
    @Option(names = "--seed", description = "seed of the data and the plan "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;
    @Option(names = "--cell-size", description = "cell (and block) size in bytes for a "
        + "user-defined policy, not with --policy (default: ${DEFAULT-VALUE})",
        defaultValue = "1048576")
    int cellSize;
    @Option(names = "--block-size", converter = ByteSize.class, description = "block size, a "
        + "multiple of the cell size, e.g. 64MiB or 128MiB (default: one cell); files are "
        + "then up to two full block groups plus a partial one, so keep --files small")
    long blockSize;

    PrintStream out;

    @Override
    public Integer call() throws Exception {
      Demo.Settings s = new Demo.Settings();
      s.cellSize = cellSize;
      if (policy != null) {
        usePolicy(s);
      } else {
        CodeGeometry c =
            CodeGeometry.parse(new CommandLine(this), code == null ? "6,3,3" : code);
        s.k = c.k;
        s.m = c.m;
        s.lambda = c.lambda;
      }
      s.dataNodes = dataNodes;
      s.files = files;
      s.approach = approach;
      s.seed = seed;
      if (blockSize < 0 || blockSize % s.cellSize != 0
          || (long) s.k * blockSize * 3 > Integer.MAX_VALUE) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--block-size "
            + blockSize + " must be a multiple of the cell size " + s.cellSize
            + " and 3 block groups of it at most 2 GiB");
      }
      s.blockSize = blockSize == 0 ? s.cellSize : blockSize;
      return new Demo(s, out).run().isEmpty() ? 0 : 1;
    }

    /** The codec, k, m and cell size of the built-in policy named by --policy. */
    private void usePolicy(Demo.Settings s) {
      ErasureCodingPolicy p = SystemErasureCodingPolicies.getByName(policy);
      if (p == null || p.isReplicationPolicy() || code != null) {
        throw new CommandLine.ParameterException(new CommandLine(this), code != null
            ? "--policy and --code exclude each other (use --lambda with --policy)"
            : "--policy " + policy + " is no built-in erasure coding policy; they are "
                + builtInNames());
      }
      s.codec = p.getCodecName();
      s.k = p.getNumDataUnits();
      s.m = p.getNumParityUnits();
      s.lambda = lambda;
      s.cellSize = p.getCellSize();
    }

    private static String builtInNames() {
      StringBuilder names = new StringBuilder();
      for (ErasureCodingPolicy p : SystemErasureCodingPolicies.getPolicies()) {
        names.append(names.length() == 0 ? "" : ", ").append(p.getName());
      }
      return names.toString();
    }
  }

  @Override
  public List<String> names() {
    return Arrays.asList("demo");
  }

  @Override
  public String summary() {
    return "run a transition on an embedded HDFS and check it (the README's first command)";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    Options o = new Options();
    o.out = out;
    return EmbeddedClusterCheck.execute("demo", o, args, out, err);
  }
}
