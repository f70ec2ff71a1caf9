package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.bart.fake.FakeCluster;
import org.bart.fake.FakeNamespace;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.metadata.BatchStore;
import org.bart.namenode.metadata.StateOwnership;
import org.bart.plan.approach.Approach;
import org.bart.report.SkippedFile;
import org.bart.report.TransitionReport;

/**
 * Runs the coordinator's transition phases on a {@link FakeCluster}: what discovery would have
 * found is set from a {@link FakeTree}, then one batch plans (LSPM, seeded), stages, verifies,
 * commits and cleans up through the process's seams; and recovery as the next run starts it.
 */
public final class FakeTransition {

  static final StateOwnership TRUST = new StateOwnership(FakeNamespace.SUPERUSER);
  static final int LAMBDA = 3;

  private FakeTransition() {
  }

  /** Transitions {@code tree} as a coordinator process {@code p}, in one batch; returns the finished batch. */
  public static BatchRun run(FakeCluster cluster, FakeCluster.Process p, FakeTree tree,
      long seed) throws IOException {
    return run(cluster, p, tree.tree, tree.candidates(), FakeTree.POLICY, Approach.LSPM,
        LAMBDA, seed);
  }

  /** Transitions {@code files} (all of {@code policy}) of {@code tree} with {@code approach}. */
  static BatchRun run(FakeCluster cluster, FakeCluster.Process p, String tree,
      List<CandidateFile> files, ErasureCodingPolicy policy, Approach approach, int lambda,
      long seed) throws IOException {
    TransitionOptions options = new TransitionOptions(tree, approach, lambda, null, false, seed, 0);
    JobProgress progress = new JobProgress();
    BatchRun batch = new BatchRun(p.namespace(), nodes -> p.agents(), new Configuration(false),
        options, progress, new PhaseClock(tree, progress), TRUST,
        new BatchStore(p.namespace(), tree, TRUST), 2, "b" + seed);
    batch.run(files, policy, cluster.view());
    return batch;
  }

  /**
   * Transitions {@code tree} as {@code TransitionJob} does, batch after batch from a {@link
   * BatchSource}: a batch that fails before its commit while some of its files changed is
   * re-planned without them ({@link BatchLeaveOut}), one whose replicas moved is re-planned from
   * where they are now ({@link BatchRelocate}). Plans with RDPM. Returns every file not
   * committed, with why.
   */
  static List<SkippedFile> runLeavingOutChanges(FakeCluster cluster, FakeCluster.Process p,
      FakeTree tree, long seed) throws IOException {
    Iterator<CandidateFile> found = tree.candidates().iterator();
    List<SkippedFile> notCommitted = new ArrayList<>();
    BatchSource source = new BatchSource(skipped -> found.hasNext() ? found.next() : null,
        LAMBDA, 1000, 10_000, notCommitted::add);
    // RDPM: what a change does to a run does not depend on the plan's quality, and LSPM's search
    // (1000 moves per group even for a batch of 3 groups) took most of TransitionChangesTest's time.
    TransitionOptions options = new TransitionOptions(tree.tree, Approach.RDPM, LAMBDA, null,
        false, seed, 0);
    JobProgress progress = new JobProgress();
    BatchStore store = new BatchStore(p.namespace(), tree.tree, TRUST);
    Map<String, List<BlockGroup>> planned = new HashMap<>();
    for (CandidateFile f : tree.candidates()) {
      planned.put(f.path, f.groups);
    }
    Set<String> withAgents = cluster.view().uuids();
    int relocations = 0;
    for (int n = 0; ; n++) {
      List<CandidateFile> files = source.next();
      if (files.isEmpty()) {
        return notCommitted;
      }
      BatchRun batch = new BatchRun(p.namespace(), nodes -> p.agents(), new Configuration(false),
          options, progress, new PhaseClock(tree.tree, progress), TRUST, store, 2,
          "b" + seed + "x" + n);
      try {
        batch.run(files, FakeTree.POLICY, cluster.view());
        relocations = 0;
        notCommitted.addAll(batch.report().notCommitted);
      } catch (IOException e) {
        if (batch.verified()) {
          throw e;
        }
        if (BatchLeaveOut.changedFiles(p.namespace(), files, source, notCommitted::add)) {
          continue;
        }
        if (relocations < TransitionJob.MAX_RELOCATIONS && BatchRelocate.movedReplicas(files,
            path -> FakeTree.locatedNow(cluster, planned.get(path)),
            groups -> Discovery.checkGroups(groups, withAgents), source, notCommitted::add)) {
          relocations++;
          continue;
        }
        throw e;
      }
    }
  }

  /** What the next run's recovery does with the batches of {@code tree}. */
  static List<String> recover(FakeCluster.Process p, String tree, List<SkippedFile> notCommitted)
      throws IOException {
    BatchStore store = new BatchStore(p.namespace(), tree, TRUST);
    return new Recovery(p.namespace(), tree, store, TRUST).run(notCommitted);
  }
}
