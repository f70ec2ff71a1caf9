package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.bart.admin.TransitionRunner;
import org.bart.cli.BartMain;
import org.bart.client.BartFileSystem;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.MaintenanceReport;
import org.bart.testing.BlockReports;
import org.bart.testing.Poll;
import org.bart.testing.TestFiles;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * 64 MiB blocks, larger than every per-call limit (dfs.bart.agent.read.max.bytes is 8 MiB):
 * RS-LEGACY(2,1) files with 1 MiB cells transitioned with lambda 2, then verified, read through
 * the BART client with a DataNode down, and verified again after a wide parity is corrupted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LargeBlocksIT {

  private static final long SEED = Long.getLong("bart.test.seed", 20261204L);
  private static final int MIB = 1024 * 1024;
  private static final long BLOCK = 64L * MIB;
  private static final String TREE = "/large";

  private static EmbeddedCluster cluster;
  private static final Map<String, byte[]> CONTENTS = new LinkedHashMap<>();

  @BeforeAll
  static void transitionTwoFullGroups() throws Exception {
    cluster = EmbeddedCluster.builder().dataNodes(6).blockSize(BLOCK).start();
    ErasureCodingPolicy narrow = cluster.enableRsLegacy(2, 1, MIB);
    cluster.dfs().mkdirs(new Path(TREE));
    cluster.dfs().setErasureCodingPolicy(new Path(TREE), narrow.getName());
    for (int i = 0; i < 2; i++) {
      String p = TREE + "/f" + i;
      CONTENTS.put(p, SampleFiles.randomBytes(SEED + i, (int) (2 * BLOCK)));
      SampleFiles.write(cluster.dfs(), new Path(p), CONTENTS.get(p));
      TestFiles.awaitComplete(cluster.dfs(), new Path(p));
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TransitionRunner.Outcome o = new TransitionRunner(cluster.conf(), new PrintStream(log, true),
        false).run(StartTransitionRequestProto.newBuilder().setPath(TREE).setApproach("BTPM")
            .setLambda(2).setDryRun(false).setSeed(SEED).build(), null, null);
    assertTrue(o.succeeded, o.error + "\n" + log);
    assertEquals(1, WideGroups.check(cluster.dfs(), TREE, CONTENTS));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static MaintenanceReport verify() throws Exception {
    try (CoordinatorClient c = CoordinatorClient.connect(cluster.conf())) {
      MaintenanceReport r = MaintenanceReport.fromJson(c.verify(TREE));
      System.out.println("verify: " + r.actions + " " + r.problems);
      return r;
    }
  }

  @Test
  @Order(1)
  void verifyPassesOnAHealthyGroupOf64MiBUnits() throws Exception {
    MaintenanceReport r = verify();
    assertTrue(r.problems.isEmpty(), r.problems.toString());
    assertEquals(1, r.groupsChecked);
  }

  @Test
  @Order(2)
  void theBartClientReadsEveryByteWithTheDataNodeOfADataUnitDown() throws Exception {
    String parity = WideGroups.parityFiles(cluster.dfs(), TREE).get(0);
    DatanodeInfo holder = WideLayout.load(cluster.dfs(), parity).units[0].nodes.get(0);
    MiniDFSCluster.DataNodeProperties stopped = cluster.mini().stopDataNode(holder.getXferAddr());
    Configuration conf = new Configuration(cluster.conf());
    conf.set("fs.hdfs.impl", BartFileSystem.class.getName());
    conf.setBoolean("fs.hdfs.impl.disable.cache", true);
    try (FileSystem fs = FileSystem.newInstance(cluster.dfs().getUri(), conf)) {
      for (Map.Entry<String, byte[]> e : CONTENTS.entrySet()) {
        byte[] got = new byte[e.getValue().length];
        try (FSDataInputStream in = fs.open(new Path(e.getKey()))) {
          in.readFully(0, got);
        }
        assertArrayEquals(e.getValue(), got, e.getKey() + ", seed " + SEED);
      }
    }
    cluster.mini().restartDataNode(stopped, false); // new ports: the old one may be taken
    cluster.mini().waitActive();
    cluster.waitAgentsReady(6, 120_000);
    BlockReports.sendFromEvery(cluster.mini());
    Poll.until("every unit located again", 120_000,
        () -> WideLayout.load(cluster.dfs(), parity).lostUnits().isEmpty());
  }

  @Test
  @Order(3)
  void verifyFailsNamingTheGroupWhenAWideParityIsCorrupted() throws Exception {
    String parity = WideGroups.parityFiles(cluster.dfs(), TREE).get(0);
    WideLayout l = WideLayout.load(cluster.dfs(), parity);
    WideLayout.Unit unit = l.units[l.code.parityUnit(0)];
    List<DataNode> dns = cluster.mini().getDataNodes();
    for (DataNode dn : dns) {
      if (dn.getDatanodeUuid().equals(unit.nodes.get(0).getDatanodeUuid())) {
        cluster.mini().getFsDatasetTestUtils(dn).getMaterializedReplica(unit.block)
            .corruptData();
      }
    }
    MaintenanceReport r = verify();
    assertEquals(1, r.problems.size(), r.problems.toString());
    assertTrue(r.problems.get(0).contains(parity), r.problems.toString());
    // The CLI exits 1 on any problem.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] args = {"-D", CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY + "="
        + cluster.conf().get(CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY),
        "-D", BartConfigKeys.NAMENODE_RPC_ADDRESS + "="
        + cluster.conf().get(BartConfigKeys.NAMENODE_RPC_ADDRESS), "-verify", TREE};
    assertEquals(1, BartMain.run(args, new PrintStream(out, true), new PrintStream(out, true)),
        out.toString());
  }
}
