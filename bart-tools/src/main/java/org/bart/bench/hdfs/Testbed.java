package org.bart.bench.hdfs;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.bart.admin.TransitionRunner;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;

/**
 * The transition testbed: RS-LEGACY(k,m) files written once on an embedded HDFS whose agents
 * are throttled to {@code bytesPerSec} per DataNode and direction (emulating the links); for each
 * approach the cluster restarts from a copy of that storage (same blocks on the same DataNodes),
 * transitions with that approach and planner seed, and its stage time is set against the plan's
 * bound max_load x block size / rate. Every approach so plans and moves the same placement.
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
    public List<String> approaches = Arrays.asList("RDPM", "BWPM", "BTPM", "LSPM");
    public long seed = 1;
    /** Further configuration of every cluster (e.g. {@code dfs.bart.coordinator.threads}). */
    public Map<String, String> conf = new TreeMap<>();
  }

  private static final Path TREE = new Path("/testbed");
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

  /**
   * Writes the files once, keeps the cluster's storage, and runs every approach in turn on a
   * cluster restarted from a copy of it: every approach transitions the same placement.
   */
  public List<TestbedRow> run() throws Exception {
    String log = System.getProperty("bart.log.file");
    out.printf(Locale.ROOT, "Testbed: RS-LEGACY(%d,%d) grouped by %d, %d DataNodes, %d files of "
        + "%d block groups, %d KiB blocks, agents limited to %.2f MiB/s per direction%s%n", s.k,
        s.m, s.lambda, s.dataNodes, s.files, s.groupsPerFile, s.cellSize / 1024,
        s.bytesPerSec / 1048576.0, log == null ? "" : "; cluster log: " + log);
    if (!s.conf.isEmpty()) {
      out.println("Cluster configuration: " + s.conf);
    }
    File base = new File(System.getProperty("java.io.tmpdir"), "bart-testbed-" + System.nanoTime());
    File live = new File(base, "live");
    File written = new File(base, "written");
    try {
      long t0 = System.nanoTime();
      EmbeddedCluster cluster = builder(live, true).start();
      try {
        writeFiles(cluster, cluster.dfs(), TREE);
      } finally {
        cluster.stopKeepingStorage();
      }
      copyTree(live, written);
      out.printf(Locale.ROOT, "%d files of %d block groups written once (%.0f s); every approach "
          + "starts from a copy of that storage, so all plan the same placement%n", s.files,
          s.groupsPerFile, (System.nanoTime() - t0) / 1e9);
      List<TestbedRow> rows = new ArrayList<>();
      for (String approach : s.approaches) {
        FileUtil.fullyDelete(live);
        copyTree(written, live);
        rows.add(runApproach(approach, live, rows.isEmpty()));
      }
      return rows;
    } finally {
      FileUtil.fullyDelete(base);
    }
  }

  private EmbeddedCluster.Builder builder(File dir, boolean format) {
    EmbeddedCluster.Builder b = EmbeddedCluster.builder().dataNodes(s.dataNodes)
        .blockSize(s.cellSize).baseDir(dir).format(format)
        .set(BartConfigKeys.AGENT_BANDWIDTH_PER_SEC, String.valueOf(s.bytesPerSec))
        // The NameNode copies no block during a testbed: after a restart, a DataNode's late block
        // report would make it rebuild an internal block it thinks lost and then delete the
        // replica the plan was made with (the transition then finds it gone).
        .set(DFSConfigKeys.DFS_NAMENODE_REPLICATION_MAX_STREAMS_KEY, "0")
        .set(DFSConfigKeys.DFS_NAMENODE_REPLICATION_STREAMS_HARD_LIMIT_KEY, "0")
        // Links paced in slots of 1/16 block: with the default 1 MiB steps a 1 MiB block is one
        // slot, and a slot is granted at its start, so a node of load L finished in L - 1 slots.
        .set(BartConfigKeys.AGENT_CHUNK_BYTES, String.valueOf(Math.max(4096, s.cellSize / 16)));
    for (Map.Entry<String, String> e : s.conf.entrySet()) {
      b.set(e.getKey(), e.getValue());
    }
    return b;
  }

  private TestbedRow runApproach(String approach, File storage, boolean first) throws Exception {
    try (EmbeddedCluster cluster = builder(storage, false).start()) {
      awaitTreeReported(cluster.dfs());
      if (first) {
        out.printf(Locale.ROOT, "Planned max_load on this placement:%s%n",
            plannedMaxLoads(cluster, TREE));
      }
      out.printf(Locale.ROOT, "%s: transitioning...%n", approach);
      TransitionRunner.Outcome o = transition(cluster, TREE, approach, false);
      return new TestbedRow(approach, o.succeeded ? null : o.error, o.report, s.cellSize,
          s.bytesPerSec);
    }
  }

  /** Every approach's planned max_load for this placement (dry runs: nothing moves). */
  private String plannedMaxLoads(EmbeddedCluster cluster, Path tree) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String a : s.approaches) {
      TransitionRunner.Outcome o = transition(cluster, tree, a, true);
      sb.append(' ').append(a).append(' ')
          .append(o.succeeded ? String.valueOf(o.report.predictedMaxLoad) : "failed");
    }
    return sb.toString();
  }

  /** Copies the directory tree {@code from} to {@code to} (a hard link would share relabels). */
  private static void copyTree(File from, File to) throws IOException {
    try (Stream<java.nio.file.Path> files = Files.walk(from.toPath())) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
        File target = new File(to, from.toPath().relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target.toPath());
        } else {
          Files.copy(f, target.toPath(), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
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
      BlocksReported.await(dfs, p.toString());
    }
  }

  /** Waits as {@link BlocksReported#await} for every file of the tree. */
  private void awaitTreeReported(DistributedFileSystem dfs)
      throws IOException, InterruptedException, TimeoutException {
    for (int i = 0; i < s.files; i++) {
      BlocksReported.await(dfs,
          new Path(TREE, String.format(Locale.ROOT, "file-%02d", i)).toString());
    }
  }
}
