package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bart.datanode.wide.TestSeed;
import org.bart.fake.FakeCluster;
import org.bart.namenode.transition.CoordinatorFaultInjector.SimulatedCrash;
import org.bart.plan.approach.Approach;
import org.bart.report.SkippedFile;
import org.junit.jupiter.api.Test;

/**
 * A re-encoded batch (BWRE) with a coordinator crash before each of its state-changing calls,
 * among them the parity parts' creation, the encodes, the concatenations and the renames into the
 * groups directory: recovery rolls it back while its record does not say it is committing
 * (nothing of BART's left, no parity part or replica orphaned) and a rerun finishes it, or rolls
 * it forward from then on.
 */
class ReEncodeCrashTest {

  private static final String TREE = "/data";
  private static final int[] GROUPS = {4, 2, 3};

  private final Random random = TestSeed.forClass(ReEncodeCrashTest.class);
  private final long treeSeed = random.nextLong();
  private final int planSeed = random.nextInt(Integer.MAX_VALUE);

  @Test
  void aCrashBeforeAnyStepOfAReEncodedBatchLeavesTheOldOrTheNewLayout() throws Exception {
    FakeCluster clean = new FakeCluster(TransitionPhasesTest.DATANODES, true);
    FakeTree cleanTree = new FakeTree(clean, TREE, GROUPS, new Random(treeSeed));
    clean.logSteps();
    run(clean, clean.start(), cleanTree);
    List<String> log = clean.stepLog();
    List<Integer> published = new ArrayList<>();
    int encodes = 0;
    for (int s = 0; s < log.size(); s++) {
      if (log.get(s).startsWith("replace ") && log.get(s).endsWith("/batch")) {
        published.add(s + 1);
      }
      encodes += log.get(s).startsWith("encode ") ? 1 : 0;
    }
    assertEquals(4, published.size(), "records staging, verified, committing, done: " + log);
    int committing = published.get(2);
    assertEquals(3, encodes, "one encode per wide group: " + log);
    int rolledBack = 0;
    for (int c = 1; c <= log.size(); c++) {
      String where = "crash before step " + c + " of " + log.size() + " (" + log.get(c - 1)
          + ") " + TestSeed.reproduce();
      FakeCluster cluster = new FakeCluster(TransitionPhasesTest.DATANODES, true);
      FakeTree tree = new FakeTree(cluster, TREE, GROUPS, new Random(treeSeed));
      cluster.crashBeforeStep(cluster.steps() + c);
      FakeCluster.Process dead = cluster.start();
      assertThrows(SimulatedCrash.class, () -> run(cluster, dead, tree), where);
      List<SkippedFile> notCommitted = new ArrayList<>();
      FakeTransition.recover(cluster.start(), TREE, notCommitted);
      TreeState state = new TreeState(cluster, tree, where);
      if (c <= committing) {
        state.assertRolledBack();
        rolledBack++;
        run(cluster, cluster.start(), tree);
      }
      state.assertCommitted();
      assertEquals(new ArrayList<SkippedFile>(), notCommitted, where);
    }
    assertTrue(rolledBack > 0);
    assertEquals(committing, rolledBack);
  }

  private BatchRun run(FakeCluster cluster, FakeCluster.Process p, FakeTree tree)
      throws IOException {
    return FakeTransition.run(cluster, p, tree.tree, tree.candidates(), FakeTree.POLICY,
        Approach.BWRE, FakeTransition.LAMBDA, planSeed);
  }
}
