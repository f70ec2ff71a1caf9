package org.bart.namenode.transition;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.util.Time;
import org.bart.conf.BartConfigKeys;
import org.bart.namenode.cluster.AgentPool;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.cluster.TransitionAgents;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.hdfs.HdfsNamespace;
import org.bart.namenode.hdfs.InodePaths;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.metadata.BatchStore;
import org.bart.namenode.metadata.StateOwnership;
import org.bart.namenode.metadata.UntrustedStateException;
import org.bart.report.BatchSummary;
import org.bart.report.SkippedFile;
import org.bart.report.TransitionReport;

/**
 * One transition of a tree (DESIGN.md §5): recover what an earlier run left, then batch after
 * batch discover (streaming the tree), plan, stage, verify, commit and clean up ({@link
 * BatchRun}), each batch at most {@code dfs.bart.transition.batch.groups} wide groups. A failure
 * costs at most the batch it happens in: earlier batches stay committed, and a rerun skips what
 * is transitioned and recovers the failed batch (rolled back before its commit, forward after).
 * A {@link CoordinatorFaultInjector.SimulatedCrash} stops it on the spot, like a dead process.
 *
 * <p>The run addresses the tree by its inode ({@link TreeRoot}), so renaming the tree or a parent
 * during the run changes nothing for it. A batch that fails before its commit while some of its
 * files changed (deleted, renamed, written, reopened) is re-planned without them ({@link
 * BatchLeaveOut}); a file that changes after that is left out by the commit ({@link Committer}).
 * One that fails before its commit because HDFS moved a replica the plan read is re-planned from
 * where the replicas are now ({@link BatchRelocate}), up to {@value #MAX_RELOCATIONS} times in a
 * row.
 */
public final class TransitionJob {

  /** Batches re-planned in a row after HDFS moved replicas, before the run gives up. */
  static final int MAX_RELOCATIONS = 3;

  /** The coordinator's client, for discovery and the cluster view. */
  private final DistributedFileSystem dfs;
  /** The NameNode as the phases see it. */
  private final Namespace ns;
  /** The agents of a cluster view, connected. */
  private final Function<ClusterView, TransitionAgents> connect;
  private final Configuration conf;
  private final TransitionOptions options;
  private final InodePaths paths;
  private final JobProgress progress;
  private final AgentRegistry registry;
  private final int threads;
  private final StateOwnership trust;
  private final TreeRoot tree;
  /** The options with the tree as its inode path: what the phases act on. */
  private final TransitionOptions rooted;
  private final BatchStore store;
  private final PhaseClock clock;
  private final int batchGroups;
  private final TransitionReport report = new TransitionReport();
  private boolean anyTransitionedBefore;
  private long lastBatchTime;
  /** Batches re-planned in a row because HDFS moved replicas under them. */
  private int relocations;

  /**
   * @param dfs the coordinator's client, running as the HDFS superuser
   * @param trust who must own BART's state for it to be used (the user {@code dfs} runs as)
   * @param paths the current path of an inode (snapshots and encryption zones go by path)
   * @throws java.io.FileNotFoundException if the tree does not exist
   */
  public TransitionJob(DistributedFileSystem dfs, Configuration conf, TransitionOptions options,
      JobProgress progress, AgentRegistry registry, int threads, StateOwnership trust,
      InodePaths paths) throws IOException {
    this.dfs = dfs;
    this.ns = new HdfsNamespace(dfs, paths);
    this.connect = nodes -> new AgentPool(nodes, conf);
    this.conf = conf;
    this.options = options;
    this.paths = paths;
    this.progress = progress;
    this.registry = registry;
    this.threads = threads;
    this.trust = trust;
    this.tree = TreeRoot.of(ns, options.tree);
    if (tree == null) {
      throw new java.io.FileNotFoundException("path " + options.tree + " does not exist");
    }
    this.rooted = new TransitionOptions(tree.root, options.approach, options.lambda,
        options.bandwidthProfileText, options.dryRun, options.seed, options.batchGroups);
    this.store = new BatchStore(ns, tree.root, trust);
    this.clock = new PhaseClock(options.tree, progress);
    this.batchGroups = options.batchGroups > 0 ? options.batchGroups
        : conf.getInt(BartConfigKeys.TRANSITION_BATCH_GROUPS,
            BartConfigKeys.TRANSITION_BATCH_GROUPS_DEFAULT);
  }

  /** The run's report: totals and one summary per batch, filled in as it goes. */
  public TransitionReport report() {
    return report;
  }

  /**
   * Runs the transition, batch after batch. A failure's message names paths as under the tree
   * the operator named, not by the inode path the run used.
   */
  public void run() throws IOException {
    try {
      runBatches();
    } catch (UntrustedStateException e) {
      throw new UntrustedStateException(tree.displayAll(e.getMessage()));
    } catch (IOException e) {
      String named = e.getMessage() == null ? null : tree.displayAll(e.getMessage());
      if (named == null || named.equals(e.getMessage())) {
        throw e;
      }
      throw new IOException(named, e);
    }
  }

  private void runBatches() throws IOException {
    TransitionReport r = report;
    r.tree = options.tree;
    r.approach = options.approach.label();
    r.dryRun = options.dryRun;
    r.lambda = options.lambda;
    PlannerBound.check(options.approach, batchGroups, options.lambda);
    if (!options.dryRun) {
      clock.enter(Phase.RECOVER);
      r.recovery = String.join("; ",
          new Recovery(ns, tree.root, store, trust).run(r.notCommitted));
      shownAsNamed(r.notCommitted);
      r.addPhase("recover", clock.elapsed());
      clock.after(Phase.RECOVER);
    }
    ClusterView nodes = ClusterView.of(dfs, registry);
    Set<String> withAgents = nodes.uuids();
    Discovery discovery = new Discovery(dfs, withAgents, tree.root, options.lambda,
        path -> currentPath() + path.substring(tree.root.length()));
    BatchSource batches = new BatchSource(discovery, options.lambda,
        batchGroups * options.lambda, PlannerBound.maxStripes(options.approach), this::skip);
    for (int n = 1; ; n++) {
      progress.startBatch(n);
      clock.enter(Phase.DISCOVER);
      List<CandidateFile> files = batches.next();
      long discoverMs = clock.elapsed();
      r.addPhase("discover", discoverMs);
      clock.after(Phase.DISCOVER);
      if (files.isEmpty()) {
        break;
      }
      BatchRun batch = new BatchRun(ns, connect, conf, rooted, progress, clock, trust, store,
          threads, nextBatchId());
      BatchSummary summary = new BatchSummary();
      summary.phases.add(new TransitionReport.PhaseTime("discover", discoverMs));
      summary.outcome = "failed: rolled back";
      boolean replanned = false;
      try {
        batch.run(files, files.get(0).policy, nodes);
        relocations = 0;
        summary.outcome = options.dryRun ? "planned" : "committed";
        progress.batchesCommitted.addAndGet(options.dryRun ? 0 : 1);
      } catch (IOException | RuntimeException e) {
        if (clock.crashed() || batch.verified()) {
          summary.outcome = "failed: the next run recovers it";
          throw e;
        }
        boolean mayReplan = e instanceof IOException && !options.dryRun;
        replanned = mayReplan && BatchLeaveOut.changedFiles(ns, files, batches, this::leaveOut);
        if (replanned) {
          summary.outcome = "rolled back: files changed during the run (" + e.getMessage()
              + "); the others are re-planned without them";
        } else if (mayReplan && relocations < MAX_RELOCATIONS && BatchRelocate.movedReplicas(
            files, path -> BlockGroup.of(dfs.getClient(), path),
            groups -> Discovery.checkGroups(groups, withAgents), batches, this::leaveOut)) {
          replanned = true;
          relocations++;
          summary.outcome = "rolled back: HDFS moved replicas it read (" + e.getMessage()
              + "); re-planned from where they are now";
        } else {
          throw e;
        }
      } finally {
        summary.id = batch.report().batchId;
        if (replanned) {
          r.addRolledBackBatch(batch.report(), summary);
        } else {
          r.addBatch(batch.report(), summary);
        }
        shownAsNamed(r.notCommitted);
      }
    }
    for (Map.Entry<String, Discovery.ClassRefusal> e : discovery.refusedPolicies().entrySet()) {
      r.refuseClass(e.getKey(), e.getValue().files, e.getValue().reason);
    }
    if (r.batches.isEmpty() && r.recovery.isEmpty() && !anyTransitionedBefore) {
      throw new IOException("nothing to transition under " + options.tree + ": "
          + summarize(r.skipped, r.filesSkipped));
    }
  }

  /** Where the tree is now, whatever was renamed since the run began. */
  public String currentPath() throws IOException {
    String now = paths.pathOf(tree.id);
    if (now == null) {
      throw new java.io.FileNotFoundException(options.tree + " (inode " + tree.id
          + ") was deleted during the run");
    }
    return now;
  }

  private void leaveOut(SkippedFile f) {
    f.path = tree.display(f.path);
    report.notCommitted.add(f);
  }

  /** Paths in the report as under the tree the operator named, not its inode path. */
  private void shownAsNamed(List<SkippedFile> files) {
    for (SkippedFile f : files) {
      f.path = tree.display(f.path);
    }
  }

  private void skip(SkippedFile f) {
    f.path = tree.display(f.path);
    report.skip(f);
    anyTransitionedBefore |= f.reason.startsWith(Discovery.ALREADY_TRANSITIONED);
  }

  /** A batch id later than every earlier one of this run ("b" and the time in ms). */
  private String nextBatchId() {
    lastBatchTime = Math.max(Time.now(), lastBatchTime + 1);
    return "b" + lastBatchTime;
  }

  private static String summarize(List<SkippedFile> skipped, int total) {
    if (skipped.isEmpty()) {
      return "no files";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(5, skipped.size()); i++) {
      sb.append(i == 0 ? "" : "; ").append(skipped.get(i).path).append(": ")
          .append(skipped.get(i).reason);
    }
    if (total > 5) {
      sb.append("; and ").append(total - 5).append(" more");
    }
    return sb.toString();
  }
}
