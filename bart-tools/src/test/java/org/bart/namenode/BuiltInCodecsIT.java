package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.admin.TransitionRunner;
import org.bart.codec.WideCode;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.MaintenanceReport;
import org.bart.testing.BlockReports;
import org.bart.testing.TestFiles;
import org.bart.testing.Users;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HDFS's own built-in policies, not only RS-LEGACY: RS-3-2-1024k (codec rs, HDFS's Cauchy
 * matrix) and XOR-2-1-1024k transitioned in place; the wide parity merged from the parity HDFS
 * wrote equals the wide code's encoding of the data, every file reads back, and with m DataNodes
 * of a wide group down every file still reads through the BART client; verify passes.
 */
class BuiltInCodecsIT {

  private static final long SEED = Long.getLong("bart.test.seed", 20261204L);
  private static final int MIB = 1024 * 1024;
  private static EmbeddedCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = EmbeddedCluster.builder().dataNodes(9).blockSize(MIB).start();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void rs32WithLambda2() throws Exception {
    transitionReadAndVerify(SystemErasureCodingPolicies.RS_3_2_POLICY_ID, "/rs32", 2,
        "rs-wide k=3 m=2 lambda=2 x=1,2");
  }

  @Test
  void xor21WithLambda3() throws Exception {
    transitionReadAndVerify(SystemErasureCodingPolicies.XOR_2_1_POLICY_ID, "/xor21", 3,
        "xor-wide k=2 m=1 lambda=3 x=1");
  }

  private void transitionReadAndVerify(byte policyId, String tree, int lambda, String wideCode)
      throws Exception {
    String policy = SystemErasureCodingPolicies.getByID(policyId).getName();
    int k = SystemErasureCodingPolicies.getByID(policyId).getNumDataUnits();
    int m = SystemErasureCodingPolicies.getByID(policyId).getNumParityUnits();
    cluster.dfs().enableErasureCodingPolicy(policy);
    cluster.dfs().mkdirs(new Path(tree));
    cluster.dfs().setErasureCodingPolicy(new Path(tree), policy);
    Map<String, byte[]> contents = new LinkedHashMap<>();
    for (int i = 0; i < 2 * lambda; i++) { // one full block group each: two wide groups
      String p = tree + "/f" + i;
      contents.put(p, SampleFiles.randomBytes(SEED + i, k * MIB));
      SampleFiles.write(cluster.dfs(), new Path(p), contents.get(p));
      TestFiles.awaitComplete(cluster.dfs(), new Path(p));
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TransitionRunner.Outcome o = new TransitionRunner(cluster.conf(), new PrintStream(log, true),
        false).run(StartTransitionRequestProto.newBuilder().setPath(tree).setApproach("BTPM")
            .setLambda(lambda).setDryRun(false).setSeed(SEED).build(), null, null);
    assertTrue(o.succeeded, o.error + "\n" + log);
    assertEquals(wideCode, o.report.wideCode);
    assertEquals(2, WideGroups.check(cluster.dfs(), tree, contents));
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(cluster.dfs(), new Path(e.getKey())),
          e.getKey() + " with the stock client, seed " + SEED);
    }

    String parity = WideGroups.parityFiles(cluster.dfs(), tree).get(0);
    WideLayout l = WideLayout.load(cluster.dfs(), parity);
    assertEquals(WideCode.parse(wideCode), l.code);
    List<MiniDFSCluster.DataNodeProperties> stopped = new ArrayList<>();
    for (int u = 0; u < m; u++) { // m data units of member 0
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
        assertArrayEquals(e.getValue(), got, e.getKey() + " through the BART client with " + m
            + " DataNodes down, seed " + SEED);
      }
    }
    for (MiniDFSCluster.DataNodeProperties p : stopped) {
      cluster.mini().restartDataNode(p, false); // new ports: the old ones may be taken
    }
    cluster.mini().waitActive();
    cluster.waitAgentsReady(9, 120_000);
    BlockReports.sendFromEvery(cluster.mini());
    try (CoordinatorClient c = CoordinatorClient.connect(cluster.conf())) {
      MaintenanceReport v = MaintenanceReport.fromJson(c.verify(tree));
      assertTrue(v.problems.isEmpty(), v.problems.toString());
      assertEquals(2, v.groupsChecked);
    }
  }
}
