package org.bart.namenode.transition;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.bart.fake.FakeCluster;
import org.bart.fake.FakeNamespace;
import org.bart.namenode.metadata.BatchStore;
import org.bart.namenode.metadata.StateOwnership;
import org.bart.plan.approach.Approach;
import org.bart.report.SkippedFile;
import org.bart.report.TransitionReport;

/**
 * Runs the coordinator's transition phases on a {@link FakeCluster}: what discovery would have
 * found is set from a {@link FakeTree}, then the job plans (LSPM, seeded), stages, verifies,
 * commits and cleans up through the process's seams; and recovery as the next run starts it.
 */
final class FakeTransition {

  static final StateOwnership TRUST = new StateOwnership(FakeNamespace.SUPERUSER);
  static final int LAMBDA = 3;

  private FakeTransition() {
  }

  /** Transitions {@code tree} as a coordinator process {@code p}; returns the finished job. */
  static TransitionJob run(FakeCluster cluster, FakeCluster.Process p, FakeTree tree, long seed)
      throws IOException {
    return run(cluster, p, tree.tree, tree.candidates(), FakeTree.POLICY, Approach.LSPM,
        LAMBDA, seed);
  }

  /** Transitions {@code files} (all of {@code policy}) of {@code tree} with {@code approach}. */
  static TransitionJob run(FakeCluster cluster, FakeCluster.Process p, String tree,
      List<CandidateFile> files, ErasureCodingPolicy policy, Approach approach, int lambda,
      long seed) throws IOException {
    TransitionOptions options = new TransitionOptions(tree, approach, lambda, null, false, seed);
    TransitionJob job = new TransitionJob(null, p.namespace(), nodes -> p.agents(), options,
        new JobProgress(), null, 2, TRUST);
    TransitionContext ctx = job.ctx;
    ctx.nodes = cluster.view();
    ctx.narrowPolicy = policy;
    ctx.table = new StripeTable(files, ctx.nodes);
    ctx.report.filesTransitioned = files.size();
    ctx.report.stripes = ctx.table.stripes.size();
    long start = System.nanoTime();
    job.plan();
    ctx.report.phases.add(new TransitionReport.PhaseTime("plan",
        (System.nanoTime() - start) / 1_000_000));
    job.execute();
    return job;
  }

  /** What the next run's recovery does with the batches of {@code tree}. */
  static List<String> recover(FakeCluster.Process p, String tree, List<SkippedFile> notCommitted)
      throws IOException {
    BatchStore store = new BatchStore(p.namespace(), tree, TRUST);
    return new Recovery(p.namespace(), tree, store, TRUST).run(notCommitted);
  }
}
