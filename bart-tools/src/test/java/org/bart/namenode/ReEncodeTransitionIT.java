package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.admin.TransitionRunner;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.GroupMethod;
import org.bart.report.MaintenanceReport;
import org.bart.report.TransitionReport;
import org.bart.testing.TestFiles;
import org.bart.testing.Users;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RS-10-4-1024k, whose narrow parity no per-index merge can turn into an MDS wide code: with
 * lambda 2 each wide group is re-encoded from its data (one encoding node per group). The dry run
 * says so per group with its cost; after the transition every file reads back byte-identical with
 * the stock client, each wide parity equals the Cauchy code's encoding of the data (short units
 * of a group's last stripe as zeros), the NameNode counts the expected raw bytes less, the BART
 * client reads every file as an ordinary user with 4 DataNodes of a group down, and -verify passes.
 */
class ReEncodeTransitionIT {

  private static final long SEED = Long.getLong("bart.test.seed", 20261205L);
  private static final int MIB = 1024 * 1024;
  private static final String TREE = "/rs104";
  private static final int K = 10;
  private static final int M = 4;
  private static final int LAMBDA = 2;
  // lambda*k + m_f DataNodes per wide group, plus m so that any m can be down.
  private static final int DATANODES = LAMBDA * K + M + M;
  private static EmbeddedCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    // Blocks of two 1 MiB cells: a group's last stripe can leave some data units shorter.
    cluster = EmbeddedCluster.builder().dataNodes(DATANODES).blockSize(2 * MIB).start();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void rs104WithLambda2IsReEncodedReadableAndVerified() throws Exception {
    String policy = SystemErasureCodingPolicies.getByID(
        SystemErasureCodingPolicies.RS_10_4_POLICY_ID).getName();
    cluster.dfs().enableErasureCodingPolicy(policy);
    cluster.dfs().mkdirs(new Path(TREE));
    cluster.dfs().setErasureCodingPolicy(new Path(TREE), policy);
    // 4 block groups: 20 MiB (full), 15 MiB + 12345 (units 5..9 one cell shorter), 20 MiB, and
    // 10 MiB + 1 (parity 1 MiB + 1).
    int[] sizes = {20 * MIB, 15 * MIB + 12345, 30 * MIB + 1};
    Map<String, byte[]> contents = new LinkedHashMap<>();
    long dataBytes = 0;
    for (int i = 0; i < sizes.length; i++) {
      String p = TREE + "/f" + i;
      contents.put(p, SampleFiles.randomBytes(SEED + i, sizes[i]));
      SampleFiles.write(cluster.dfs(), new Path(p), contents.get(p));
      TestFiles.awaitComplete(cluster.dfs(), new Path(p));
      dataBytes += sizes[i];
    }
    long rawBefore = cluster.dfs().getContentSummary(new Path(TREE)).getSpaceConsumed();
    assertEquals(dataBytes + M * (2L * MIB * 3 + MIB + 1), rawBefore, "narrow parity on disk");

    TransitionReport plan = transition(true);
    assertEquals(0, plan.groupsMerged);
    assertEquals(2, plan.groupsReEncoded);
    assertEquals(2, plan.groupMethods.size());
    long cost = 0;
    for (GroupMethod g : plan.groupMethods) {
      assertEquals(GroupMethod.RE_ENCODE, g.method);
      assertEquals("BWRE", g.approach, "LSPM was asked; re-encoded groups are planned by BWRE");
      assertEquals(1, g.computeNodes.size());
      assertEquals(g.fetched + g.relocated, g.cost);
      cost += g.cost;
    }
    assertEquals(plan.predictedBandwidth, cost);

    TransitionReport r = transition(false);
    assertEquals("rs-wide k=10 m=4 lambda=2 reencode=cauchy", r.wideCode);
    assertEquals(2 * M, r.parityBlocksEncoded);
    assertEquals(2 * M, r.paritiesVerified);
    assertEquals(3, r.filesCommitted);
    assertEquals(2, WideGroups.check(cluster.dfs(), TREE, contents));
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(cluster.dfs(), new Path(e.getKey())),
          e.getKey() + " with the stock client, seed " + SEED);
    }
    // Whatever the grouping, each wide group's parity is as long as its longest unit, 2 MiB:
    // 28 MiB + 4 bytes of narrow parity became 16 MiB of wide parity.
    long rawAfter = cluster.dfs().getContentSummary(new Path(TREE)).getSpaceConsumed();
    assertEquals(dataBytes + 2L * M * 2 * MIB, rawAfter, "data plus wide parity on disk");
    assertEquals(12L * MIB + 4, rawBefore - rawAfter);
    assertEquals(rawBefore - rawAfter, r.rawBytesBefore - r.rawBytesAfter, "as reported");

    try (CoordinatorClient c = CoordinatorClient.connect(cluster.conf())) {
      MaintenanceReport v = MaintenanceReport.fromJson(c.verify(TREE));
      assertTrue(v.problems.isEmpty(), v.problems.toString());
      assertEquals(2, v.groupsChecked);
    }
    readWithDataNodesDown(contents); // last: the DataNodes stay down
  }

  private TransitionReport transition(boolean dryRun) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TransitionRunner.Outcome o = new TransitionRunner(cluster.conf(), new PrintStream(log, true),
        false).run(StartTransitionRequestProto.newBuilder().setPath(TREE).setApproach("LSPM")
            .setLambda(LAMBDA).setDryRun(dryRun).setSeed(SEED).build(), null, null);
    String text = new String(log.toByteArray(), StandardCharsets.UTF_8);
    System.out.println(text); // the operator's view, kept in the failsafe report
    assertTrue(o.succeeded, o.error + "\n" + text);
    assertTrue(text.contains("wide groups: 0 merged per parity index, 2 re-encoded from their data"),
        text);
    assertTrue(text.contains(": re-encode (BWRE) on "), text);
    return o.report;
  }

  /** Member 0's first 4 data units' DataNodes down: every file reads through the BART client. */
  private void readWithDataNodesDown(Map<String, byte[]> contents) throws Exception {
    String parity = WideGroups.parityFiles(cluster.dfs(), TREE).get(0);
    WideLayout l = WideLayout.load(cluster.dfs(), parity);
    for (int u = 0; u < M; u++) {
      DatanodeInfo dn = l.units[u].nodes.get(0);
      assertTrue(cluster.mini().stopDataNode(dn.getXferAddr()) != null, dn.getXferAddr());
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
        assertArrayEquals(e.getValue(), got, e.getKey() + " through the BART client with " + M
            + " DataNodes down, as an ordinary user, seed " + SEED);
      }
    }
  }
}
