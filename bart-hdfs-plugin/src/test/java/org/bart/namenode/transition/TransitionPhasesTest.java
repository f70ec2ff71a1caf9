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
import org.bart.plan.approach.Approach;
import org.bart.report.GroupMethod;
import org.bart.report.SkippedFile;
import org.bart.report.TransitionReport;
import org.junit.jupiter.api.Test;

/**
 * The stage, verify and commit phases of a transition, run against the in-memory seams (no
 * cluster): the resulting namespace, replicas and wide parity are checked exactly.
 */
class TransitionPhasesTest {

  static final int DATANODES = 24;
  /** 6 + 3 stripes in 2 files + 1 = 3 wide groups of lambda 3. */
  static final int[] GROUPS = {4, 2, 3};

  private final Random random = TestSeed.forClass(TransitionPhasesTest.class);

  @Test
  void aTransitionCommitsEveryFileByteForByteInWideGroupsOfMergedParity() throws Exception {
    FakeCluster cluster = new FakeCluster(DATANODES, true);
    FakeTree tree = new FakeTree(cluster, "/data", GROUPS, random);
    TransitionReport r = FakeTransition.run(cluster, cluster.start(), tree,
        random.nextInt(Integer.MAX_VALUE)).report();
    new TreeState(cluster, tree, TestSeed.reproduce()).assertCommitted();
    assertEquals(9 * FakeTree.K, r.blocksRelabelled + r.blocksSent, "data blocks placed");
    assertEquals(r.blocksRelabelled, r.blocksLinked, "every relabel was a link");
    assertEquals(3 * FakeTree.M, r.parityBlocksMerged);
    assertEquals(3 * FakeTree.M, r.paritiesVerified);
    assertEquals(3, r.checksumsVerified);
    assertEquals(3, r.filesCommitted);
    assertEquals(new ArrayList<SkippedFile>(), r.notCommitted);
  }

  @Test
  void aReEncodedBatchCommitsEveryFileWithWideParityEncodedFromTheData() throws Exception {
    FakeCluster cluster = new FakeCluster(DATANODES, true);
    FakeTree tree = new FakeTree(cluster, "/data", GROUPS, random);
    TransitionReport r = FakeTransition.run(cluster, cluster.start(), tree.tree,
        tree.candidates(), FakeTree.POLICY, Approach.BWRE, FakeTransition.LAMBDA,
        random.nextInt(Integer.MAX_VALUE)).report();
    // TreeState checks each parity against the code the group records: the Cauchy one here.
    new TreeState(cluster, tree, TestSeed.reproduce()).assertCommitted();
    assertEquals("rs-legacy-wide k=6 m=3 lambda=3 reencode=cauchy", r.wideCode);
    assertEquals(0, r.parityBlocksMerged);
    assertEquals(3 * FakeTree.M, r.parityBlocksEncoded);
    assertEquals(3 * FakeTree.M, r.paritiesVerified);
    assertEquals(3, r.filesCommitted);
    assertEquals(0, r.groupsMerged);
    assertEquals(3, r.groupsReEncoded);
    long cost = 0;
    for (GroupMethod g : r.groupMethods) {
      assertEquals(GroupMethod.RE_ENCODE, g.method);
      assertEquals("BWRE", g.approach);
      assertEquals(1, g.computeNodes.size(), "one encoding node");
      assertEquals(g.fetched + g.relocated, g.cost);
      cost += g.cost;
    }
    assertEquals(3, r.groupMethods.size());
    assertEquals(r.predictedBandwidth, cost, "group costs add up to the plan's bandwidth");
  }

  @Test
  void aWrongReEncodedParityIsCaughtByVerifyAndTheBatchRolledBack() throws Exception {
    FakeCluster cluster = new FakeCluster(DATANODES, true);
    FakeTree tree = new FakeTree(cluster, "/data", GROUPS, random);
    FakeCluster.Process p = cluster.start();
    p.agents().corruptMerges();
    IOException e = assertThrows(IOException.class, () -> FakeTransition.run(cluster, p,
        tree.tree, tree.candidates(), FakeTree.POLICY, Approach.RDRE, FakeTransition.LAMBDA,
        random.nextInt(Integer.MAX_VALUE)));
    assertTrue(e.getMessage().contains("differs from a fresh encoding"), e.getMessage());
    new TreeState(cluster, tree, TestSeed.reproduce()).assertRolledBack();
  }

  @Test
  void partialBlockGroupsAndSubCellFilesTransitionWithTheirAbsentUnitsAsZeros() throws Exception {
    FakeCluster cluster = new FakeCluster(DATANODES, true);
    long cell = FakeTree.CELL;
    long row = FakeTree.K * cell;
    // 6 stripes: full groups, a tail of 2.5 cells, a 100-byte file, one of a row and a cell,
    // one of exactly one cell
    FakeTree tree = new FakeTree(cluster, "/data", new long[][] {
        {3 * row, 2 * row + 5, 2 * cell + cell / 2}, {100}, {row + cell}, {cell}}, random);
    TransitionReport r = FakeTransition.run(cluster, cluster.start(), tree,
        random.nextInt(Integer.MAX_VALUE)).report();
    new TreeState(cluster, tree, TestSeed.reproduce()).assertCommitted();
    int absent = 3 + 5 + 0 + 5; // data units without bytes: stored nowhere, placed nowhere
    assertEquals(6 * FakeTree.K - absent, r.blocksRelabelled + r.blocksSent, "data blocks placed");
    assertEquals(2 * FakeTree.M, r.paritiesVerified);
    assertEquals(4, r.filesCommitted);
  }

  @Test
  void aWrongWideParityIsCaughtByVerifyAndTheBatchRolledBack() throws Exception {
    FakeCluster cluster = new FakeCluster(DATANODES, true);
    FakeTree tree = new FakeTree(cluster, "/data", GROUPS, random);
    FakeCluster.Process p = cluster.start();
    p.agents().corruptMerges();
    IOException e = assertThrows(IOException.class,
        () -> FakeTransition.run(cluster, p, tree, random.nextInt(Integer.MAX_VALUE)));
    assertTrue(e.getMessage().contains("differs from its recomputation"), e.getMessage());
    new TreeState(cluster, tree, TestSeed.reproduce()).assertRolledBack();
  }

  @Test
  void aTwinWithOtherBytesIsCaughtByTheChecksumAndTheBatchRolledBack() throws Exception {
    FakeCluster cluster = new FakeCluster(DATANODES, true);
    FakeTree tree = new FakeTree(cluster, "/data", GROUPS, random);
    FakeCluster.Process p = cluster.start();
    p.agents().corruptRelabels();
    IOException e = assertThrows(IOException.class,
        () -> FakeTransition.run(cluster, p, tree, random.nextInt(Integer.MAX_VALUE)));
    assertTrue(e.getMessage().contains("differs from the original's"), e.getMessage());
    new TreeState(cluster, tree, TestSeed.reproduce()).assertRolledBack();
  }

  @Test
  void aFileTouchedBeforeCommitIsKeptAsAGhostMemberAndTheOthersCommit() throws Exception {
    FakeCluster cluster = new FakeCluster(DATANODES, true);
    FakeTree tree = new FakeTree(cluster, "/data", GROUPS, random);
    String touched = tree.files.get(1).path;
    CoordinatorFaultInjector old = CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void afterPhase(String t, Phase phase) {
        if (phase == Phase.VERIFY) {
          cluster.namespace().touch(touched);
        }
      }
    });
    TransitionReport r;
    try {
      r = FakeTransition.run(cluster, cluster.start(), tree, random.nextInt(Integer.MAX_VALUE))
          .report();
    } finally {
      CoordinatorFaultInjector.set(old);
    }
    List<SkippedFile> notCommitted = r.notCommitted;
    assertEquals(1, notCommitted.size(), notCommitted.toString());
    assertEquals(touched, notCommitted.get(0).path);
    assertTrue(notCommitted.get(0).reason.startsWith("modified since discovery"),
        notCommitted.get(0).reason);
    assertEquals(tree.files.get(1).fileId, cluster.namespace().inode(touched).id(),
        "the touched file is left as it is");
    assertEquals(1, cluster.namespace().walk("/data/.bart/ghosts").size(), "its twin, a ghost");
  }
}
