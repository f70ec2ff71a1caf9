package org.bart.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bart.plan.BandwidthProfile;
import org.bart.plan.CodeParams;
import org.bart.plan.LoadChartSvg;
import org.bart.plan.PlacementGenerator;
import org.bart.plan.PlanFiles;
import org.bart.plan.PlanningProblem;
import org.bart.plan.approach.Approach;
import org.bart.plan.approach.ComparisonTable;
import org.bart.plan.approach.SimulationResult;
import org.bart.plan.approach.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bart simulate}: generates a random placement, plans it with several approaches and compares their
 * loads in a table and, optionally, an SVG chart. With {@code --seed N} the placement and every plan equal
 * those of BART's GenPrePlacement and BTSGenerator run with {@code BART_SEED=N}.
 */
public final class SimulateCommand implements BartCommand {

  @Command(name = "bart simulate", sortOptions = false,
      description = "Compares transition planners on one random placement: max_load (the busiest node's"
          + " blocks, which sets the transition time), bandwidth (blocks moved), load spread and planning time.")
  static final class Options {
    @Option(names = "--code", paramLabel = "K,M,LAMBDA", defaultValue = "6,3,3",
        description = "narrow RS(K,M) stripes merged LAMBDA at a time into RS(LAMBDA*K,M) (default: ${DEFAULT-VALUE})")
    String code;
    @Option(names = "--nodes", paramLabel = "N", defaultValue = "30",
        description = "number of nodes (default: ${DEFAULT-VALUE})")
    int nodes;
    @Option(names = "--stripes", paramLabel = "S", defaultValue = "1200",
        description = "number of narrow stripes (default: ${DEFAULT-VALUE})")
    int stripes;
    @Option(names = "--approaches", paramLabel = "A,B,...", split = ",", defaultValue = "RDPM,BWPM,BTPM",
        description = "approaches to compare: RDRE, RDPM, BWRE, BWPM, BTRE, BT, BTPM, BTWeighted, LSPM"
            + " (default: ${DEFAULT-VALUE})")
    List<String> approaches;
    @Option(names = "--seed", paramLabel = "N",
        description = "seed BART's mt19937 like BART_SEED=N (default: unseeded fast generator)")
    Long seed;
    @Option(names = "--bw-profile", paramLabel = "FILE",
        description = "per-node upload and download bandwidths (needed by BTWeighted; adds max_weighted_load)")
    Path bwProfile;
    @Option(names = "--plot", paramLabel = "FILE.svg", description = "also draw per-node loads as an SVG chart")
    Path plot;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;
  }

  @Override
  public List<String> names() {
    return Collections.singletonList("simulate");
  }

  @Override
  public String summary() {
    return "compare planners (RDPM, BWPM, BTPM, ...) on a random placement";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options o = new Options();
    return CliSupport.parseAndRun(args, o, out, err, () -> simulate(o, out));
  }

  private static int simulate(Options o, PrintStream out) throws Exception {
    CodeParams code = CodeParams.parseShortForm(o.code);
    List<Approach> approaches = new ArrayList<>();
    for (String name : o.approaches) {
      Approach a = Approach.parse(name.trim());
      if (a.needsBandwidthProfile() && o.bwProfile == null) {
        throw new IllegalArgumentException(a.label() + " needs --bw-profile");
      }
      approaches.add(a);
    }
    BandwidthProfile bw = o.bwProfile == null ? null : PlanFiles.readBandwidthProfile(o.bwProfile, o.nodes);
    int[][] placement = PlacementGenerator.generate(code, o.nodes, o.stripes, CliSupport.rng(o.seed));
    PlanningProblem problem = new PlanningProblem(code, o.nodes, placement, bw);

    List<SimulationResult> results = Simulator.compare(problem, approaches, () -> CliSupport.rng(o.seed));

    String title = "code " + code + ", " + o.nodes + " nodes, " + o.stripes + " stripes, "
        + (o.seed == null ? "unseeded" : "seed " + o.seed);
    out.println(title);
    out.print(ComparisonTable.format(results, bw));
    out.println("(max_load: blocks through the busiest node's link, which sets the transition time;"
        + " bandwidth: blocks moved; cv: spread of per-node load, 0 = even)");
    if (o.plot != null) {
      Files.write(o.plot, LoadChartSvg.render("Per-node transition load: " + title, panels(results))
          .getBytes(StandardCharsets.UTF_8));
      out.println("wrote " + o.plot);
    }
    return 0;
  }

  private static List<LoadChartSvg.Panel> panels(List<SimulationResult> results) {
    List<LoadChartSvg.Panel> panels = new ArrayList<>();
    for (SimulationResult r : results) {
      panels.add(r.chartPanel());
    }
    return panels;
  }
}
