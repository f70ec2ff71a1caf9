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
 * Recovery decisions, with a coordinator crash injected before every state-changing call a
 * transition makes to the NameNode or an agent: the next run's recovery must roll the batch back
 * while its record does not say it is committing (the originals untouched, nothing of BART's
 * left, and a rerun then finishes it) and roll it forward from then on; a crash of recovery
 * itself is recovered by the next run.
 */
class TransitionCrashTest {

  private static final String TREE = "/data";
  private static final int[] GROUPS = {4, 2, 3};

  private final Random random = TestSeed.forClass(TransitionCrashTest.class);
  private final long treeSeed = random.nextLong();
  private final int planSeed = random.nextInt(Integer.MAX_VALUE);

  @Test
  void aCrashBeforeAnyStepLeavesTheOldOrTheNewLayoutAndTheRerunFinishes() throws Exception {
    List<String> log = cleanRunSteps();
    int committing = committingRecordStep(log);
    int rolledBack = 0;
    for (int c = 1; c <= log.size(); c++) {
      String where = "crash before step " + c + " of " + log.size() + " (" + log.get(c - 1)
          + ") " + TestSeed.reproduce();
      Scenario s = crashedAt(c, where);
      List<SkippedFile> notCommitted = new ArrayList<>();
      FakeTransition.recover(s.cluster.start(), TREE, notCommitted);
      TreeState state = new TreeState(s.cluster, s.tree, where);
      if (c <= committing) {
        state.assertRolledBack();
        rolledBack++;
        runPlannedAtRandom(s.cluster, s.cluster.start(), s.tree, planSeed);
      }
      state.assertCommitted();
      assertEquals(new ArrayList<SkippedFile>(), notCommitted, where);
    }
    assertEquals(committing, rolledBack);
  }

  @Test
  void aCrashDuringRecoveryIsRecoveredByTheNextRun() throws Exception {
    int committing = committingRecordStep(cleanRunSteps());
    // Just before the batch says it is committing (roll back), and within the commit (forward).
    for (int c : new int[] {committing, committing + 3}) {
      String where = "crash before step " + c + " " + TestSeed.reproduce();
      Scenario counted = crashedAt(c, where);
      long before = counted.cluster.steps();
      FakeTransition.recover(counted.cluster.start(), TREE, new ArrayList<>());
      long recoverySteps = counted.cluster.steps() - before;
      assertTrue(recoverySteps > 0, where);
      for (long r = 1; r <= recoverySteps; r++) {
        String both = where + ", recovery crashed before its step " + r + " of " + recoverySteps;
        Scenario s = crashedAt(c, both);
        s.cluster.crashBeforeStep(s.cluster.steps() + r);
        FakeCluster.Process dying = s.cluster.start();
        assertThrows(SimulatedCrash.class,
            () -> FakeTransition.recover(dying, TREE, new ArrayList<>()), both);
        FakeTransition.recover(s.cluster.start(), TREE, new ArrayList<>());
        TreeState state = new TreeState(s.cluster, s.tree, both);
        if (c <= committing) {
          state.assertRolledBack();
          runPlannedAtRandom(s.cluster, s.cluster.start(), s.tree, planSeed);
        }
        state.assertCommitted();
      }
    }
  }

  /** The state-changing calls of a transition without crash, in order. */
  private List<String> cleanRunSteps() throws Exception {
    FakeCluster clean = new FakeCluster(TransitionPhasesTest.DATANODES, true);
    FakeTree cleanTree = new FakeTree(clean, TREE, GROUPS, new Random(treeSeed));
    clean.logSteps();
    long before = clean.steps();
    runPlannedAtRandom(clean, clean.start(), cleanTree, planSeed);
    List<String> log = clean.stepLog();
    assertEquals(clean.steps() - before, log.size());
    return log;
  }

  /** The step (from 1) that publishes the record saying the batch is committing. */
  private static int committingRecordStep(List<String> log) {
    List<Integer> published = new ArrayList<>();
    for (int s = 0; s < log.size(); s++) {
      if (log.get(s).startsWith("replace ") && log.get(s).endsWith("/batch")) {
        published.add(s + 1);
      }
    }
    assertEquals(4, published.size(), "records staging, verified, committing, done: " + log);
    return published.get(2);
  }

  /** The tree on a fresh cluster, after a transition that crashed before its step {@code c}. */
  private Scenario crashedAt(int c, String where) throws Exception {
    FakeCluster cluster = new FakeCluster(TransitionPhasesTest.DATANODES, true);
    FakeTree tree = new FakeTree(cluster, TREE, GROUPS, new Random(treeSeed));
    cluster.crashBeforeStep(cluster.steps() + c);
    FakeCluster.Process dead = cluster.start();
    assertThrows(SimulatedCrash.class, () -> runPlannedAtRandom(cluster, dead, tree, planSeed),
        where);
    return new Scenario(cluster, tree);
  }

  private static final class Scenario {
    final FakeCluster cluster;
    final FakeTree tree;

    Scenario(FakeCluster cluster, FakeTree tree) {
      this.cluster = cluster;
      this.tree = tree;
    }
  }

  /**
   * A run planned with RDPM: where a crash leaves the layout does not depend on the plan, and
   * LSPM's search (1000 moves per group) would take most of this test's time.
   */
  private static BatchRun runPlannedAtRandom(FakeCluster cluster, FakeCluster.Process p,
      FakeTree tree, long seed) throws IOException {
    return FakeTransition.run(cluster, p, tree.tree, tree.candidates(), FakeTree.POLICY,
        Approach.RDPM, FakeTransition.LAMBDA, seed);
  }
}
