package org.bart.plan;

import static org.bart.plan.CodeParamsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bart.plan.approach.Approach;
import org.junit.jupiter.api.Test;

/**
 * LSPM (issue 14) against BART's BTPM on BART's reference placements, scored by the project's transfer
 * derivation ({@link TransitionPlan#loadStats()}, which reproduces BART's numbers: ReferenceOutputsTest),
 * plus determinism, validity and the bandwidth-profile case.
 */
class LspmPlannerTest {

  private static final long SEED = TestSeed.of(14);

  /** The 12 reference placements with 1200 stripes, k_m_lambda_nodes. */
  private static final String[] REFERENCE = {
      "6_3_3_30", "6_3_3_60", "6_3_3_100", "4_2_2_30", "4_2_2_60", "4_2_2_100",
      "6_2_3_30", "6_2_3_60", "6_2_3_100", "10_4_2_30", "10_4_2_60", "10_4_2_100"};

  @Test
  void beatsBtpmOnTheReferencePlacements() {
    Map<String, long[]> btpm = btpmSeed1();
    long btpmTotal = 0;
    long lspmTotal = 0;
    StringBuilder table = new StringBuilder();
    for (String shape : REFERENCE) {
      PlanningProblem problem = reference(shape, null);
      LoadStats lspm = Approach.LSPM.planner().plan(problem, Rng.exact(1)).loadStats();
      long[] bt = btpm.get(shape);
      table.append(String.format("%n%-10s BTPM %3d / %4d   LSPM %3d / %4d", shape, bt[0], bt[1], lspm.maxLoad(),
          lspm.bandwidth()));
      assertTrue(lspm.maxLoad() <= bt[0], shape + ": max_load above BTPM's" + table);
      assertTrue(lspm.bandwidth() <= bt[1], shape + ": bandwidth above BTPM's" + table);
      btpmTotal += bt[0];
      lspmTotal += lspm.maxLoad();
    }
    assertTrue(lspmTotal <= 0.85 * btpmTotal, "total max_load " + lspmTotal + " vs BTPM " + btpmTotal + table);
  }

  @Test
  void sameSeedSameFiles() throws IOException {
    PlanningProblem problem = random(CodeParams.of(6, 3, 18, 3), 30, 600, null);
    Planner planner = Approach.LSPM.planner(200);
    String first = files(planner.plan(problem, Rng.exact(7)));
    String other = files(planner.plan(problem, Rng.exact(8)));
    assertEquals(first, files(planner.plan(problem, Rng.exact(7))), "seed " + SEED);
    assertNotEquals(first, other, "seed " + SEED);
  }

  @Test
  void everyGroupIsValid() {
    CodeParams[] codes = {CodeParams.of(6, 3, 18, 3), CodeParams.of(4, 2, 8, 2), CodeParams.of(6, 3, 12, 2),
        CodeParams.of(3, 2, 12, 1), CodeParams.of(10, 4, 20, 4)};
    for (CodeParams code : codes) {
      for (int nodes : new int[] {code.nF(), code.nF() + 3, 50}) {
        PlanningProblem problem = random(code, nodes, code.lambda() * 60, null);
        TransitionPlan plan = Approach.LSPM.planner(100).plan(problem, Rng.fast(SEED));
        String where = code + " N=" + nodes + ", seed " + SEED;
        Set<Integer> stripes = new HashSet<>();
        for (PlannedGroup g : plan.groups()) {
          Set<Integer> nodesOfGroup = new HashSet<>();
          for (int b = 0; b < code.nF(); b++) {
            assertTrue(nodesOfGroup.add(g.postNode(b)), where + ": two blocks of a wide stripe on one node");
          }
          for (int i = 0; i < g.numMembers(); i++) {
            assertTrue(stripes.add(g.member(i)), where + ": stripe in two groups");
          }
          assertEquals(EncodeMethod.PARITY_MERGE, g.method(), where);
        }
        assertEquals(problem.numStripes(), stripes.size(), where);
      }
    }
  }

  @Test
  void balancesTransferTimeAtLeastAsWellAsBtWeighted() throws IOException {
    for (String low : new String[] {"10", "100", "500"}) {
      BandwidthProfile profile = PlanFiles.readBandwidthProfile(
          Reference.file("bw_profile/bw_profile_30_" + low + "_1000"), 30);
      PlanningProblem problem = reference("6_3_3_30", profile);
      double btWeighted = Approach.BT_WEIGHTED.planner().plan(problem, Rng.exact(1)).loadStats()
          .weighted(profile).maxWeightedLoad();
      double lspm = Approach.LSPM.planner().plan(problem, Rng.exact(1)).loadStats().weighted(profile)
          .maxWeightedLoad();
      assertTrue(lspm <= btWeighted, "profile " + low + ": LSPM " + lspm + " vs BTWeighted " + btWeighted);
    }
  }

  @Test
  void onlyLspmTakesABudget() {
    assertEquals(Approach.LSPM, Approach.parse("LSPM"));
    assertMessage("only LSPM takes a time budget, not BTPM", () -> Approach.BTPM.planner(100));
    assertMessage("the LSPM time budget must not be negative, got -1", () -> Approach.LSPM.planner(-1));
    CodeParams code = CodeParams.of(4, 2, 4, 2);
    assertMessage("stripe grouping needs lambda = k_f / k_i >= 2",
        () -> Approach.LSPM.planner().plan(random(code, 8, 10, null), Rng.fast(SEED)));
  }

  private static PlanningProblem reference(String shape, BandwidthProfile profile) {
    String[] f = shape.split("_");
    int k = Integer.parseInt(f[0]);
    int m = Integer.parseInt(f[1]);
    int lambda = Integer.parseInt(f[2]);
    int nodes = Integer.parseInt(f[3]);
    int[][] pre = Reference.parsePlacement(Reference.text("pre_placement/pre_placement_" + shape + "_1200.gz"));
    return new PlanningProblem(CodeParams.of(k, m, k * lambda, m), nodes, pre, profile);
  }

  private static PlanningProblem random(CodeParams code, int nodes, int stripes, BandwidthProfile profile) {
    return new PlanningProblem(code, nodes, PlacementGenerator.generate(code, nodes, stripes, Rng.fast(SEED)),
        profile);
  }

  private static String files(TransitionPlan plan) throws IOException {
    StringWriter out = new StringWriter();
    PlanFiles.writePostPlacement(out, plan);
    out.write("--\n");
    PlanFiles.writeSgMeta(out, plan);
    return out.toString();
  }

  /** k_m_lambda_nodes -> {max_load, bandwidth} of BART's BTPM, seed 1 (cpp-timings.csv). */
  private static Map<String, long[]> btpmSeed1() {
    Map<String, long[]> results = new HashMap<>();
    String[] lines = Reference.text("cpp-timings.csv").split("\n");
    for (int i = 1; i < lines.length; i++) {
      // k_i,m_i,lambda,nodes,stripes,approach,seed,max_load,bandwidth,plan_ms,wall_s,peak_rss_kb
      String[] c = lines[i].trim().split(",");
      if (c[4].equals("1200") && c[5].equals("BTPM") && c[6].equals("1")) {
        results.put(String.join("_", c[0], c[1], c[2], c[3]), new long[] {Long.parseLong(c[7]),
            Long.parseLong(c[8])});
      }
    }
    return results;
  }
}
