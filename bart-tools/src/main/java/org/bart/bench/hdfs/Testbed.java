package org.bart.bench.hdfs;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.bart.admin.TransitionRunner;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;

/**
 * The transition testbed (DESIGN.md §7): for each approach, a fresh embedded HDFS whose agents
 * are throttled to {@code bytesPerSec} per DataNode and direction (emulating the links), the same
 * RS-LEGACY(k,m) files (same bytes for the same seed; HDFS chooses their placement anew on each
 * cluster), the transition with that approach and planner seed, and its stage time set against
 * the plan's bound max_load x block size / rate.
 *
 * <p>Files are whole block groups, so every internal block is exactly one block (block size =
 * cell size) and the bound counts exactly the bytes the stage moves. The defaults (24 DataNodes,
 * 24 files of 3 groups = 72 stripes of 1 MiB blocks, 2 MiB/s) make the bounds 5 to 15 s, large
 * against the stage's fixed cost (NameNode calls, and moving 150 to 350 MiB through one JVM:
 * about 2 s unthrottled on 2 cores), while a run of three approaches takes about 2 minutes.
 */
public final class Testbed {

  /** What to run. */
  public static final class Settings {
    public int k = 6;
    public int m = 3;
    public int lambda = 3;
    public int dataNodes = 24;
    public int files = 24;
    public int groupsPerFile = 3;
    public int cellSize = 1024 * 1024;
    public long bytesPerSec = 2L << 20;
    public List<String> approaches = Arrays.asList("RDPM", "BWPM", "BTPM");
    public long seed = 1;
    /** Further configuration of every cluster (e.g. {@code dfs.bart.coordinator.threads}). */
    public Map<String, String> conf = new TreeMap<>();
  }

  private static final long FILE_REPORT_TIMEOUT_MS = 60_000;
  private static final PrintStream NOWHERE = new PrintStream(new OutputStream() {
    @Override
    public void write(int b) {
    }
  });

  private final Settings s;
  private final PrintStream out;
  private final PrintStream details;

  /**
   * @param out where progress goes
   * @param details where each transition's own report goes (null: nowhere)
   */
  public Testbed(Settings settings, PrintStream out, PrintStream details) {
    if ((long) settings.files * settings.groupsPerFile % settings.lambda != 0) {
      throw new IllegalArgumentException("files x groups per file (" + settings.files + " x "
          + settings.groupsPerFile + ") must be a multiple of lambda " + settings.lambda
          + ": every stripe must join a wide group");
    }
    this.s = settings;
    this.out = out;
    this.details = details != null ? details : NOWHERE;
  }

  /** Runs every approach in turn, one cluster at a time. */
  public List<TestbedRow> run() throws Exception {
    String log = System.getProperty("bart.log.file");
    out.printf(Locale.ROOT, "Testbed: RS-LEGACY(%d,%d) grouped by %d, %d DataNodes, %d files of "
        + "%d block groups, %d KiB blocks, agents limited to %.2f MiB/s per direction%s%n", s.k,
        s.m, s.lambda, s.dataNodes, s.files, s.groupsPerFile, s.cellSize / 1024,
        s.bytesPerSec / 1048576.0, log == null ? "" : "; cluster log: " + log);
    if (!s.conf.isEmpty()) {
      out.println("Cluster configuration: " + s.conf);
    }
    List<TestbedRow> rows = new ArrayList<>();
    for (String approach : s.approaches) {
      rows.add(runApproach(approach));
    }
    return rows;
  }

  private TestbedRow runApproach(String approach) throws Exception {
    File base = new File(System.getProperty("java.io.tmpdir"), "bart-testbed-" + System.nanoTime());
    long t0 = System.nanoTime();
    EmbeddedCluster.Builder builder = EmbeddedCluster.builder().dataNodes(s.dataNodes)
        .blockSize(s.cellSize).baseDir(base)
        .set(BartConfigKeys.AGENT_BANDWIDTH_PER_SEC, String.valueOf(s.bytesPerSec));
    for (Map.Entry<String, String> e : s.conf.entrySet()) {
      builder.set(e.getKey(), e.getValue());
    }
    try (EmbeddedCluster cluster = builder.start()) {
      DistributedFileSystem dfs = cluster.dfs();
      Path tree = new Path("/testbed");
      writeFiles(cluster, dfs, tree);
      out.printf(Locale.ROOT, "%s: %d DataNodes up, %d files of %d block groups written "
          + "(%.0f s); planned max_load on this placement:%s; transitioning...%n", approach,
          s.dataNodes, s.files, s.groupsPerFile, (System.nanoTime() - t0) / 1e9,
          plannedMaxLoads(cluster, tree));
      TransitionRunner.Outcome o = transition(cluster, tree, approach, false);
      return new TestbedRow(approach, o.succeeded ? null : o.error, o.report, s.cellSize,
          s.bytesPerSec);
    } finally {
      FileUtil.fullyDelete(base);
    }
  }

  /**
   * Every approach's planned max_load for this cluster's placement (dry runs: nothing moves), so
   * that approaches run on different clusters, hence different placements, can be compared.
   */
  private String plannedMaxLoads(EmbeddedCluster cluster, Path tree) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String a : s.approaches) {
      TransitionRunner.Outcome o = transition(cluster, tree, a, true);
      sb.append(' ').append(a).append(' ')
          .append(o.succeeded ? String.valueOf(o.report.predictedMaxLoad) : "failed");
    }
    return sb.toString();
  }

  private TransitionRunner.Outcome transition(EmbeddedCluster cluster, Path tree,
      String approach, boolean dryRun) throws Exception {
    StartTransitionRequestProto req = StartTransitionRequestProto.newBuilder()
        .setPath(tree.toString()).setApproach(approach).setLambda(s.lambda).setDryRun(dryRun)
        .setSeed(s.seed).build();
    return new TransitionRunner(cluster.conf(), dryRun ? NOWHERE : details, false)
        .run(req, null, null);
  }

  /** Writes the files of whole block groups and waits until HDFS knows every block. */
  private void writeFiles(EmbeddedCluster cluster, DistributedFileSystem dfs, Path tree)
      throws Exception {
    dfs.mkdirs(tree);
    dfs.setErasureCodingPolicy(tree, cluster.enableRsLegacy(s.k, s.m, s.cellSize).getName());
    int length = s.groupsPerFile * s.k * s.cellSize;
    for (int i = 0; i < s.files; i++) {
      Path p = new Path(tree, String.format(Locale.ROOT, "file-%02d", i));
      SampleFiles.write(dfs, p, SampleFiles.randomBytes(s.seed * 1000 + i, length));
      awaitReported(dfs, p.toString());
    }
  }

  private static void awaitReported(DistributedFileSystem dfs, String path)
      throws IOException, InterruptedException, TimeoutException {
    long deadline = System.currentTimeMillis() + FILE_REPORT_TIMEOUT_MS;
    while (true) {
      boolean complete = true;
      for (BlockGroup g : BlockGroup.of(dfs.getClient(), path)) {
        complete &= g.isComplete();
      }
      if (complete) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new TimeoutException("blocks of " + path + " not all reported after "
            + FILE_REPORT_TIMEOUT_MS + " ms");
      }
      Thread.sleep(50);
    }
  }
}
