package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.bart.admin.TransitionRunner;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.transition.CoordinatorFaultInjector;
import org.bart.namenode.transition.Phase;
import org.bart.report.BatchSummary;
import org.bart.report.TransitionReport;
import org.bart.testing.ClusterChecks;
import org.bart.testing.Poll;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13: a tree larger than one batch ({@code dfs.bart.transition.batch.groups} = 1, lambda 2:
 * two stripes a batch) is transitioned batch after batch, each committed before the next; a crash
 * in batch 2 leaves batch 1 committed and the rerun finishes with nothing left over.
 */
class BatchedTransitionIT {

  private static SmallCluster small;
  private static int trees;

  @BeforeAll
  static void start() throws Exception {
    small = new SmallCluster(EmbeddedCluster.builder()
        .set(BartConfigKeys.TRANSITION_BATCH_GROUPS, "1"));
  }

  @AfterAll
  static void stop() {
    if (small != null) {
      small.close();
    }
  }

  @AfterEach
  void noFaults() {
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector());
  }

  /** f0 and f1 hold two block groups each, f2 and f3 one: batches {f0}, {f1}, {f2, f3}. */
  @Test
  void aTreeLargerThanOneBatchIsCommittedBatchByBatch() throws Exception {
    String tree = "/batched" + (trees++);
    Map<String, byte[]> contents = small.writeTree(tree, SmallCluster.SEED + 7L * trees);
    long rawBefore = rawBytes(tree);
    long oldParity = parityBytes(contents);
    Map<String, FileChecksum> checksums = checksums(contents);

    TransitionRunner.Outcome o = small.transition(tree, 2);
    assertTrue(o.succeeded, o.error);
    TransitionReport r = o.report;
    assertEquals(3, r.batches.size(), "one wide group per batch");
    List<Integer> files = new ArrayList<>();
    for (BatchSummary b : r.batches) {
      assertEquals("committed", b.outcome, b.id);
      assertEquals(1, b.wideGroups, b.id);
      assertEquals(2, b.stripes, b.id);
      assertEquals(b.predictedBandwidth, b.measuredBandwidth, b.id);
      files.add(b.files);
    }
    assertEquals(List.of(1, 1, 2), files);
    assertEquals(4, r.filesCommitted);
    assertEquals(3, r.wideGroups);
    assertEquals(6, r.stripes);
    assertEquals(sumOf(r.batches, true), r.predictedMaxLoad,
        "the run's max_load is the sum of its batches'");
    assertEquals(sumOf(r.batches, false), r.measuredMaxLoad);

    checkTransitioned(tree, contents);
    assertEquals(checksums, checksums(contents), "composite CRC of every file unchanged");
    long rawAfter = rawBytes(tree);
    assertEquals(rawBefore, r.rawBytesBefore, "raw bytes before, as the NameNode counts them");
    assertEquals(rawAfter, r.rawBytesAfter, "raw bytes after, as the NameNode counts them");
    assertEquals(oldParity - newParity(tree), rawBefore - rawAfter,
        "exactly the old parity is freed, less the new wide parity");
    assertTrue(rawAfter < rawBefore);
  }

  /**
   * The coordinator dies in batch 2: after its staging (rolled back by the rerun) or after the
   * first file of its commit (rolled forward). Batch 1 stays committed throughout.
   */
  @ParameterizedTest
  @ValueSource(strings = {"STAGE", "COMMIT-FIRST-FILE"})
  void aCrashInBatchTwoKeepsBatchOneAndTheRerunFinishes(String killPoint) throws Exception {
    String tree = "/batchcrash" + (trees++);
    Map<String, byte[]> contents = small.writeTree(tree, SmallCluster.SEED + 7L * trees);
    Map<String, FileChecksum> checksums = checksums(contents);
    AtomicInteger stages = new AtomicInteger();
    AtomicInteger commits = new AtomicInteger();
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void afterPhase(String t, Phase phase) {
        if (killPoint.equals("STAGE") && phase == Phase.STAGE && stages.incrementAndGet() == 2) {
          throw new SimulatedCrash("after staging batch 2");
        }
      }

      @Override
      public void afterFileCommit(String path) {
        if (killPoint.equals("COMMIT-FIRST-FILE") && commits.incrementAndGet() == 2) {
          throw new SimulatedCrash("after committing " + path + " (batch 2)");
        }
      }
    });
    TransitionRunner.Outcome crashed = small.transition(tree, 2);
    assertFalse(crashed.succeeded);
    assertTrue(crashed.error.contains("simulated coordinator crash"), crashed.error);
    assertEquals(2, crashed.report.batches.size());
    assertEquals("committed", crashed.report.batches.get(0).outcome);
    assertEquals("failed: the next run recovers it", crashed.report.batches.get(1).outcome);
    checkReadable(contents);
    assertEquals("RS-LEGACY-2-0-64k", policyOf(tree + "/f0"), "batch 1 stays committed");
    assertEquals(killPoint.equals("STAGE") ? small.narrow.getName() : "RS-LEGACY-2-0-64k",
        policyOf(tree + "/f1"));
    assertEquals(small.narrow.getName(), policyOf(tree + "/f2"), "batch 3 never started");

    CoordinatorFaultInjector.set(new CoordinatorFaultInjector());
    TransitionRunner.Outcome rerun = small.transition(tree, 2);
    assertTrue(rerun.succeeded, rerun.error);
    assertTrue(rerun.report.recovery.contains(killPoint.equals("STAGE")
        ? "rolled back" : "commit finished"), rerun.report.recovery);
    assertEquals(killPoint.equals("STAGE") ? 2 : 1, rerun.report.batches.size(),
        "the rerun transitions only what is left");
    checkTransitioned(tree, contents);
    assertEquals(checksums, checksums(contents), "composite CRC of every file unchanged");
  }

  /** Every file reads its bytes under its data-only policy; nothing of BART is left over. */
  private static void checkTransitioned(String tree, Map<String, byte[]> contents)
      throws Exception {
    checkReadable(contents);
    for (String p : contents.keySet()) {
      assertEquals("RS-LEGACY-2-0-64k", policyOf(p), p);
    }
    assertEquals(3, WideGroups.check(small.dfs(), tree, contents),
        "one parity file per wide group, no stray one");
    Path staging = new Path(tree + "/.bart/staging");
    assertTrue(!small.dfs().exists(staging) || small.dfs().listStatus(staging).length == 0,
        "no staging (twins, records) left");
    assertFalse(small.dfs().exists(new Path(tree + "/.bart/ghosts")), "no ghost members");
    int blockGroups = 0;
    for (String p : contents.keySet()) {
      blockGroups += BlockGroup.of(small.dfs().getClient(), p).size();
    }
    assertEquals(6, blockGroups, "the NameNode holds each file's block groups once");
    Poll.until("no replica left that the NameNode does not know", 60_000,
        small::knowsEveryReplica);
  }

  private static void checkReadable(Map<String, byte[]> contents) throws Exception {
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(small.dfs(), new Path(e.getKey())),
          e.getKey() + " (seed " + SmallCluster.SEED + ")");
    }
  }

  private static Map<String, FileChecksum> checksums(Map<String, byte[]> contents)
      throws Exception {
    Map<String, FileChecksum> out = new TreeMap<>();
    for (String p : contents.keySet()) {
      out.put(p, ClusterChecks.compositeCrc(small.cluster, p));
    }
    return out;
  }

  private static String policyOf(String path) throws Exception {
    return small.dfs().getErasureCodingPolicy(new Path(path)).getName();
  }

  /** Raw bytes of the tree's files and parity files, as the NameNode's block map says. */
  private static long rawBytes(String tree) throws Exception {
    long sum = 0;
    for (String p : filesUnder(tree)) {
      for (BlockGroup g : BlockGroup.of(small.dfs().getClient(), p)) {
        for (int i = 0; i < g.width(); i++) {
          sum += g.internalLength(i);
        }
      }
    }
    return sum + newParity(tree);
  }

  /** Bytes of the narrow parity blocks of {@code contents}' files (before the transition). */
  private static long parityBytes(Map<String, byte[]> contents) throws Exception {
    long sum = 0;
    for (String p : contents.keySet()) {
      for (BlockGroup g : BlockGroup.of(small.dfs().getClient(), p)) {
        for (int i = g.policy().getNumDataUnits(); i < g.width(); i++) {
          sum += g.internalLength(i);
        }
      }
    }
    return sum;
  }

  /** Bytes of the wide parity blocks of the tree. */
  private static long newParity(String tree) throws Exception {
    long sum = 0;
    for (String parity : WideGroups.parityFiles(small.dfs(), tree)) {
      for (LocatedBlock lb : small.dfs().getClient().getLocatedBlocks(parity, 0, Long.MAX_VALUE)
          .getLocatedBlocks()) {
        sum += lb.getBlockSize();
      }
    }
    return sum;
  }

  private static List<String> filesUnder(String tree) throws Exception {
    List<String> out = new ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus s : small.dfs().listStatus(new Path(tree))) {
      if (s.isFile()) {
        out.add(s.getPath().toUri().getPath());
      }
    }
    return out;
  }

  private static int sumOf(List<BatchSummary> batches, boolean predicted) {
    int sum = 0;
    for (BatchSummary b : batches) {
      sum += predicted ? b.predictedMaxLoad : b.measuredMaxLoad;
    }
    return sum;
  }
}
