package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.io.erasurecode.ECSchema;
import org.bart.admin.TransitionRunner;
import org.bart.demo.ClusterHealth;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.metadata.BartPaths;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.SkippedFile;
import org.bart.report.TransitionReport;
import org.bart.testing.BlockReports;
import org.bart.testing.ClusterChecks;
import org.bart.testing.Poll;
import org.bart.testing.TestFiles;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/**
 * The transition end to end on a small code, RS-LEGACY(2,1) grouped by 2 into (4,1), with full
 * and partial block groups: bytes, checksums, layout and wide parity, old blocks freed, a clean
 * NameNode, and all of it again after NameNode and DataNode restarts.
 */
class TransitionSmallCodeIT {

  private static final long SEED = Long.getLong("bart.test.seed", 20261123L);
  private static final int CELL = 64 * 1024;
  private static final int BLOCK = 4 * CELL;

  private static EmbeddedCluster cluster;
  private static DistributedFileSystem dfs;
  private static ErasureCodingPolicy narrow;

  @BeforeAll
  static void start() throws Exception {
    cluster = EmbeddedCluster.builder().dataNodes(7).blockSize(BLOCK).start();
    dfs = cluster.dfs();
    narrow = new ErasureCodingPolicy(new ECSchema("rs-legacy", 2, 1), CELL);
    dfs.addErasureCodingPolicies(new ErasureCodingPolicy[] {narrow});
    dfs.enableErasureCodingPolicy(narrow.getName());
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static TransitionRunner.Outcome transition(EmbeddedCluster c, String tree, String approach)
      throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TransitionRunner.Outcome o = new TransitionRunner(c.conf(), new PrintStream(log, true), false)
        .run(StartTransitionRequestProto.newBuilder().setPath(tree).setApproach(approach)
            .setLambda(2).setDryRun(false).setSeed(SEED).build(), null, null);
    System.out.println(log);
    return o;
  }

  @Test
  void transitionsFullAndPartialGroupsAndSurvivesRestarts() throws Exception {
    String tree = "/t";
    dfs.mkdirs(new Path(tree));
    dfs.setErasureCodingPolicy(new Path(tree), narrow.getName());
    int group = 2 * BLOCK;
    int[] sizes = {2 * group, group + 100 * 1024, group, 100 * 1024};
    Map<String, byte[]> contents = new LinkedHashMap<>();
    Map<String, FileChecksum> checksums = new LinkedHashMap<>();
    Set<Long> oldBlockIds = new HashSet<>();
    for (int i = 0; i < sizes.length; i++) {
      String p = tree + "/f" + i;
      byte[] data = SampleFiles.randomBytes(SEED + i, sizes[i]);
      SampleFiles.write(dfs, new Path(p), data);
      contents.put(p, data);
      for (BlockGroup g : TestFiles.awaitComplete(dfs, new Path(p))) {
        for (int b = 0; b < g.width(); b++) {
          oldBlockIds.add(g.block(b).getBlockId());
        }
      }
      checksums.put(p, ClusterChecks.compositeCrc(cluster, p));
    }
    dfs.mkdirs(new Path(tree + "/plain"));
    dfs.setErasureCodingPolicy(new Path(tree + "/plain"), "replication");
    SampleFiles.write(dfs, new Path(tree + "/plain/r"), new byte[1000]);
    SampleFiles.write(dfs, new Path(tree + "/empty"), new byte[0]);

    TransitionRunner.Outcome o = transition(cluster, tree, "BTPM");
    assertTrue(o.succeeded, o.error);
    TransitionReport r = o.report;
    assertEquals(4, r.filesTransitioned);
    assertEquals(6, r.stripes);
    assertEquals(3, r.wideGroups);
    assertEquals(4, r.filesCommitted);
    assertEquals(4, r.checksumsVerified);
    assertEquals(3, r.paritiesVerified);
    assertEquals(2, r.skipped.size());
    assertEquals(reasons(r.skipped), Map.of(tree + "/empty", "empty",
        tree + "/plain/r", "not erasure coded (replicated)"));
    assertEquals(r.predictedBandwidth, r.measuredBandwidth, "measured moves follow the plan");

    Poll.until("old block groups deleted from DataNodes", 60_000,
        () -> ClusterChecks.noReplicaOf(cluster, oldBlockIds));
    checkAll(tree, contents, checksums);

    cluster.mini().restartNameNode(true);
    cluster.waitAgentsReady(7, 60_000);
    dfs = cluster.dfs();
    checkAll(tree, contents, checksums);

    dfs.setSafeMode(org.apache.hadoop.hdfs.protocol.HdfsConstants.SafeModeAction.SAFEMODE_ENTER);
    dfs.saveNamespace();
    dfs.setSafeMode(org.apache.hadoop.hdfs.protocol.HdfsConstants.SafeModeAction.SAFEMODE_LEAVE);
    cluster.mini().restartNameNode(true);
    cluster.waitAgentsReady(7, 60_000);
    dfs = cluster.dfs();
    checkAll(tree, contents, checksums);

    cluster.mini().restartDataNodes(true);
    cluster.mini().waitActive();
    BlockReports.sendFromEvery(cluster.mini());
    cluster.waitAgentsReady(7, 60_000);
    checkAll(tree, contents, checksums);
  }

  private static Map<String, String> reasons(List<SkippedFile> skipped) {
    Map<String, String> m = new LinkedHashMap<>();
    for (SkippedFile s : skipped) {
      m.put(s.path, s.reason);
    }
    return m;
  }

  private static void checkAll(String tree, Map<String, byte[]> contents,
      Map<String, FileChecksum> checksums) throws Exception {
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(dfs, new Path(e.getKey())),
          e.getKey() + " (seed " + SEED + ")");
      assertEquals(checksums.get(e.getKey()), ClusterChecks.compositeCrc(cluster, e.getKey()), e.getKey());
      assertEquals("RS-LEGACY-2-0-64k", dfs.getErasureCodingPolicy(new Path(e.getKey()))
          .getName());
      assertNotNull(dfs.getXAttrs(new Path(e.getKey())).get(BartPaths.MEMBER_XATTR));
    }
    assertEquals(3, WideGroups.check(dfs, tree, contents));
    assertTrue(!dfs.exists(new Path(tree + "/.bart/staging"))
        || dfs.listStatus(new Path(tree + "/.bart/staging")).length == 0, "no staging left");
    Poll.until("NameNode clean", 60_000,
        () -> ClusterHealth.of(cluster.mini().getNamesystem()).isClean());
    assertTrue(ClusterHealth.fsckHealthy(cluster.conf(), "/"),
        ClusterHealth.fsck(cluster.conf(), "/"));
  }
}
