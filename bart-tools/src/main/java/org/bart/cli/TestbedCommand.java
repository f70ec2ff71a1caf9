package org.bart.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.bart.bench.hdfs.Testbed;
import org.bart.bench.hdfs.TestbedChart;
import org.bart.bench.hdfs.TestbedRow;
import org.bart.plan.approach.Approach;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bart testbed}: the transition testbed, one fresh embedded HDFS with throttled agents per
 * approach, and a table of each approach's stage time against its plan's bound.
 */
public final class TestbedCommand implements BartCommand {

  @Command(name = "testbed", mixinStandardHelpOptions = true,
      description = "Write RS-LEGACY files once on an embedded HDFS whose agents are limited to "
          + "--rate per DataNode and direction; for each approach restart it from a copy of that "
          + "storage (the same placement), transition, and report the stage time against the "
          + "plan's bound max_load x block size / rate. The defaults (72 stripes of 1 MiB blocks "
          + "at 2 MiB/s) give bounds of 5 to 15 s, well above the stage's fixed cost.")
  static final class Options implements Callable<Integer> {
    @Option(names = "--code", description = "k,m,lambda (default: ${DEFAULT-VALUE})",
        defaultValue = "6,3,3")
    String code;
    @Option(names = "--datanodes", description = "DataNodes (default: ${DEFAULT-VALUE})",
        defaultValue = "24")
    int dataNodes;
    @Option(names = "--files", description = "files (default: ${DEFAULT-VALUE})",
        defaultValue = "24")
    int files;
    @Option(names = "--groups-per-file", description = "full block groups per file; files x "
        + "groups must be a multiple of lambda (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int groupsPerFile;
    @Option(names = "--cell-size", converter = ByteSize.class, description = "cell size, also "
        + "the block size (default: ${DEFAULT-VALUE})", defaultValue = "1MiB")
    long cellSize;
    @Option(names = "--rate", converter = ByteSize.class, description = "the agents' limit per "
        + "DataNode and direction, bytes per second (default: ${DEFAULT-VALUE})",
        defaultValue = "2MiB")
    long rate;
    @Option(names = "--approaches", split = ",", description = "approaches, one cluster each "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "RDPM,BWPM,BTPM,LSPM")
    List<String> approaches;
    @Option(names = "--seed", description = "seed of the files' bytes and of the planner "
        + "(default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;
    @Option(names = "--conf", description = "KEY=VALUE set in every cluster's configuration, "
        + "e.g. dfs.bart.coordinator.threads=32 (repeatable)")
    Map<String, String> conf = new TreeMap<>();
    @Option(names = "--verbose", description = "print each transition's full report")
    boolean verbose;
    @Option(names = "--plot", paramLabel = "FILE.svg", description = "also draw each approach's "
        + "stage time against its bound, and its measured load per DataNode, as an SVG chart")
    Path plot;

    PrintStream out;

    @Override
    public Integer call() throws Exception {
      CommandLine cl = new CommandLine(this);
      CodeGeometry c = CodeGeometry.parse(cl, code);
      if (cellSize > Integer.MAX_VALUE) {
        throw new CommandLine.ParameterException(cl, "--cell-size must be below 2 GiB");
      }
      for (String a : approaches) {
        try {
          Approach.parse(a);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(cl, e.getMessage());
        }
      }
      Testbed.Settings s = new Testbed.Settings();
      s.k = c.k;
      s.m = c.m;
      s.lambda = c.lambda;
      s.dataNodes = dataNodes;
      s.files = files;
      s.groupsPerFile = groupsPerFile;
      s.cellSize = (int) cellSize;
      s.bytesPerSec = rate;
      s.approaches = approaches;
      s.seed = seed;
      s.conf = conf;
      Testbed testbed;
      try {
        testbed = new Testbed(s, out, verbose ? out : null);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
      List<TestbedRow> rows = testbed.run();
      out.println();
      TestbedRow.printTable(rows, out);
      out.println("(max_load, bandwidth: planned and measured, in blocks; stage_s: the stage "
          + "phase; bound_s: planned max_load x block size / rate; ratio: stage_s / bound_s)");
      if (plot != null) {
        Files.write(plot, TestbedChart.svg(String.format(Locale.ROOT,
            "Testbed: RS-LEGACY(%d,%d) grouped by %d on %d DataNodes, %d stripes", s.k, s.m,
            s.lambda, s.dataNodes, s.files * s.groupsPerFile), rows)
            .getBytes(StandardCharsets.UTF_8));
        out.println("wrote " + plot);
      }
      for (TestbedRow r : rows) {
        if (r.error != null) {
          return 1;
        }
      }
      return 0;
    }
  }

  @Override
  public List<String> names() {
    return Arrays.asList("testbed");
  }

  @Override
  public String summary() {
    return "transition testbed: stage time against the plan's bound, per approach";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    Options o = new Options();
    o.out = out;
    return EmbeddedClusterCheck.execute("testbed", o, args, out, err);
  }
}
