package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bart.datanode.wide.TestSeed;
import org.bart.fake.FakeCluster;
import org.bart.namenode.transition.CoordinatorFaultInjector.SimulatedCrash;
import org.bart.report.SkippedFile;
import org.junit.jupiter.api.Test;

/**
 * Recovery decisions, with a coordinator crash injected before every state-changing call a
 * transition makes to the NameNode or an agent: the next run's recovery must roll the batch back
 * while its record does not say it is committing (the originals untouched, nothing of BART's
 * left, and a rerun then finishes it) and roll it forward from then on.
 */
class TransitionCrashTest {

  private static final String TREE = "/data";
  private static final int[] GROUPS = {4, 2, 3};

  @Test
  void aCrashBeforeAnyStepLeavesTheOldOrTheNewLayoutAndTheRerunFinishes() throws Exception {
    Random random = TestSeed.forClass(TransitionCrashTest.class);
    long treeSeed = random.nextLong();
    int planSeed = random.nextInt(Integer.MAX_VALUE);

    FakeCluster clean = new FakeCluster(TransitionPhasesTest.DATANODES, true);
    FakeTree cleanTree = new FakeTree(clean, TREE, GROUPS, new Random(treeSeed));
    clean.logSteps();
    long before = clean.steps();
    FakeTransition.run(clean, clean.start(), cleanTree, planSeed);
    List<String> log = clean.stepLog();
    assertEquals(clean.steps() - before, log.size());
    List<Integer> published = new ArrayList<>();
    for (int s = 0; s < log.size(); s++) {
      if (log.get(s).startsWith("replace ") && log.get(s).endsWith("/batch")) {
        published.add(s + 1);
      }
    }
    assertEquals(4, published.size(), "records staging, verified, committing, done: " + log);
    int committing = published.get(2);

    int rolledBack = 0;
    for (int c = 1; c <= log.size(); c++) {
      String where = "crash before step " + c + " of " + log.size() + " (" + log.get(c - 1)
          + ") " + TestSeed.reproduce();
      FakeCluster cluster = new FakeCluster(TransitionPhasesTest.DATANODES, true);
      FakeTree tree = new FakeTree(cluster, TREE, GROUPS, new Random(treeSeed));
      cluster.crashBeforeStep(cluster.steps() + c);
      FakeCluster.Process dead = cluster.start();
      assertThrows(SimulatedCrash.class, () -> FakeTransition.run(cluster, dead, tree, planSeed),
          where);

      List<SkippedFile> notCommitted = new ArrayList<>();
      FakeTransition.recover(cluster.start(), TREE, notCommitted);
      TreeState state = new TreeState(cluster, tree, where);
      if (c <= committing) {
        state.assertRolledBack();
        rolledBack++;
        FakeTransition.run(cluster, cluster.start(), tree, planSeed);
      }
      state.assertCommitted();
      assertEquals(new ArrayList<SkippedFile>(), notCommitted, where);
    }
    assertEquals(committing, rolledBack);
  }
}
