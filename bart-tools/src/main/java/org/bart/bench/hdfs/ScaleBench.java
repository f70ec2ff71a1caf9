package org.bart.bench.hdfs;

import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.bart.admin.TransitionRunner;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.EmbeddedCluster;
import org.bart.namenode.transition.CoordinatorFaultInjector;
import org.bart.namenode.transition.Phase;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.BatchSummary;
import org.bart.report.TransitionReport;

/**
 * The scale benchmark: does a transition's cost per stripe stay flat, and its memory bounded by
 * the batch, as the tree grows? One embedded HDFS (NameNode, coordinator and DataNodes all in
 * this JVM) gets, per tree size, a tree of RS-LEGACY(k,m) files (6,3 unless told) with small
 * one-cell blocks (block size = cell size), transitions it with lambda (3) and the run's batch bound
 * ({@code -batch-groups}), deletes it after, and measures per phase (summed over
 * the batches) the coordinator's time and the NameNode's RPC calls, and the heap growth over the
 * live heap before the run ({@link HeapMeter}, {@link PhaseProbe}). Every file's composite CRC
 * is compared before and after, so a run counts only if every byte survived. One more run, with
 * a small batch bound, shows what the heap growth follows.
 */
public final class ScaleBench {

  /** What to run. */
  public static final class Settings {
    /** Tree sizes in stripes (rounded up to whole files). */
    public List<Integer> trees = Arrays.asList(1000, 4000, 16000);
    public int batchGroups = BartConfigKeys.TRANSITION_BATCH_GROUPS_DEFAULT;
    /** Batch bound of the extra run (0: no extra run), on a tree of {@link #smallBatchTree}. */
    public int smallBatchGroups = 100;
    public int smallBatchTree = 4000;
    public int stripesPerFile = 24;
    public int cellSize = 4096;
    public int dataNodes = 24;
    public int writers = 4;
    public String approach = "LSPM";
    /** The RS-LEGACY geometry of the files and the stripes per wide group. */
    public int k = 6;
    public int m = 3;
    public int lambda = 3;
    public long seed = 1;
  }

  private static final Path TREE = new Path("/scale");
  private static final PrintStream NOWHERE = new PrintStream(new OutputStream() {
    @Override
    public void write(int b) {
    }
  });

  private final Settings s;
  private final PrintStream out;

  public ScaleBench(Settings settings, PrintStream out) {
    if (settings.k < 1 || settings.m < 1 || settings.lambda < 2) {
      throw new IllegalArgumentException("bench-scale needs k >= 1, m >= 1 and lambda >= 2, not "
          + settings.k + "," + settings.m + "," + settings.lambda);
    }
    if (settings.stripesPerFile < 1 || settings.stripesPerFile % settings.lambda != 0) {
      throw new IllegalArgumentException("stripes per file must be a positive multiple of lambda "
          + settings.lambda + ", not " + settings.stripesPerFile
          + ": every stripe must join a wide group");
    }
    int wide = settings.lambda * settings.k + settings.m;
    if (settings.dataNodes < wide) {
      throw new IllegalArgumentException("RS(" + settings.k + "," + settings.m + ") with lambda "
          + settings.lambda + " needs at least " + wide + " DataNodes, not " + settings.dataNodes);
    }
    if (settings.cellSize < 1024 || settings.cellSize % 1024 != 0) {
      throw new IllegalArgumentException("HDFS wants a cell size that is a multiple of 1 KiB, not "
          + settings.cellSize);
    }
    if (settings.trees.isEmpty() || settings.writers < 1 || settings.batchGroups < 1
        || settings.smallBatchGroups < 0) {
      throw new IllegalArgumentException("bench-scale needs a tree size, writers >= 1 and batch "
          + "bounds >= 1");
    }
    this.s = settings;
    this.out = out;
  }

  /**
   * Runs every tree, then the small-batch run, one after another on one embedded HDFS (each tree
   * is deleted after its run); one result each, in that order.
   */
  public List<ScaleResult> run() throws Exception {
    String log = System.getProperty("bart.log.file");
    out.printf(Locale.ROOT, "bench-scale: RS-LEGACY(%d,%d) grouped by %d, %d KiB cells and "
        + "blocks, %d stripes per file, %d DataNodes, approach %s, max heap %d MiB%s%n", s.k, s.m,
        s.lambda, s.cellSize / 1024, s.stripesPerFile, s.dataNodes, s.approach,
        Runtime.getRuntime().maxMemory() >> 20, log == null ? "" : "; cluster log: " + log);
    File base = new File(System.getProperty("java.io.tmpdir"), "bart-scale-" + System.nanoTime());
    int largestBound = Math.max(s.batchGroups, s.smallBatchGroups);
    try (EmbeddedCluster cluster = EmbeddedCluster.builder().dataNodes(s.dataNodes)
        .blockSize(s.cellSize).baseDir(base)
        .set(BartConfigKeys.TRANSITION_BATCH_GROUPS, String.valueOf(largestBound))
        // Nothing is lost here: a block the NameNode thinks missing because its DataNode reported
        // late must not be rebuilt, or the transition would find two replicas of it.
        .set(DFSConfigKeys.DFS_NAMENODE_REPLICATION_MAX_STREAMS_KEY, "0")
        .set(DFSConfigKeys.DFS_NAMENODE_REPLICATION_STREAMS_HARD_LIMIT_KEY, "0")
        .start()) {
      List<ScaleResult> results = new ArrayList<>();
      for (int stripes : s.trees) {
        results.add(runTree(cluster, new Path(TREE, "run-" + results.size()), stripes,
            s.batchGroups));
      }
      if (s.smallBatchGroups > 0) {
        results.add(runTree(cluster, new Path(TREE, "run-" + results.size()), s.smallBatchTree,
            s.smallBatchGroups));
      }
      return results;
    } finally {
      FileUtil.fullyDelete(base);
    }
  }

  private ScaleResult runTree(EmbeddedCluster cluster, Path tree, int stripes, int batchGroups)
      throws Exception {
    ScaleResult r = new ScaleResult();
    r.files = (stripes + s.stripesPerFile - 1) / s.stripesPerFile;
    r.batchGroups = batchGroups;
    DistributedFileSystem dfs = cluster.dfs();
    List<Path> files = write(cluster, dfs, tree, r);
    TreeChecksums checksums = new TreeChecksums(dfs.getUri(), cluster.conf(), s.writers);
    long t0 = System.nanoTime();
    Map<Path, FileChecksum> before = checksums.of(files);
    r.checksumSeconds = (System.nanoTime() - t0) / 1e9;
    transition(cluster, tree, r);
    r.filesByteIdentical = TreeChecksums.equal(files, before, checksums.of(files));
    out.printf(Locale.ROOT, "  %s in %d batches, %.1f s of coordinator time; %d of %d files "
        + "byte-identical after (composite CRC checksums, %.1f s per pass)%n", r.outcome,
        r.batches, r.totalMillis() / 1e3, r.filesByteIdentical, r.files, r.checksumSeconds);
    dfs.delete(tree, true); // the next run's NameNode holds no more than its own tree
    return r;
  }

  private List<Path> write(EmbeddedCluster cluster, DistributedFileSystem dfs, Path tree,
      ScaleResult r) throws Exception {
    dfs.mkdirs(tree);
    dfs.setErasureCodingPolicy(tree, cluster.enableRsLegacy(s.k, s.m, s.cellSize).getName());
    long t0 = System.nanoTime();
    List<Path> files = new TreeWriter(dfs.getUri(), cluster.conf(), s.writers, s.seed)
        .write(tree, r.files, s.stripesPerFile * s.k * s.cellSize);
    r.writeSeconds = (System.nanoTime() - t0) / 1e9;
    int stripes = r.files * s.stripesPerFile;
    out.printf(Locale.ROOT, "tree of %d stripes (%d files) written in %.1f s (%.0f stripes/s, %d "
        + "writers); transitioning with batches of at most %d wide groups...%n", stripes,
        r.files, r.writeSeconds, stripes / r.writeSeconds, s.writers, r.batchGroups);
    return files;
  }

  /** Transitions the tree with the probe installed and records what it measured. */
  private void transition(EmbeddedCluster cluster, Path tree, ScaleResult r) throws Exception {
    PhaseProbe probe = new PhaseProbe(tree.toString(),
        new NameNodeRpcCalls(cluster.mini().getNameNode()));
    StartTransitionRequestProto req = StartTransitionRequestProto.newBuilder()
        .setPath(tree.toString()).setApproach(s.approach).setLambda(s.lambda).setSeed(s.seed)
        .setBatchGroups(r.batchGroups).setDryRun(false).build();
    r.baselineLive = HeapMeter.live();
    HeapMeter.resetPeaks();
    CoordinatorFaultInjector old = CoordinatorFaultInjector.set(probe);
    TransitionRunner.Outcome o;
    try {
      probe.start();
      o = new TransitionRunner(cluster.conf(), NOWHERE, false).run(req, null, null);
      probe.stop();
    } finally {
      CoordinatorFaultInjector.set(old);
    }
    r.peakGrowth = HeapMeter.peak() - r.baselineLive;
    r.liveAfterGrowth = HeapMeter.live() - r.baselineLive;
    r.maxLiveGrowth = probe.maxLive() - r.baselineLive;
    r.outcome = o.succeeded ? "committed" : "FAILED: " + o.error;
    TransitionReport report = o.report;
    if (report == null) {
      return;
    }
    r.stripes = report.stripes;
    r.batches = report.batches.size();
    for (BatchSummary b : report.batches) {
      r.largestBatchStripes = Math.max(r.largestBatchStripes, b.stripes);
      if (!"committed".equals(b.outcome)) {
        r.outcome = "FAILED: batch " + b.id + " " + b.outcome;
      }
    }
    for (TransitionReport.PhaseTime p : report.phases) {
      r.millis.put(Phase.valueOf(p.phase.toUpperCase(Locale.ROOT)), p.millis);
    }
    for (Phase p : ScaleResult.PHASES) {
      r.clientCalls.put(p, probe.clientCalls(p));
      r.dataNodeCalls.put(p, probe.dataNodeCalls(p));
    }
    r.clientCallsAfterPhases = probe.clientCallsAfterLastPhase();
    r.dataNodeCallsAfterPhases = probe.dataNodeCallsAfterLastPhase();
  }
}
