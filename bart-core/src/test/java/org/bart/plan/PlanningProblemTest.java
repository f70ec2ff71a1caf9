package org.bart.plan;

import static org.bart.plan.CodeParamsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlanningProblemTest {

  private static final CodeParams CODE = CodeParams.of(2, 1, 4, 1); // lambda 2, n_i 3, n_f 5

  @Test
  void acceptsAValidProblemAndCopiesIt() {
    int[][] stripes = {{0, 1, 2}, {3, 4, 0}};
    PlanningProblem p = new PlanningProblem(CODE, 5, stripes, null);
    stripes[0][0] = 4;
    assertEquals(0, p.node(0, 0));
    assertEquals(2, p.numStripes());
  }

  @Test
  void needsNFNodes() {
    assertMessage("need at least max(n_i, n_f) = 5 nodes", () -> new PlanningProblem(CODE, 4,
        new int[][] {{0, 1, 2}, {1, 2, 3}}, null));
  }

  @Test
  void stripeCountMustBeAMultipleOfLambda() {
    assertMessage("positive multiple of lambda = 2, got 1", () -> new PlanningProblem(CODE, 5,
        new int[][] {{0, 1, 2}}, null));
  }

  @Test
  void everyStripeIsOnDistinctNodesInRange() {
    assertMessage("stripe 1: blocks 0 and 2 are both on node 3", () -> new PlanningProblem(CODE, 5,
        new int[][] {{0, 1, 2}, {3, 4, 3}}, null));
    assertMessage("stripe 0: node id 5 of block 1 is out of range [0, 5)", () -> new PlanningProblem(CODE, 5,
        new int[][] {{0, 5, 2}, {3, 4, 1}}, null));
    assertMessage("stripe 1: expected n_i = 3 node ids, got 2", () -> new PlanningProblem(CODE, 5,
        new int[][] {{0, 1, 2}, {3, 4}}, null));
  }

  @Test
  void bandwidthProfileCoversEveryNode() {
    BandwidthProfile three = new BandwidthProfile(new double[] {1, 2, 3}, new double[] {1, 2, 3});
    assertMessage("bandwidth profile has 3 nodes, the cluster has 5", () -> new PlanningProblem(CODE, 5,
        new int[][] {{0, 1, 2}, {3, 4, 0}}, three));
    assertMessage("download bandwidth of node 1 must be a positive finite number",
        () -> new BandwidthProfile(new double[] {1, 2}, new double[] {1, 0}));
  }
}
