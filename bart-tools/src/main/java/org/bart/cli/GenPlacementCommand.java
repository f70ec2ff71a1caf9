package org.bart.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.bart.plan.CodeParams;
import org.bart.plan.PlacementGenerator;
import org.bart.plan.PlanFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bart gen-placement K_I M_I K_F M_F NODES STRIPES OUT_FILE [--seed N]}: BART's GenPrePlacement.
 * With {@code --seed N} the file equals the C++ tool's output when run with {@code BART_SEED=N}.
 */
public final class GenPlacementCommand implements BartCommand {

  @Command(name = "bart gen-placement", sortOptions = false,
      description = "Writes a random pre-placement (BART's GenPrePlacement): one line per stripe, the nodes of"
          + " its k_i data and m_i parity blocks.")
  static final class Options {
    @Parameters(index = "0", paramLabel = "K_I", description = "data blocks per narrow stripe")
    int kI;
    @Parameters(index = "1", paramLabel = "M_I", description = "parity blocks per narrow stripe")
    int mI;
    @Parameters(index = "2", paramLabel = "K_F", description = "data blocks per wide stripe")
    int kF;
    @Parameters(index = "3", paramLabel = "M_F", description = "parity blocks per wide stripe")
    int mF;
    @Parameters(index = "4", paramLabel = "NODES", description = "number of nodes")
    int nodes;
    @Parameters(index = "5", paramLabel = "STRIPES", description = "number of narrow stripes")
    int stripes;
    @Parameters(index = "6", paramLabel = "OUT_FILE", description = "pre_placement file to write")
    Path out;
    @Option(names = "--seed", paramLabel = "N",
        description = "seed BART's mt19937 like BART_SEED=N (default: unseeded fast generator)")
    Long seed;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;
  }

  @Override
  public List<String> names() {
    return Collections.singletonList("gen-placement");
  }

  @Override
  public String summary() {
    return "write a random pre-placement file (BART's GenPrePlacement)";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options o = new Options();
    return CliSupport.parseAndRun(args, o, out, err, () -> {
      CodeParams code = CodeParams.of(o.kI, o.mI, o.kF, o.mF);
      int[][] stripes = PlacementGenerator.generate(code, o.nodes, o.stripes, CliSupport.rng(o.seed));
      PlanFiles.write(o.out, w -> PlanFiles.writePlacement(w, stripes));
      out.println("wrote " + o.stripes + " stripes of " + code.nI() + " blocks on " + o.nodes + " nodes to "
          + o.out);
      return 0;
    });
  }
}
