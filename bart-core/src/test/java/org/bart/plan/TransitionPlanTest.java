package org.bart.plan;

import static org.bart.plan.CodeParamsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's invariants, on a (2,1) -> (4,1) example with two groups of two stripes. */
class TransitionPlanTest {

  private static final CodeParams CODE = CodeParams.of(2, 1, 4, 1);
  // stripe s: data on 2 nodes, parity on one
  private static final PlanningProblem PROBLEM = new PlanningProblem(CODE, 6,
      new int[][] {{0, 1, 2}, {2, 3, 4}, {0, 5, 1}, {3, 4, 5}}, null);

  private static PlannedGroup merge(int a, int b, int enc, int... post) {
    return new PlannedGroup(new int[] {a, b}, EncodeMethod.PARITY_MERGE, new int[] {enc}, post);
  }

  @Test
  void acceptsAValidPlan() {
    TransitionPlan plan = new TransitionPlan("hand", PROBLEM,
        Arrays.asList(merge(0, 1, 2, 0, 1, 5, 3, 2), merge(2, 3, 4, 0, 5, 3, 2, 4)));
    assertEquals(2, plan.groups().size());
    assertEquals("hand", plan.approach());
  }

  @Test
  void everyStripeInExactlyOneGroup() {
    assertMessage("hand: group 1: stripe 0 is already in group 0", () -> new TransitionPlan("hand", PROBLEM,
        Arrays.asList(merge(0, 1, 2, 0, 1, 5, 3, 2), merge(0, 3, 4, 0, 5, 3, 2, 4))));
    assertMessage("hand: expected 2 groups, got 1", () -> new TransitionPlan("hand", PROBLEM,
        Arrays.asList(merge(0, 1, 2, 0, 1, 5, 3, 2))));
  }

  @Test
  void wideBlocksOnDistinctNodes() {
    assertMessage("hand: group 0: invalid final block placement: blocks 2 and 4 are both on node 2",
        () -> new TransitionPlan("hand", PROBLEM,
            Arrays.asList(merge(0, 1, 2, 0, 1, 2, 3, 2), merge(2, 3, 4, 0, 5, 3, 2, 4))));
  }

  @Test
  void reEncodingHasOneNode() {
    PlanningProblem wide = new PlanningProblem(CodeParams.of(2, 2, 4, 2), 7,
        new int[][] {{0, 1, 2, 3}, {4, 5, 6, 0}}, null);
    PlannedGroup twoNodes = new PlannedGroup(new int[] {0, 1}, EncodeMethod.RE_ENCODE, new int[] {2, 3},
        new int[] {0, 1, 4, 5, 2, 3});
    assertMessage("a re-encoded group has one encoding node, got 2 and 3",
        () -> new TransitionPlan("hand", wide, Arrays.asList(twoNodes)));
  }

  @Test
  void transferTasksFollowBartsRules() {
    // Group 0 merges parities on nodes 2 and 4 at node 2 (one fetch), keeps data on 0,1,2,3 but node 2 also
    // holds the new parity, so the parity moves to 5. Group 1 re-encodes at node 0.
    PlannedGroup g0 = merge(0, 1, 2, 0, 1, 2, 3, 5);
    PlannedGroup g1 = new PlannedGroup(new int[] {2, 3}, EncodeMethod.RE_ENCODE, new int[] {0},
        new int[] {0, 5, 3, 4, 1});
    TransitionPlan plan = new TransitionPlan("hand", PROBLEM, Arrays.asList(g0, g1));
    List<TransferTask> tasks = plan.transferTasks();
    assertEquals("[PARITY_FETCH(group 0, block 4: 4 -> 2), RELOCATION(group 0, block 4: 2 -> 5),"
        + " DATA_FETCH(group 1, block 1: 5 -> 0), DATA_FETCH(group 1, block 2: 3 -> 0),"
        + " DATA_FETCH(group 1, block 3: 4 -> 0), RELOCATION(group 1, block 4: 0 -> 1)]", tasks.toString());
    LoadStats loads = plan.loadStats();
    assertEquals(6, loads.bandwidth());
    assertEquals(3, loads.maxLoad(), "node 0 downloads 3 data blocks (uploads are counted apart)");
  }
}
