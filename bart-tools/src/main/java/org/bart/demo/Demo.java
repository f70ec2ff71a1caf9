package org.bart.demo;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.io.IOUtils;
import org.bart.admin.TransitionRunner;
import org.bart.client.BartFileSystem;
import org.bart.codec.NarrowCodec;
import org.bart.codec.WideCode;
import org.bart.codec.WideCodeUnavailableException;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.MaintenanceReport;
import org.bart.report.TransitionReport;

/**
 * The embedded demonstration: an in-process HDFS with BART installed, erasure-coded files of
 * random bytes (RS-LEGACY(k,m) by default, or any codec's policy: {@code --policy}) including
 * partial last block groups and a file smaller than a cell, the transition, and the checks an
 * operator would make afterwards. Every check that fails is printed and makes the demo fail.
 */
public final class Demo {

  /** What to run. */
  public static final class Settings {
    /** The narrow policy's codec: rs-legacy, rs or xor. */
    public String codec = "rs-legacy";
    public int k = 6;
    public int m = 3;
    public int lambda = 3;
    public int dataNodes = 0; // 0: lambda*k + m + 3
    public int files = 8;
    public String approach = "LSPM";
    public long seed = 1;
    public int cellSize = 1024 * 1024;
    /** Block size: a multiple of the cell size. */
    public long blockSize = 1024 * 1024;
  }

  private final Settings s;
  private final PrintStream out;
  private final List<String> failures = new ArrayList<>();

  public Demo(Settings settings, PrintStream out) {
    this.s = settings;
    this.out = out;
  }

  /** Runs the demo; returns the failed checks (empty when everything held). */
  public List<String> run() throws Exception {
    int nodes = s.dataNodes > 0 ? s.dataNodes : s.lambda * s.k + s.m + 3;
    String noMerge = perIndexMergeMissing();
    if (noMerge != null) {
      out.println("Note: " + noMerge + ". Each wide group's parity is therefore re-encoded "
          + "from the group's data by one DataNode, not merged from the narrow parity.");
    }
    File base = new File(System.getProperty("java.io.tmpdir"), "bart-demo-" + System.nanoTime());
    out.printf(Locale.ROOT, "Starting an embedded HDFS with %d DataNodes (BART plugins installed)"
        + "%s...%n", nodes, System.getProperty("bart.log.file") == null ? ""
        : "; its log goes to " + System.getProperty("bart.log.file"));
    try (EmbeddedCluster cluster = EmbeddedCluster.builder().dataNodes(nodes)
        .blockSize(s.blockSize).baseDir(base).start()) {
      DistributedFileSystem dfs = cluster.dfs();
      ErasureCodingPolicy narrow = cluster.enablePolicy(s.codec, s.k, s.m, s.cellSize);
      Path tree = new Path("/ec_test");
      dfs.mkdirs(tree);
      dfs.setErasureCodingPolicy(tree, narrow.getName());
      List<Path> paths = new ArrayList<>();
      List<byte[]> contents = new ArrayList<>();
      writeFiles(dfs, tree, paths, contents);

      out.println("Transitioning " + tree + " with " + s.approach + "...");
      StartTransitionRequestProto req = StartTransitionRequestProto.newBuilder()
          .setPath(tree.toString()).setApproach(s.approach).setLambda(s.lambda)
          .setDryRun(false).setSeed(s.seed).build();
      TransitionRunner.Outcome o = new TransitionRunner(cluster.conf(), out, false)
          .run(req, null, null);
      check(o.succeeded, "the transition succeeded" + (o.error == null ? "" : ": " + o.error));
      if (o.succeeded) {
        checkAfterTransition(cluster, paths, contents, o.report);
        checkFailures(cluster, paths, contents);
      }
    } finally {
      org.apache.hadoop.fs.FileUtil.fullyDelete(base);
    }
    out.println(failures.isEmpty() ? "DEMO PASSED" : "DEMO FAILED: " + failures.size()
        + " check(s) failed");
    return failures;
  }

  /** Why the code has no per-index merge of its parity with this lambda, or null if it has. */
  private String perIndexMergeMissing() {
    try {
      WideCode.forGeometry(NarrowCodec.forName(s.codec), s.k, s.m, s.lambda);
      return null;
    } catch (WideCodeUnavailableException e) {
      return e.getMessage();
    }
  }

  /**
   * Files of one to three block groups, each ending in a partial group of a random size (a tail of
   * a few bytes to a whole group: some of its data units are then absent); file 0 is smaller than
   * a cell.
   */
  private void writeFiles(DistributedFileSystem dfs, Path tree, List<Path> paths,
      List<byte[]> contents) throws IOException {
    Random r = new Random(s.seed);
    long groupBytes = s.k * s.blockSize;
    long total = 0;
    int stripes = 0;
    for (int i = 0; i < s.files; i++) {
      int fullGroups = i == 0 ? 0 : r.nextInt(3);
      if (i == s.files - 1) { // make the stripe count a multiple of lambda: no file left over
        fullGroups = (fullGroups + s.lambda - (stripes + fullGroups + 1) % s.lambda) % s.lambda;
      }
      stripes += fullGroups + 1;
      long partial = i == 0 ? 1 + r.nextInt(s.cellSize - 1) : 1 + (long) r.nextInt((int) groupBytes);
      int length = (int) (fullGroups * groupBytes + partial);
      Path p = new Path(tree, String.format(Locale.ROOT, "file-%02d", i));
      byte[] data = SampleFiles.randomBytes(s.seed * 1000 + i, length);
      SampleFiles.write(dfs, p, data);
      paths.add(p);
      contents.add(data);
      total += length;
    }
    out.printf(Locale.ROOT, "Wrote %d files (%.1f MiB) as %s%n", s.files, total / 1048576.0,
        dfs.getErasureCodingPolicy(tree).getName());
  }

  private void checkAfterTransition(EmbeddedCluster cluster, List<Path> paths,
      List<byte[]> contents, TransitionReport report) throws Exception {
    DistributedFileSystem dfs = cluster.dfs();
    int identical = 0;
    for (int i = 0; i < paths.size(); i++) {
      identical += Arrays.equals(contents.get(i), SampleFiles.read(dfs, paths.get(i))) ? 1 : 0;
    }
    check(identical == paths.size(), identical + " of " + paths.size()
        + " files read back byte-identical with the stock client");
    check(report.paritiesVerified == report.wideGroups * s.m, report.paritiesVerified
        + " wide parity blocks verified against a fresh merge");
    check(report.checksumsVerified == report.filesTransitioned, report.checksumsVerified
        + " COMPOSITE_CRC checksums unchanged");
    check(ClusterHealth.fsckHealthy(cluster.conf(), "/"), "fsck / is HEALTHY");
    out.printf(Locale.ROOT, "Raw storage of the transitioned files: %.1f MiB -> %.1f MiB "
        + "(%.1f%% less)%n", report.rawBytesBefore / 1048576.0, report.rawBytesAfter / 1048576.0,
        report.savingPercent());
  }

  /**
   * The part that makes the transition worth having: m DataNodes of one wide group die, every
   * file still reads through the BART client (decoding across the wide group), repair rebuilds
   * what they held elsewhere, and verification finds every group whole again.
   */
  private void checkFailures(EmbeddedCluster cluster, List<Path> paths, List<byte[]> contents)
      throws Exception {
    List<String> victims = nodesOfOneGroup(cluster, s.m);
    out.printf(Locale.ROOT, "Stopping %d DataNodes that hold blocks of one wide group...%n",
        victims.size());
    for (String uuid : victims) {
      cluster.stopDataNode(uuid);
    }
    Configuration conf = new Configuration(cluster.conf());
    conf.set("fs.hdfs.impl", BartFileSystem.class.getName());
    conf.setBoolean("fs.hdfs.impl.disable.cache", true);
    int identical = 0;
    try (FileSystem fs = FileSystem.newInstance(cluster.dfs().getUri(), conf)) {
      for (int i = 0; i < paths.size(); i++) {
        byte[] got = new byte[contents.get(i).length];
        try (FSDataInputStream in = fs.open(paths.get(i))) {
          IOUtils.readFully(in, got, 0, got.length);
        }
        identical += Arrays.equals(contents.get(i), got) ? 1 : 0;
      }
    }
    check(identical == paths.size(), identical + " of " + paths.size() + " files read back "
        + "byte-identical through the BART client with " + victims.size() + " DataNodes down");
    out.println("Waiting for the NameNode to declare them dead (about 11 s here; 10.5 minutes "
        + "with stock settings)...");
    cluster.awaitDead(victims, 120_000);
    try (CoordinatorClient c = CoordinatorClient.connect(cluster.conf())) {
      long start = System.nanoTime();
      MaintenanceReport repair = MaintenanceReport.fromJson(c.repair("/ec_test"));
      double seconds = (System.nanoTime() - start) / 1e9;
      long rebuilt = repair.actions.stream().filter(a -> a.startsWith("rebuilt")).count();
      check(repair.problems.isEmpty() && rebuilt > 0, String.format(Locale.ROOT,
          "repair rebuilt %d lost blocks on other DataNodes in %.1f s", rebuilt, seconds)
          + (repair.problems.isEmpty() ? "" : ": " + repair.problems));
      MaintenanceReport verify = MaintenanceReport.fromJson(c.verify("/ec_test"));
      check(verify.problems.isEmpty(), "verify: " + verify.groupsChecked + " wide groups on "
          + "distinct live DataNodes, wide parity equal to its recomputation"
          + (verify.problems.isEmpty() ? "" : ": " + verify.problems));
    }
  }

  /** Up to {@code count} DataNodes holding blocks of the tree's first wide group. */
  private static List<String> nodesOfOneGroup(EmbeddedCluster cluster, int count)
      throws IOException {
    DistributedFileSystem dfs = cluster.dfs();
    FileStatus[] groups = dfs.listStatus(new Path("/ec_test/.bart/groups"));
    List<String> nodes = new ArrayList<>();
    for (LocatedBlock lb : dfs.getClient().getLocatedBlocks(
        groups[0].getPath().toUri().getPath(), 0).getLocatedBlocks()) {
      if (nodes.size() < count) {
        nodes.add(lb.getLocations()[0].getDatanodeUuid());
      }
    }
    return nodes;
  }

  private void check(boolean ok, String what) {
    out.println((ok ? "  ok    " : "  FAIL  ") + what);
    if (!ok) {
      failures.add(what);
    }
  }
}
