package org.bart.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.bart.plan.approach.Approach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every approach, on every shared placement, with seed 1, must write byte for byte the post_placement and
 * sg_meta files that BART's C++ BTSGenerator wrote with BART_SEED=1, and score the max_load and bandwidth
 * BART measured (cpp-timings.csv).
 */
class ReferenceOutputsTest {

  private static final Map<String, long[]> CPP_SEED1 = cppSeed1Results();

  static Stream<String> cases() throws IOException {
    return Reference.outputCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesCppOutputs(String name) throws IOException {
    // e.g. BTPM_6_3_3_30_1200_seed1 or BTWeighted_6_3_3_30_1200_bw100_seed1
    String[] f = name.split("_");
    Approach approach = Approach.parse(f[0]);
    int k = Integer.parseInt(f[1]);
    int m = Integer.parseInt(f[2]);
    int lambda = Integer.parseInt(f[3]);
    int nodes = Integer.parseInt(f[4]);
    int stripes = Integer.parseInt(f[5]);
    CodeParams code = CodeParams.of(k, m, k * lambda, m);
    String shape = k + "_" + m + "_" + lambda + "_" + nodes + "_" + stripes;
    int[][] pre = Reference.parsePlacement(Reference.text("pre_placement/pre_placement_" + shape + ".gz"));
    BandwidthProfile bw = null;
    if (f[6].startsWith("bw")) {
      bw = PlanFiles.readBandwidthProfile(
          Reference.file("bw_profile/bw_profile_" + nodes + "_" + f[6].substring(2) + "_1000"), nodes);
    }
    PlanningProblem problem = new PlanningProblem(code, nodes, pre, bw);

    TransitionPlan plan = approach.planner().plan(problem, Rng.exact(1));

    StringWriter post = new StringWriter();
    PlanFiles.writePostPlacement(post, plan);
    StringWriter meta = new StringWriter();
    PlanFiles.writeSgMeta(meta, plan);
    Reference.assertSameText(Reference.text("outputs/" + name + ".sg_meta.gz"), meta.toString(),
        name + ".sg_meta");
    Reference.assertSameText(Reference.text("outputs/" + name + ".post_placement.gz"), post.toString(),
        name + ".post_placement");
    long[] cpp = CPP_SEED1.get(shape + "_" + f[0]);
    if (cpp != null) {
      LoadStats loads = plan.loadStats();
      assertEquals(cpp[0], loads.maxLoad(), name + " max_load");
      assertEquals(cpp[1], loads.bandwidth(), name + " bandwidth");
    }
  }

  /** (k_m_lambda_N_S_APPROACH) -> {max_load, bandwidth} of BART's seed-1 runs. */
  private static Map<String, long[]> cppSeed1Results() {
    Map<String, long[]> results = new HashMap<>();
    String[] lines = Reference.text("cpp-timings.csv").split("\n");
    for (int i = 1; i < lines.length; i++) {
      // k_i,m_i,lambda,nodes,stripes,approach,seed,max_load,bandwidth,plan_ms,wall_s,peak_rss_kb
      String[] c = lines[i].split(",");
      if (c[6].equals("1")) {
        results.put(String.join("_", c[0], c[1], c[2], c[3], c[4], c[5]),
            new long[] {Long.parseLong(c[7]), Long.parseLong(c[8])});
      }
    }
    return results;
  }
}
