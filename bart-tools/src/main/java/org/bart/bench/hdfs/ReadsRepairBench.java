package org.bart.bench.hdfs;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.HdfsConstants.DatanodeReportType;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedStripedBlock;
import org.apache.hadoop.hdfs.server.blockmanagement.DatanodeDescriptor;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.hdfs.server.datanode.fsdataset.FsDatasetSpi;
import org.apache.hadoop.hdfs.server.datanode.fsdataset.FsVolumeSpi;
import org.bart.admin.TransitionRunner;
import org.bart.client.BartFileSystem;
import org.bart.demo.ClusterHealth;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.MaintenanceReport;

/**
 * Degraded reads and repair, stock HDFS against BART, on one embedded cluster in one run and on
 * the same data: {@code lambda x groups} RS-LEGACY(k,m) (or RS(k,m)) files of one full block group
 * each are written, then
 *
 * <ol>
 *   <li><b>stock reads</b>: one file is read whole with 4 MiB client reads while healthy (the
 *       bound), then the DataNodes of 1, then 3, of its data blocks stop, and the file is read
 *       whole with 4 KiB and 4 MiB client reads by the stock client (which decodes from the
 *       file's own parity); the DataNodes come back;
 *   <li><b>stock reconstruction</b>: the DataNode holding most of the files' blocks dies (the
 *       NameNode is told at once) and the NameNode's own reconstruction runs until nothing is
 *       missing or low on redundancy and every block group is whole on live DataNodes;
 *   <li>the files are transitioned to wide groups (LSPM);
 *   <li><b>BART reads</b>: as 1, through {@code BartFileSystem} (an agent decodes the lost blocks
 *       across the wide group), with the agents' bytes read from replicas and sent per byte
 *       read;
 *   <li><b>BART repair</b>: as 2, but restored by {@code -repair}, asked for as soon as the
 *       NameNode knows; {@code -verify} then checks every wide group (not timed).
 * </ol>
 *
 * <p>DataNodes are declared dead only by the benchmark (the NameNode's own heartbeat recheck is
 * set to 10 minutes), so nothing is reconstructed behind the reads' backs. Every read is compared
 * byte for byte with what was written; a difference fails the run. Each case starts with one
 * read that is not timed, on both sides alike, so that neither is measured cold (first
 * connections, code not yet compiled).
 */
public final class ReadsRepairBench {

  /** The read sizes and loss counts measured. */
  static final int[] BUFFERS = {4 * 1024, 4 * 1024 * 1024};
  /** The read size of the healthy case (0 lost: the same file's raw read rate, the bound). */
  static final int HEALTHY_BUFFER = 4 * 1024 * 1024;
  static final int[] LOSSES = {1, 3};
  /** The most blocks a case loses: the code's m must be at least this. */
  public static final int MOST_LOST = LOSSES[LOSSES.length - 1];
  private static final String TREE = "/bench";
  private static final long DEADLINE_MS = 10 * 60 * 1000;

  /** What to run. */
  public static final class Settings {
    public int k = 6;
    public int m = 3;
    public int lambda = 3;
    /** Wide groups of files (each file is one block group). */
    public int groups = 2;
    public long blockSize = 4L << 20;
    public int cellSize = 1 << 20;
    /** The files' codec: "rs-legacy" or "rs" (HDFS's default, with its faster decoder). */
    public String codec = "rs-legacy";
    /** Reads per measurement; the median counts. */
    public int runs = 3;
    public long seed = 1;
  }

  /**
   * Throughput per case ("1 lost, 4 KiB reads"; "0 lost, 4 MiB reads" is the healthy file), the
   * agents' bytes read and sent per byte BART's reads returned, per case, and the two
   * restorations.
   */
  public static final class Results {
    public final Map<String, Double> stockReads = new LinkedHashMap<>();
    public final Map<String, Double> bartReads = new LinkedHashMap<>();
    final Map<String, double[]> bartAgentBytes = new LinkedHashMap<>();
    RepairTiming stockRepair;
    RepairTiming bartRepair;
  }

  private final Settings s;
  private final PrintStream out;
  private final List<Path> files = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();

  public ReadsRepairBench(Settings settings, PrintStream out) {
    this.s = settings;
    this.out = out;
  }

  public Results run() throws Exception {
    int nodes = s.lambda * s.k + s.m + 3;
    File base = new File(System.getProperty("java.io.tmpdir"), "bart-bench-rr-" + System.nanoTime());
    Results r = new Results();
    out.printf(Locale.ROOT, "Starting an embedded HDFS with %d DataNodes...%n", nodes);
    try (EmbeddedCluster cluster = EmbeddedCluster.builder().dataNodes(nodes)
        .blockSize(s.blockSize).baseDir(base)
        .set(DFSConfigKeys.DFS_NAMENODE_HEARTBEAT_RECHECK_INTERVAL_KEY, "600000").start()) {
      writeFiles(cluster);
      Path measured = files.get(1);
      out.println("1. Stock degraded reads of " + measured + "...");
      reads(cluster, cluster.dfs(), measured, r.stockReads, null);
      out.println("2. Stock reconstruction after a DataNode dies...");
      r.stockRepair = restore(cluster, () -> { });
      out.println("3. Transition of " + TREE + " to wide groups...");
      transition(cluster);
      Configuration bart = new Configuration(cluster.conf());
      bart.set("fs.hdfs.impl", BartFileSystem.class.getName());
      bart.setBoolean("fs.hdfs.impl.disable.cache", true);
      try (FileSystem fs = FileSystem.newInstance(cluster.dfs().getUri(), bart)) {
        out.println("4. BART degraded reads of " + measured + "...");
        reads(cluster, fs, measured, r.bartReads, r.bartAgentBytes);
      }
      out.println("5. BART repair after a DataNode dies...");
      r.bartRepair = restore(cluster, () -> repair(cluster));
      verify(cluster);
    } finally {
      FileUtil.fullyDelete(base);
    }
    return r;
  }

  private void writeFiles(EmbeddedCluster cluster) throws IOException {
    DistributedFileSystem dfs = cluster.dfs();
    String policy = ("rs".equals(s.codec) ? cluster.enableRs(s.k, s.m, s.cellSize)
        : cluster.enableRsLegacy(s.k, s.m, s.cellSize)).getName();
    dfs.mkdirs(new Path(TREE));
    dfs.setErasureCodingPolicy(new Path(TREE), policy);
    int length = (int) (s.k * s.blockSize);
    for (int i = 0; i < s.lambda * s.groups; i++) {
      Path p = new Path(TREE, String.format(Locale.ROOT, "file-%02d", i));
      byte[] data = SampleFiles.randomBytes(s.seed * 1000 + i, length);
      SampleFiles.write(dfs, p, data);
      files.add(p);
      contents.add(data);
    }
    out.printf(Locale.ROOT, "Wrote %d files of %.0f MiB as %s%n", files.size(),
        length / 1048576.0, policy);
  }

  /**
   * Reads {@code path} healthy, then stops the DataNodes of 1, then 3, of its data blocks and
   * reads it each time; with {@code agentBytes}, also what the agents read and sent per byte.
   */
  private void reads(EmbeddedCluster cluster, FileSystem fs, Path path, Map<String, Double> into,
      Map<String, double[]> agentBytes) throws Exception {
    byte[] expected = contents.get(files.indexOf(path));
    awaitQuiet(cluster);
    measure(cluster, fs, path, expected, 0, HEALTHY_BUFFER, into, agentBytes);
    List<DatanodeInfo> victims = dataBlockNodes(cluster, path, LOSSES[LOSSES.length - 1]);
    List<MiniDFSCluster.DataNodeProperties> stopped = new ArrayList<>();
    int lost = 0;
    for (int losses : LOSSES) {
      while (lost < losses) {
        stopped.add(cluster.mini().stopDataNode(victims.get(lost++).getXferAddr()));
      }
      for (int buffer : BUFFERS) {
        measure(cluster, fs, path, expected, losses, buffer, into, agentBytes);
      }
    }
    for (MiniDFSCluster.DataNodeProperties p : stopped) {
      cluster.mini().restartDataNode(p, false); // a kept port may be taken meanwhile
    }
    cluster.mini().waitActive();
    cluster.waitAgentsReady(cluster.mini().getDataNodes().size(), 60_000);
  }

  private void measure(EmbeddedCluster cluster, FileSystem fs, Path path, byte[] expected,
      int losses, int buffer, Map<String, Double> into, Map<String, double[]> agentBytes)
      throws Exception {
    String name = caseName(losses, buffer);
    AgentTraffic before = agentBytes == null ? null : AgentTraffic.of(cluster);
    double rate = TimedReads.mibPerSec(fs, path, expected, buffer, s.runs);
    into.put(name, rate);
    String traffic = "";
    if (agentBytes != null) {
      AgentTraffic t = AgentTraffic.of(cluster).since(before);
      double returned = (double) expected.length * (s.runs + 1); // one untimed run first
      agentBytes.put(name, new double[] {t.bytesRead / returned, t.bytesSent / returned});
      traffic = String.format(Locale.ROOT, "   agents read %.2f B, sent %.2f B per byte read",
          t.bytesRead / returned, t.bytesSent / returned);
    }
    out.printf(Locale.ROOT, "   %-22s %8.1f MiB/s%s%n", name, rate, traffic);
  }

  /**
   * Polls until the DataNodes are done deleting what the NameNode dropped (the excess replicas
   * of a reconstruction, the narrow parity and old inodes a transition freed): the NameNode has
   * no deletion pending and the block files on disk are the replicas it counts on live
   * DataNodes. Both sides' reads start so, instead of BART's sharing the CPU and disks with the
   * deletions that follow its transition. After a minute it goes on and says so.
   */
  private void awaitQuiet(EmbeddedCluster cluster) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (cluster.mini().getNamesystem().getPendingDeletionBlocks() > 0
        || blockFilesOnDisk(cluster) != replicasOnLiveNodes(cluster)) {
      if (System.currentTimeMillis() > deadline) {
        out.println("   (deletions still under way after 60 s: measuring anyway; "
            + ClusterHealth.of(cluster.mini().getNamesystem()) + ")");
        return;
      }
      Thread.sleep(100); // polling the NameNode and the data directories, not an event
    }
  }

  /** Block files in the volumes of the DataNodes that run. */
  private static long blockFilesOnDisk(EmbeddedCluster cluster) throws IOException {
    long n = 0;
    for (DataNode dn : cluster.mini().getDataNodes()) {
      try (FsDatasetSpi.FsVolumeReferences volumes = dn.getFSDataset().getFsVolumeReferences()) {
        for (FsVolumeSpi v : volumes) {
          try (Stream<java.nio.file.Path> files = Files.walk(Paths.get(v.getBaseURI()))) {
            n += files.filter(f -> f.getFileName().toString().startsWith("blk_")
                && !f.getFileName().toString().endsWith(".meta")).count();
          }
        }
      }
    }
    return n;
  }

  private static long replicasOnLiveNodes(EmbeddedCluster cluster) {
    long n = 0;
    for (DatanodeDescriptor d : cluster.mini().getNamesystem().getBlockManager()
        .getDatanodeManager().getDatanodeListForReport(DatanodeReportType.LIVE)) {
      n += d.numBlocks();
    }
    return n;
  }

  static String caseName(int losses, int buffer) {
    return losses + " lost, " + (buffer >= 1 << 20 ? buffer / (1 << 20) + " MiB"
        : buffer / 1024 + " KiB") + " reads";
  }

  /** The DataNodes holding data blocks 0 .. count-1 of the file's first block group. */
  private static List<DatanodeInfo> dataBlockNodes(EmbeddedCluster cluster, Path path, int count)
      throws IOException {
    LocatedStripedBlock g = (LocatedStripedBlock) cluster.dfs().getClient()
        .getLocatedBlocks(path.toUri().getPath(), 0).get(0);
    DatanodeInfo[] byIndex = new DatanodeInfo[count];
    for (int i = 0; i < g.getBlockIndices().length; i++) {
      if (g.getBlockIndices()[i] < count) {
        byIndex[g.getBlockIndices()[i]] = g.getLocations()[i];
      }
    }
    List<DatanodeInfo> out = new ArrayList<>();
    for (DatanodeInfo dn : byIndex) {
      if (dn == null) {
        throw new IOException(path + ": a data block below " + count + " has no location");
      }
      out.add(dn);
    }
    return out;
  }

  /** Something that restores redundancy besides the NameNode itself. */
  private interface Restorer {
    void run() throws Exception;
  }

  /**
   * Kills the DataNode with the most blocks under the tree, tells the NameNode at once, runs
   * {@code restorer} and waits until nothing is missing, low on redundancy or pending.
   */
  private RepairTiming restore(EmbeddedCluster cluster, Restorer restorer) throws Exception {
    Map<String, Integer> blocks = blocksByNode(cluster);
    String victim = null;
    for (Map.Entry<String, Integer> e : blocks.entrySet()) {
      victim = victim == null || e.getValue() > blocks.get(victim) ? e.getKey() : victim;
    }
    int lost = blocks.get(victim);
    DatanodeID id = null;
    for (DataNode dn : cluster.mini().getDataNodes()) {
      id = dn.getDatanodeUuid().equals(victim) ? dn.getDatanodeId() : id;
    }
    cluster.mini().stopDataNode(id.getXferAddr());
    long start = System.nanoTime();
    cluster.mini().setDataNodeDead(id);
    restorer.run();
    awaitWhole(cluster, victim);
    double secs = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "   %d blocks (%.0f MiB) lost with DataNode %s, whole again after "
        + "%.2f s%n", lost, lost * s.blockSize / 1048576.0, id.getXferAddr(), secs);
    return new RepairTiming(lost, lost * s.blockSize, secs);
  }

  /** Internal blocks of the tree's files (and BART's parity files) per DataNode uuid. */
  private Map<String, Integer> blocksByNode(EmbeddedCluster cluster) throws IOException {
    Map<String, Integer> count = new LinkedHashMap<>();
    for (LocatedBlock lb : treeBlocks(cluster)) {
      for (DatanodeInfo dn : lb.getLocations()) {
        count.merge(dn.getDatanodeUuid(), 1, Integer::sum);
      }
    }
    return count;
  }

  private List<LocatedBlock> treeBlocks(EmbeddedCluster cluster) throws IOException {
    List<LocatedBlock> out = new ArrayList<>();
    for (Path p : treeFiles(cluster)) {
      out.addAll(cluster.dfs().getClient().getLocatedBlocks(p.toUri().getPath(), 0)
          .getLocatedBlocks());
    }
    return out;
  }

  /** The files written and, once transitioned, BART's parity files of their wide groups. */
  private List<Path> treeFiles(EmbeddedCluster cluster) throws IOException {
    List<Path> all = new ArrayList<>(files);
    Path groups = new Path(TREE + "/.bart/groups");
    if (cluster.dfs().exists(groups)) {
      for (org.apache.hadoop.fs.FileStatus st : cluster.dfs().listStatus(groups)) {
        all.add(st.getPath());
      }
    }
    return all;
  }

  /**
   * Polls until every block of the tree is whole again on live DataNodes, as the NameNode's
   * block map says: each block group has every internal block (k + m of a stock group, k of a
   * data-only one), each parity file block a replica, and none is on {@code dead}.
   */
  private void awaitWhole(EmbeddedCluster cluster, String dead) throws Exception {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    while (!isWhole(cluster, dead)) {
      if (System.currentTimeMillis() > deadline) {
        throw new TimeoutException("redundancy not restored after " + DEADLINE_MS + " ms: "
            + ClusterHealth.of(cluster.mini().getNamesystem()));
      }
      Thread.sleep(20); // polling the NameNode's block map, not waiting for an event
    }
  }

  private boolean isWhole(EmbeddedCluster cluster, String dead) throws IOException {
    for (Path p : treeFiles(cluster)) {
      String path = p.toUri().getPath();
      ErasureCodingPolicy policy = cluster.dfs().getClient().getFileInfo(path)
          .getErasureCodingPolicy();
      // Every file here is of full block groups; a parity file's blocks have one replica each.
      int expected = policy == null || policy.isReplicationPolicy() ? 1
          : policy.getNumDataUnits() + policy.getNumParityUnits();
      for (LocatedBlock lb : cluster.dfs().getClient().getLocatedBlocks(path, 0)
          .getLocatedBlocks()) {
        Set<Byte> indices = new HashSet<>();
        for (int i = 0; i < lb.getLocations().length; i++) {
          if (lb.getLocations()[i].getDatanodeUuid().equals(dead)) {
            return false;
          }
          indices.add(lb.isStriped() ? ((LocatedStripedBlock) lb).getBlockIndices()[i] : 0);
        }
        if (indices.size() < expected) {
          return false;
        }
      }
    }
    return true;
  }

  private void transition(EmbeddedCluster cluster) throws Exception {
    StartTransitionRequestProto req = StartTransitionRequestProto.newBuilder()
        .setPath(TREE).setApproach("LSPM").setLambda(s.lambda).setDryRun(false)
        .setSeed(s.seed).build();
    TransitionRunner.Outcome o = new TransitionRunner(cluster.conf(), out, false)
        .run(req, null, null);
    if (!o.succeeded) {
      throw new IOException("the transition failed: " + o.error);
    }
  }

  private static void repair(EmbeddedCluster cluster) throws IOException {
    try (CoordinatorClient c = CoordinatorClient.connect(cluster.conf())) {
      MaintenanceReport repair = MaintenanceReport.fromJson(c.repair(TREE));
      if (!repair.problems.isEmpty()) {
        throw new IOException("repair: " + repair.problems);
      }
    }
  }

  /** Every wide group on distinct live DataNodes, every wide parity equal to its recomputation. */
  private void verify(EmbeddedCluster cluster) throws IOException {
    try (CoordinatorClient c = CoordinatorClient.connect(cluster.conf())) {
      MaintenanceReport verify = MaintenanceReport.fromJson(c.verify(TREE));
      if (!verify.problems.isEmpty()) {
        throw new IOException("verify after repair: " + verify.problems);
      }
      out.println("   verify after repair: " + verify.groupsChecked + " wide groups whole");
    }
  }
}
