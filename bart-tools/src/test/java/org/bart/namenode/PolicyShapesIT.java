package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.admin.TransitionRunner;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.report.ClassSummary;
import org.bart.report.GroupMethod;
import org.bart.report.MaintenanceReport;
import org.bart.report.TransitionReport;
import org.bart.testing.BlockReports;
import org.bart.testing.TestFiles;
import org.bart.testing.Users;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every built-in EC policy of HDFS, by name and with its 1 MiB cells, enabled as an operator
 * would: RS-6-3-1024k, RS-3-2-1024k, XOR-2-1-1024k and RS-LEGACY-6-3-1024k are merged per parity
 * index (lambda 3), RS-10-4-1024k is re-encoded from its data (lambda 2: no per-index merge
 * exists). Blocks are one cell, so a block group is one stripe. Per policy: a tree of full groups
 * alone loses exactly the policy's figure of raw bytes (the NameNode's count equal to the
 * report's); then a tree of every shape of file (a full group with a partial tail whose last data
 * units are absent, a file under one cell, and for lambda 2 a two-cell file) transitions; every
 * file reads back byte-identical with the stock client, and through the BART client as an ordinary
 * user with m DataNodes of a wide group down (one holding the sub-cell file's only data unit);
 * every wide parity equals its wide code's encoding of the members' data (for RS-10-4 the Cauchy
 * code over the wide data) and verifies. RS-10-4's dry run names each group's method and cost.
 * Last, one tree mixing two built-in policies and a user-defined one of another cell size
 * transitions every class in one run.
 */
class PolicyShapesIT {

  private static final long SEED = Long.getLong("bart.test.seed", 20261204L);
  private static final int MIB = 1024 * 1024;
  /** One 1 MiB cell per block: a block group is one stripe. */
  private static final int BLOCK = MIB;
  /** lambda * k + m of RS-10-4 with lambda 2, the widest geometry: each unit on a node of its own. */
  private static final int DATANODES = 24;

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
    shapes("RS-6-3-1024k", 3, "/rs63");
  }

  @Test
  void rs32() throws Exception {
    shapes("RS-3-2-1024k", 3, "/rs32");
  }

  @Test
  void xor21() throws Exception {
    shapes("XOR-2-1-1024k", 3, "/xor21");
  }

  @Test
  void rsLegacy63() throws Exception {
    shapes("RS-LEGACY-6-3-1024k", 3, "/legacy63");
  }

  @Test
  void rs104IsReEncoded() throws Exception {
    shapes("RS-10-4-1024k", 2, "/rs104");
  }

  @Test
  void aTreeOfTwoBuiltInPoliciesAndASecondCellSizeTransitionsEveryClassInOneRun()
      throws Exception {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    String tree = "/mixed-classes";
    int seed = 100;
    List<ErasureCodingPolicy> policies = new ArrayList<>();
    policies.add(enableBuiltIn("XOR-2-1-1024k"));
    policies.add(enableBuiltIn("RS-3-2-1024k"));
    policies.add(cluster.enablePolicy("rs", 3, 2, 64 * 1024)); // user-defined RS-3-2-64k
    for (ErasureCodingPolicy p : policies) {
      int k = p.getNumDataUnits();
      int cell = p.getCellSize();
      String dir = tree + "/" + p.getName();
      mkdirWithPolicy(dir, p);
      // three stripes: a full group, a partial one with absent units, a sub-cell file
      write(contents, dir + "/full", (long) k * BLOCK, seed++);
      write(contents, dir + "/tail", (long) (k - 1) * cell - 5, seed++);
      write(contents, dir + "/small", 300, seed++);
    }
    TransitionReport r = transition(tree, 3);
    assertEquals(3, r.classes.size(), "three classes: " + r.toJson());
    for (ClassSummary c : r.classes) {
      assertNull(c.refusal, c.policy + ": " + c.refusal);
      assertEquals(3, c.files, c.policy);
      assertEquals(3, c.filesCommitted, c.policy);
      assertEquals(1, c.wideGroups, c.policy);
      assertTrue(c.rawBytesAfter < c.rawBytesBefore, c.policy);
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
  private void shapes(String policy, int lambda, String tree) throws Exception {
    ErasureCodingPolicy p = enableBuiltIn(policy);
    int k = p.getNumDataUnits();
    int m = p.getNumParityUnits();
    boolean reEncoded = k == 10; // (10,4) has no per-index merge for any lambda >= 2
    String fullTree = tree + "-full"; // a tree of its own: -verify takes one tree at a time
    mkdirWithPolicy(fullTree, p);
    mkdirWithPolicy(tree, p);
    long group = (long) k * BLOCK;
    Map<String, byte[]> contents = new LinkedHashMap<>();
    int seed = 0;
    write(contents, fullTree + "/full", lambda * group, seed++);
    long fullBefore = spaceConsumed(fullTree);
    TransitionReport full = transition(fullTree, lambda);
    assertEquals((long) lambda * (k + m) * BLOCK, full.rawBytesBefore, policy);
    assertEquals((long) (lambda * k + m) * BLOCK, full.rawBytesAfter, policy);
    assertEquals(fullBefore, full.rawBytesBefore, "the NameNode's count before, " + policy);
    assertEquals(spaceConsumed(fullTree), full.rawBytesAfter, "the NameNode's count after");
    // RS(6,3) lambda 3: 22.2%; RS(10,4) lambda 2: 14.3%
    double figure = 100.0 * m * (lambda - 1) / (lambda * (k + m));
    assertEquals(figure, full.savingPercent(), 1e-9, policy);
    assertEquals(reEncoded ? 0 : 1, full.groupsMerged, policy);
    assertEquals(reEncoded ? 1 : 0, full.groupsReEncoded, policy);

    // a full group and a tail of half the data units and 17 bytes; a 100-byte file; with
    // lambda 2 a two-cell file too, so that the stripes fill wide groups
    write(contents, tree + "/tail", group + (long) (k / 2) * BLOCK + 17, seed++);
    write(contents, tree + "/small", 100, seed++);
    int stripes = 3;
    if (stripes % lambda != 0) {
      write(contents, tree + "/two-cells", 2L * BLOCK + 3, seed++);
      stripes++;
    }
    int groups = stripes / lambda;
    if (reEncoded) {
      assertDryRunReEncodes(tree, lambda, groups);
    }
    long mixedBefore = spaceConsumed(tree);
    TransitionReport mixed = transition(tree, lambda);
    assertEquals(stripes - 1, mixed.filesTransitioned, mixed.toJson());
    assertEquals(groups, mixed.wideGroups);
    assertEquals(stripes, mixed.stripes);
    assertEquals(stripes - 1, mixed.filesCommitted);
    assertEquals(groups * m, mixed.paritiesVerified);
    assertEquals(mixedBefore, mixed.rawBytesBefore, "the NameNode's count before");
    assertEquals(spaceConsumed(tree), mixed.rawBytesAfter, "the NameNode's count after");
    if (reEncoded) {
      assertEquals("rs-wide k=10 m=4 lambda=2 reencode=cauchy", mixed.wideCode);
      assertEquals(groups * m, mixed.parityBlocksEncoded);
    } else {
      assertEquals(groups, mixed.groupsMerged);
    }
    assertEquals(1, WideGroups.check(cluster.dfs(), fullTree, contents));
    assertEquals(groups, WideGroups.check(cluster.dfs(), tree, contents));
    assertStockReads(contents);
    assertBartReadsWithDataNodesDown(tree, tree + "/small", m, contents);
    assertVerified(fullTree, 1);
    assertVerified(tree, groups);
  }

  /** The dry run of a re-encoded tree says per group: re-encode, by BWRE, on one node, its cost. */
  private void assertDryRunReEncodes(String tree, int lambda, int groups) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TransitionReport plan = run(tree, lambda, true, log);
    assertEquals(0, plan.groupsMerged);
    assertEquals(groups, plan.groupsReEncoded);
    assertEquals(groups, plan.groupMethods.size());
    long cost = 0;
    for (GroupMethod g : plan.groupMethods) {
      assertEquals(GroupMethod.RE_ENCODE, g.method);
      assertEquals("BWRE", g.approach, "LSPM was asked; re-encoded groups are planned by BWRE");
      assertEquals(1, g.computeNodes.size());
      assertEquals(g.fetched + g.relocated, g.cost);
      cost += g.cost;
    }
    assertEquals(plan.predictedBandwidth, cost);
    String text = new String(log.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(text.contains("wide groups: 0 merged per parity index, " + groups
        + " re-encoded from their data"), text);
    assertTrue(text.contains(": re-encode (BWRE) on "), text);
  }

  /**
   * Stops m DataNodes of the wide group holding {@code small} (the one of its only data unit
   * first), reads every file through the BART client as an ordinary user, and starts them again.
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
    UserGroupInformation reader = Users.ordinary("reader");
    try (FileSystem fs = Users.bartClient(reader, cluster.dfs(), cluster.conf())) {
      for (Map.Entry<String, byte[]> e : contents.entrySet()) {
        byte[] got = new byte[e.getValue().length];
        Users.as(reader, () -> {
          try (FSDataInputStream in = fs.open(new Path(e.getKey()))) {
            in.readFully(0, got);
          }
          return null;
        });
        assertArrayEquals(e.getValue(), got, e.getKey() + " through the BART client with units "
            + victims + " of " + l.parityPath + " down, as an ordinary user, seed " + SEED);
      }
    } finally {
      for (MiniDFSCluster.DataNodeProperties dn : stopped) {
        cluster.mini().restartDataNode(dn, false); // new ports: the old ones may be taken
      }
      cluster.mini().waitActive();
      cluster.waitAgentsReady(DATANODES, 120_000);
      BlockReports.sendFromEvery(cluster.mini());
    }
  }

  /** Enables the built-in policy {@code name} through the client API, as an operator would. */
  private static ErasureCodingPolicy enableBuiltIn(String name) throws Exception {
    ErasureCodingPolicy p = SystemErasureCodingPolicies.getByName(name);
    assertTrue(p != null, name + " is built in");
    cluster.dfs().enableErasureCodingPolicy(name);
    return p;
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

  private static long spaceConsumed(String tree) throws Exception {
    return cluster.dfs().getContentSummary(new Path(tree)).getSpaceConsumed();
  }

  private static TransitionReport transition(String tree, int lambda) throws Exception {
    return run(tree, lambda, false, new ByteArrayOutputStream());
  }

  /** Runs {@code bart -transition} on {@code tree}; what the operator sees goes to {@code log}. */
  private static TransitionReport run(String tree, int lambda, boolean dryRun,
      ByteArrayOutputStream log) throws Exception {
    TransitionRunner.Outcome o = new TransitionRunner(cluster.conf(), new PrintStream(log, true),
        false).run(StartTransitionRequestProto.newBuilder().setPath(tree).setApproach("LSPM")
            .setLambda(lambda).setDryRun(dryRun).setSeed(SEED).build(), null, null);
    assertTrue(o.succeeded, o.error + "\n" + new String(log.toByteArray(),
        StandardCharsets.UTF_8));
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
