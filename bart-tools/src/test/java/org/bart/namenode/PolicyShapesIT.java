package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.admin.TransitionRunner;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.report.ClassSummary;
import org.bart.report.MaintenanceReport;
import org.bart.report.TransitionReport;
import org.bart.testing.TestFiles;
import org.bart.testing.Users;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every merging built-in policy's codec and geometry (rs (6,3), rs (3,2), xor (2,1), rs-legacy
 * (6,3)) on trees of every shape of file: full block groups, partial tails whose last data units
 * are absent, and files smaller than a cell. The policies are user-defined twins of the built-in
 * ones with 64 KiB cells instead of 1 MiB (same codec, k and m; 16 times less to write), on 128 KiB
 * blocks. Per policy: a tree of full groups alone loses exactly the policy's figure of raw bytes;
 * then the mixed files under the same tree transition; every file reads back byte-identical with
 * the stock client, and through the BART client with m DataNodes of a wide group down (one
 * holding the sub-cell file's only data unit); every wide parity equals the encoding of its
 * members' data and verifies. Last, one tree mixing two codecs and two cell sizes transitions
 * every class in one run.
 */
class PolicyShapesIT {

  private static final long SEED = Long.getLong("bart.test.seed", 20261204L);
  private static final int CELL = 64 * 1024;
  private static final int BLOCK = 2 * CELL;
  private static final int LAMBDA = 3;
  /** lambda * k + m for (6,3): every wide group on distinct DataNodes. */
  private static final int DATANODES = 21;

  private static EmbeddedCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = EmbeddedCluster.builder().dataNodes(DATANODES).blockSize(BLOCK).start();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void rs63() throws Exception {
    shapes("rs", 6, 3, "/rs63");
  }

  @Test
  void rs32() throws Exception {
    shapes("rs", 3, 2, "/rs32");
  }

  @Test
  void xor21() throws Exception {
    shapes("xor", 2, 1, "/xor21");
  }

  @Test
  void rsLegacy63() throws Exception {
    shapes("rs-legacy", 6, 3, "/legacy63");
  }

  @Test
  void aTreeOfTwoCodecsAndTwoCellSizesTransitionsEveryClassInOneRun() throws Exception {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    String tree = "/mixed-classes";
    int seed = 100;
    for (Object[] c : new Object[][] {{"rs", 6, 3, CELL}, {"rs", 6, 3, BLOCK}, {"xor", 2, 1,
        CELL}}) {
      int k = (Integer) c[1];
      int cell = (Integer) c[3];
      ErasureCodingPolicy p = cluster.enablePolicy((String) c[0], k, (Integer) c[2], cell);
      String dir = tree + "/" + p.getName();
      mkdirWithPolicy(dir, p);
      // three stripes: a full group, a partial one with absent units, a sub-cell file
      write(contents, dir + "/full", (long) k * BLOCK, seed++);
      write(contents, dir + "/tail", (long) (k - 1) * cell - 5, seed++);
      write(contents, dir + "/small", 300, seed++);
    }
    TransitionReport r = transition(tree);
    assertEquals(3, r.classes.size(), "three classes: " + r.toJson());
    for (ClassSummary c : r.classes) {
      assertNull(c.refusal, c.policy + ": " + c.refusal);
      assertEquals(3, c.files, c.policy);
      assertEquals(3, c.filesCommitted, c.policy);
      assertEquals(1, c.wideGroups, c.policy);
    }
    assertEquals(0, r.filesSkipped, r.skipped.toString());
    assertEquals(3, WideGroups.check(cluster.dfs(), tree, contents));
    assertStockReads(contents);
    assertVerified(tree, 3);
  }

  /**
   * The per-policy case: full groups first (the raw-byte figure), then mixed shapes, reads with
   * and without m DataNodes down, verification.
   */
  private void shapes(String codec, int k, int m, String tree) throws Exception {
    ErasureCodingPolicy p = cluster.enablePolicy(codec, k, m, CELL);
    String fullTree = tree + "-full"; // a tree of its own: -verify takes one tree at a time
    mkdirWithPolicy(fullTree, p);
    mkdirWithPolicy(tree, p);
    long group = (long) k * BLOCK;
    Map<String, byte[]> contents = new LinkedHashMap<>();
    int seed = 0;
    for (int i = 0; i < LAMBDA; i++) {
      write(contents, fullTree + "/f" + i, group, seed++);
    }
    TransitionReport full = transition(fullTree);
    assertEquals((long) LAMBDA * (k + m) * BLOCK, full.rawBytesBefore, p.getName());
    assertEquals((long) (LAMBDA * k + m) * BLOCK, full.rawBytesAfter, p.getName());
    double figure = 100.0 * m * (LAMBDA - 1) / (LAMBDA * (k + m)); // RS(6,3), lambda 3: 22.2%
    assertEquals(figure, full.savingPercent(), 1e-9, p.getName());

    // 6 stripes: a full group and a tail of half the data units and 17 bytes; a 100-byte file;
    // two full groups and a tail of k - 1 cells
    write(contents, tree + "/tail", group + (long) (k / 2) * CELL + 17, seed++);
    write(contents, tree + "/small", 100, seed++);
    write(contents, tree + "/long", 2 * group + (long) (k - 1) * CELL, seed++);
    TransitionReport mixed = transition(tree);
    assertEquals(3, mixed.filesTransitioned, mixed.toJson());
    assertEquals(2, mixed.wideGroups);
    assertEquals(6, mixed.stripes);
    assertEquals(3, mixed.filesCommitted);
    assertEquals(2 * m, mixed.paritiesVerified);
    assertEquals(1, WideGroups.check(cluster.dfs(), fullTree, contents));
    assertEquals(2, WideGroups.check(cluster.dfs(), tree, contents));
    assertStockReads(contents);
    assertBartReadsWithDataNodesDown(tree, tree + "/small", m, contents);
    assertVerified(fullTree, 1);
    assertVerified(tree, 2);
  }

  /**
   * Stops m DataNodes of the wide group holding {@code small} (the one of its only data unit
   * first), reads every file through the BART client, and starts them again.
   */
  private void assertBartReadsWithDataNodesDown(String tree, String small, int m,
      Map<String, byte[]> contents) throws Exception {
    long smallId = cluster.dfs().getClient().getFileInfo(small).getFileId();
    WideLayout l = null;
    int position = -1;
    for (String parity : WideGroups.parityFiles(cluster.dfs(), tree)) {
      WideLayout candidate = WideLayout.load(cluster.dfs(), parity);
      for (int s = 0; s < candidate.group.getMembersCount(); s++) {
        MemberProto member = candidate.group.getMembers(s);
        if (member.getFileId() == smallId) {
          l = candidate;
          position = s;
        }
      }
    }
    assertTrue(l != null, "the wide group of " + small);
    List<Integer> victims = new ArrayList<>();
    victims.add(l.code.dataUnit(position, 0));
    for (int u = 0; u < l.units.length && victims.size() < m; u++) {
      if (!l.units[u].nodes.isEmpty() && !victims.contains(u)) {
        victims.add(u);
      }
    }
    List<MiniDFSCluster.DataNodeProperties> stopped = new ArrayList<>();
    for (int u : victims) {
      DatanodeInfo dn = l.units[u].nodes.get(0);
      stopped.add(cluster.mini().stopDataNode(dn.getXferAddr()));
    }
    try (FileSystem fs = Users.bartClient(UserGroupInformation.getCurrentUser(), cluster.dfs(),
        cluster.conf())) {
      for (Map.Entry<String, byte[]> e : contents.entrySet()) {
        byte[] got = new byte[e.getValue().length];
        try (FSDataInputStream in = fs.open(new Path(e.getKey()))) {
          in.readFully(0, got);
        }
        assertArrayEquals(e.getValue(), got, e.getKey() + " through the BART client with units "
            + victims + " of " + l.parityPath + " down, seed " + SEED);
      }
    } finally {
      for (MiniDFSCluster.DataNodeProperties dn : stopped) {
        cluster.mini().restartDataNode(dn, false); // new ports: the old ones may be taken
      }
      cluster.mini().waitActive();
      cluster.waitAgentsReady(DATANODES, 120_000);
      cluster.mini().triggerBlockReports();
    }
  }

  private static void mkdirWithPolicy(String dir, ErasureCodingPolicy p) throws Exception {
    cluster.dfs().mkdirs(new Path(dir));
    cluster.dfs().setErasureCodingPolicy(new Path(dir), p.getName());
  }

  private static void write(Map<String, byte[]> contents, String path, long length, int seed)
      throws Exception {
    byte[] data = SampleFiles.randomBytes(SEED + seed, (int) length);
    SampleFiles.write(cluster.dfs(), new Path(path), data);
    TestFiles.awaitComplete(cluster.dfs(), new Path(path));
    contents.put(path, data);
  }

  private static TransitionReport transition(String tree) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TransitionRunner.Outcome o = new TransitionRunner(cluster.conf(), new PrintStream(log, true),
        false).run(StartTransitionRequestProto.newBuilder().setPath(tree).setApproach("LSPM")
            .setLambda(LAMBDA).setDryRun(false).setSeed(SEED).build(), null, null);
    assertTrue(o.succeeded, o.error + "\n" + log);
    return o.report;
  }

  private static void assertStockReads(Map<String, byte[]> contents) throws Exception {
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(cluster.dfs(), new Path(e.getKey())),
          e.getKey() + " with the stock client, seed " + SEED);
    }
  }

  private static void assertVerified(String tree, int groups) throws Exception {
    try (CoordinatorClient c = CoordinatorClient.connect(cluster.conf())) {
      MaintenanceReport v = MaintenanceReport.fromJson(c.verify(tree));
      assertTrue(v.problems.isEmpty(), v.problems.toString());
      assertEquals(groups, v.groupsChecked);
    }
  }
}
