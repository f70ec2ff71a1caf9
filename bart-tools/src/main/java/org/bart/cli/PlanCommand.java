package org.bart.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.bart.plan.BandwidthProfile;
import org.bart.plan.CodeParams;
import org.bart.plan.PlanFiles;
import org.bart.plan.Planner;
import org.bart.plan.PlanningProblem;
import org.bart.plan.TransitionPlan;
import org.bart.plan.approach.Approach;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bart plan K_I M_I K_F M_F NODES STRIPES APPROACH PRE_PLACEMENT POST_PLACEMENT SG_META [BW_PROFILE]
 * [--seed N]}: BART's BTSGenerator. With {@code --seed N} the written files equal the C++ tool's output when
 * run with {@code BART_SEED=N}.
 */
public final class PlanCommand implements BartCommand {

  @Command(name = "bart plan", sortOptions = false,
      description = "Plans the transition of a pre-placement with one of BART's approaches (BART's"
          + " BTSGenerator), writes post_placement and sg_meta and prints the load statistics.")
  static final class Options {
    @Parameters(index = "0", paramLabel = "K_I", description = "data blocks per narrow stripe")
    int kI;
    @Parameters(index = "1", paramLabel = "M_I", description = "parity blocks per narrow stripe")
    int mI;
    @Parameters(index = "2", paramLabel = "K_F", description = "data blocks per wide stripe (lambda * K_I)")
    int kF;
    @Parameters(index = "3", paramLabel = "M_F", description = "parity blocks per wide stripe (<= M_I)")
    int mF;
    @Parameters(index = "4", paramLabel = "NODES", description = "number of nodes")
    int nodes;
    @Parameters(index = "5", paramLabel = "STRIPES", description = "number of narrow stripes")
    int stripes;
    @Parameters(index = "6", paramLabel = "APPROACH",
        description = "RDRE, RDPM, BWRE, BWPM, BTRE, BT, BTPM, BTWeighted or LSPM")
    String approach;
    @Parameters(index = "7", paramLabel = "PRE_PLACEMENT", description = "input: nodes of each narrow stripe")
    Path pre;
    @Parameters(index = "8", paramLabel = "POST_PLACEMENT", description = "output: nodes of each wide stripe")
    Path post;
    @Parameters(index = "9", paramLabel = "SG_META",
        description = "output: members, method and merge nodes of each wide stripe")
    Path sgMeta;
    @Parameters(index = "10", arity = "0..1", paramLabel = "BW_PROFILE",
        description = "optional: upload and download bandwidth per node (needed by BTWeighted; adds weighted"
            + " statistics)")
    Path bwProfile;
    @Option(names = "--seed", paramLabel = "N",
        description = "seed BART's mt19937 like BART_SEED=N (default: unseeded fast generator)")
    Long seed;
    @Option(names = "--budget-ms", paramLabel = "MS",
        description = "LSPM only: nominal time budget (default: 2000); it sets the amount of search, not a"
            + " clock limit, so a seeded plan is reproducible on any machine")
    Long budgetMs;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;
  }

  @Override
  public List<String> names() {
    return Collections.singletonList("plan");
  }

  @Override
  public String summary() {
    return "plan a transition from a pre-placement file (BART's BTSGenerator)";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options o = new Options();
    return CliSupport.parseAndRun(args, o, out, err, () -> plan(o, out));
  }

  private static int plan(Options o, PrintStream out) throws Exception {
    CodeParams code = CodeParams.of(o.kI, o.mI, o.kF, o.mF);
    Approach approach = Approach.parse(o.approach);
    if (approach.needsBandwidthProfile() && o.bwProfile == null) {
      throw new IllegalArgumentException(approach.label() + " needs the BW_PROFILE argument");
    }
    int[][] pre = PlanFiles.readPlacement(o.pre, code, o.nodes, o.stripes);
    BandwidthProfile bw = o.bwProfile == null ? null : PlanFiles.readBandwidthProfile(o.bwProfile, o.nodes);
    PlanningProblem problem = new PlanningProblem(code, o.nodes, pre, bw);

    long start = System.nanoTime();
    Planner planner = o.budgetMs == null ? approach.planner() : approach.planner(o.budgetMs);
    TransitionPlan plan = planner.plan(problem, CliSupport.rng(o.seed));
    double millis = (System.nanoTime() - start) / 1e6;

    PlanFiles.write(o.post, w -> PlanFiles.writePostPlacement(w, plan));
    PlanFiles.write(o.sgMeta, w -> PlanFiles.writeSgMeta(w, plan));
    out.println("approach: " + approach.label() + ", code: " + code + ", nodes: " + o.nodes + ", stripes: "
        + o.stripes + ", seed: " + (o.seed == null ? "none (fast generator)" : o.seed));
    out.println(String.format(Locale.ROOT, "planning time: %.1f ms", millis));
    LoadReport.print(plan.loadStats(), out);
    if (bw != null) {
      LoadReport.printWeighted(plan.loadStats().weighted(bw), out);
    }
    return 0;
  }
}
