package org.bart.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.bart.demo.Demo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bart demo}: the whole transition on an embedded HDFS, checked end to end. */
public final class DemoCommand implements BartCommand {

  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = "Start an in-process HDFS with BART installed, write RS-LEGACY files, "
          + "transition them and check the result. Exits non-zero if any check fails.")
  static final class Options implements Callable<Integer> {
    @Option(names = "--code", description = "k,m,lambda of the narrow code and the grouping "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "6,3,3")
    String code;
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
        + "user-defined policy (default: ${DEFAULT-VALUE})", defaultValue = "1048576")
    int cellSize;
    @Option(names = "--block-size", converter = ByteSize.class, description = "block size, a "
        + "multiple of the cell size, e.g. 64MiB or 128MiB (default: one cell); files are "
        + "then up to two full block groups plus a partial one, so keep --files small")
    long blockSize;

    PrintStream out;

    @Override
    public Integer call() throws Exception {
      String[] c = code.split(",");
      if (c.length != 3) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--code needs k,m,lambda, e.g. 6,3,3");
      }
      Demo.Settings s = new Demo.Settings();
      s.k = Integer.parseInt(c[0].trim());
      s.m = Integer.parseInt(c[1].trim());
      s.lambda = Integer.parseInt(c[2].trim());
      s.dataNodes = dataNodes;
      s.files = files;
      s.approach = approach;
      s.seed = seed;
      s.cellSize = cellSize;
      if (blockSize < 0 || blockSize % cellSize != 0
          || (long) s.k * blockSize * 3 > Integer.MAX_VALUE) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--block-size "
            + blockSize + " must be a multiple of --cell-size " + cellSize
            + " and 3 block groups of it at most 2 GiB");
      }
      s.blockSize = blockSize == 0 ? cellSize : blockSize;
      return new Demo(s, out).run().isEmpty() ? 0 : 1;
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
