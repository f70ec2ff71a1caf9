package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bart.datanode.wide.TestSeed;
import org.bart.fake.FakeCluster;
import org.bart.fake.FakeReplica;
import org.bart.fake.ParallelCases;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.report.SkippedFile;
import org.junit.jupiter.api.Test;

/**
 * HDFS moves a replica a transition plans to read (as the Balancer does), or loses one, just
 * before each state-changing call up to the batch's verified record: the batch is rolled back
 * and re-planned from where the replicas are now. A moved replica costs nothing: every file is
 * committed. A lost one leaves its file out with why (HDFS rebuilds it; a later run takes it),
 * and the other files are committed.
 */
class BatchRelocateTest {

  private static final String TREE = "/data";
  private static final int[] GROUPS = {3, 3, 3};
  private static final int MOVED = 1;

  private final Random random = TestSeed.forClass(BatchRelocateTest.class);
  private final long treeSeed = random.nextLong();
  private final int planSeed = random.nextInt(Integer.MAX_VALUE);

  /** Which internal block of the file's first block group HDFS moves or loses. */
  private enum Unit {
    DATA(0), PARITY(FakeTree.K);

    final int index;

    Unit(int index) {
      this.index = index;
    }
  }

  @Test
  void aReplicaMovedBeforeAnyStepUntilTheBatchIsVerifiedIsReadWhereItWent() throws Exception {
    int verified = verifiedRecordStep();
    List<Callable<Void>> cases = new ArrayList<>();
    for (Unit unit : Unit.values()) {
      for (int c = 1; c <= verified; c++) {
        int step = c;
        cases.add(() -> {
          String where = unit + " block moved before step " + step + " " + TestSeed.reproduce();
          Run run = new Run();
          long id = run.blockOf(unit);
          int to = run.nodeOutsideTheGroup();
          run.cluster.beforeStep(run.cluster.steps() + step, () -> {
            try {
              run.cluster.move(id, to);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
          assertEquals(new ArrayList<SkippedFile>(), run.transition(), where);
          new TreeState(run.cluster, run.tree, where).assertCommitted();
          return null;
        });
      }
    }
    ParallelCases.run(cases);
  }

  @Test
  void aReplicaLostBeforeAnyStepUntilTheBatchIsVerifiedLeavesItsFileOutOrWasReadAlready()
      throws Exception {
    int verified = verifiedRecordStep();
    List<Callable<Boolean>> cases = new ArrayList<>();
    for (Unit unit : new Unit[] {Unit.DATA}) { // a lost parity block is left out the same way
      for (int c = 1; c <= verified; c++) {
        int step = c;
        cases.add(() -> {
          String where = unit + " block lost before step " + step + " " + TestSeed.reproduce();
          Run run = new Run();
          long id = run.blockOf(unit);
          int holder = run.cluster.location(id);
          FakeReplica lost = run.cluster.replica(holder, id);
          run.cluster.beforeStep(run.cluster.steps() + step, () -> run.cluster.lose(id));
          List<SkippedFile> notCommitted = run.transition();
          TreeState state = new TreeState(run.cluster, run.tree, where);
          if (notCommitted.isEmpty()) { // lost after the batch had read it
            state.assertCommitted();
            return false;
          }
          assertEquals(1, notCommitted.size(), where);
          assertEquals(run.moved.path, notCommitted.get(0).path, where);
          assertTrue(notCommitted.get(0).reason.startsWith("block group 0 has no live replica of "
              + "internal block " + unit.index), where + ": " + notCommitted.get(0).reason);
          // HDFS rebuilds the lost block of the file left as it was
          run.cluster.put(holder, id, run.firstGroup().group().getGenerationStamp(), lost.bytes());
          state.assertCommittedBut(run.moved, 2); // the other 6 stripes make 2 groups
          return true;
        });
      }
    }
    int leftOut = 0;
    for (boolean out : ParallelCases.run(cases)) {
      leftOut += out ? 1 : 0;
    }
    assertTrue(leftOut >= 1, "a block lost before the first step is never read: " + leftOut
        + " runs left the file out");
  }

  /** The step (from 1) that writes the batch's verified record in a run where nothing moves. */
  private int verifiedRecordStep() throws Exception {
    Run clean = new Run();
    clean.cluster.logSteps();
    long before = clean.cluster.steps();
    assertEquals(new ArrayList<SkippedFile>(), clean.transition());
    List<String> log = clean.cluster.stepLog();
    assertEquals(clean.cluster.steps() - before, log.size());
    int records = 0;
    for (int s = 0; s < log.size(); s++) {
      if (log.get(s).startsWith("write ") && log.get(s).endsWith("/batch.tmp") && ++records == 2) {
        return s + 1;
      }
    }
    throw new AssertionError("no verified record in " + log);
  }

  /** One transition of a fresh tree of the test's seed. */
  private final class Run {
    final FakeCluster cluster = new FakeCluster(TransitionPhasesTest.DATANODES, true);
    final FakeTree tree;
    final FakeTree.Written moved;

    Run() throws IOException {
      tree = new FakeTree(cluster, TREE, GROUPS, new Random(treeSeed));
      moved = tree.files.get(MOVED);
    }

    BlockGroup firstGroup() {
      for (CandidateFile f : tree.candidates()) {
        if (f.path.equals(moved.path)) {
          return f.groups.get(0);
        }
      }
      throw new AssertionError("no candidate " + moved.path);
    }

    long blockOf(Unit unit) {
      return firstGroup().group().getBlockId() + unit.index;
    }

    /** The first DataNode holding no internal block of the file's first group. */
    int nodeOutsideTheGroup() {
      BlockGroup g = firstGroup();
      Set<Integer> holders = new HashSet<>();
      for (int i = 0; i < g.width(); i++) {
        holders.add(cluster.location(g.group().getBlockId() + i));
      }
      for (int n = 0; n < cluster.size(); n++) {
        if (!holders.contains(n)) {
          return n;
        }
      }
      throw new AssertionError("every DataNode holds a block of " + moved.path);
    }

    List<SkippedFile> transition() throws IOException {
      return FakeTransition.runLeavingOutChanges(cluster, cluster.start(), tree, planSeed);
    }
  }
}
