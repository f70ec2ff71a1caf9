package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.apache.hadoop.hdfs.server.blockmanagement.BlockManagerTestUtil;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.bart.admin.TransitionRunner;
import org.bart.demo.ClusterHealth;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.TransitionReport;
import org.bart.testing.ClusterChecks;
import org.bart.testing.Poll;
import org.bart.testing.TestFiles;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/**
 * The flagship transition, RS-LEGACY(6,3) grouped by 3 into (18,3), on 24 DataNodes in 4 racks:
 * bytes and checksums kept, raw storage down by 22.2%, every wide stripe on distinct nodes with a
 * correct wide parity, and a NameNode that finds nothing to move afterwards (the data-only groups
 * already satisfy its rack policy).
 */
class TransitionFlagshipIT {

  private static final long SEED = Long.getLong("bart.test.seed", 20261123L);
  private static final int MIB = 1024 * 1024;

  private static EmbeddedCluster cluster;
  private static DistributedFileSystem dfs;

  @BeforeAll
  static void start() throws Exception {
    String[] racks = new String[24];
    for (int i = 0; i < racks.length; i++) {
      racks[i] = "/rack" + (i % 4);
    }
    cluster = EmbeddedCluster.builder().dataNodes(24).racks(racks).blockSize(MIB).start();
    dfs = cluster.dfs();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void rs63BecomesRs183InPlaceAndTheNameNodeLeavesTheLayoutAlone() throws Exception {
    String tree = "/ec_test";
    dfs.mkdirs(new Path(tree));
    dfs.setErasureCodingPolicy(new Path(tree), SystemErasureCodingPolicies
        .getByID(SystemErasureCodingPolicies.RS_6_3_LEGACY_POLICY_ID).getName());
    int[] groups = {2, 1, 2, 1};
    Map<String, byte[]> contents = new LinkedHashMap<>();
    Map<String, FileChecksum> checksums = new LinkedHashMap<>();
    Set<Long> oldIds = new HashSet<>();
    for (int i = 0; i < groups.length; i++) {
      String p = tree + "/f" + i;
      contents.put(p, SampleFiles.randomBytes(SEED + i, groups[i] * 6 * MIB));
      SampleFiles.write(dfs, new Path(p), contents.get(p));
      for (BlockGroup g : TestFiles.awaitComplete(dfs, new Path(p))) {
        for (int b = 0; b < g.width(); b++) {
          oldIds.add(g.block(b).getBlockId());
        }
      }
      checksums.put(p, ClusterChecks.compositeCrc(cluster, p));
    }

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TransitionRunner.Outcome o = new TransitionRunner(cluster.conf(), new PrintStream(log, true),
        false).run(StartTransitionRequestProto.newBuilder().setPath(tree).setApproach("BTPM")
            .setDryRun(false).setSeed(SEED).build(), null, null);
    System.out.println(log);
    assertTrue(o.succeeded, o.error);
    TransitionReport r = o.report;
    assertEquals(2, r.wideGroups);
    assertEquals(6 * 9L * MIB, r.rawBytesBefore, "6 stripes of 9 internal blocks");
    assertEquals(6 * 6L * MIB + 2 * 3L * MIB, r.rawBytesAfter, "data plus 3 wide parities each");
    assertEquals(22.2, r.savingPercent(), 0.05);

    Poll.until("old groups deleted", 60_000, () -> ClusterChecks.noReplicaOf(cluster, oldIds));
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(dfs, new Path(e.getKey())), e.getKey());
      assertEquals(checksums.get(e.getKey()), ClusterChecks.compositeCrc(cluster, e.getKey()), e.getKey());
    }
    assertEquals(2, WideGroups.check(dfs, tree, contents));
    assertEquals(r.rawBytesAfter, rawBytesOnDataNodes(tree, contents), "raw bytes on DataNodes");

    // Let the NameNode look for work: with every data-only group on min(6, 4) racks, none.
    List<String> before = locations(tree, contents);
    BlockManagerTestUtil.computeAllPendingWork(
        cluster.mini().getNamesystem().getBlockManager());
    BlockManagerTestUtil.updateState(cluster.mini().getNamesystem().getBlockManager());
    Poll.until("NameNode clean", 30_000,
        () -> ClusterHealth.of(cluster.mini().getNamesystem()).isClean());
    String fsck = ClusterHealth.fsck(cluster.conf(), "/");
    assertTrue(fsck.contains("is HEALTHY"), fsck);
    assertTrue(fsck.matches("(?s).*Unsatisfactory placement block groups:\\s+0\\b.*"), fsck);
    assertEquals(before, locations(tree, contents));
  }

  /** Bytes of the replicas of the files' blocks and of the wide parity on DataNode disks. */
  private static long rawBytesOnDataNodes(String tree, Map<String, byte[]> contents)
      throws Exception {
    Set<Long> ids = new HashSet<>();
    for (String p : contents.keySet()) {
      for (BlockGroup g : BlockGroup.of(dfs.getClient(), p)) {
        for (int b = 0; b < g.width(); b++) {
          ids.add(g.block(b).getBlockId());
        }
      }
    }
    for (String parity : WideGroups.parityFiles(dfs, tree)) {
      for (LocatedBlock lb : dfs.getClient().getLocatedBlocks(parity, 0).getLocatedBlocks()) {
        ids.add(lb.getBlock().getBlockId());
      }
    }
    String pool = cluster.mini().getNamesystem().getBlockPoolId();
    long sum = 0;
    for (DataNode dn : cluster.mini().getDataNodes()) {
      for (org.apache.hadoop.hdfs.server.datanode.ReplicaInfo ri
          : dn.getFSDataset().getFinalizedBlocks(pool)) {
        if (ids.contains(ri.getBlockId())) {
          sum += ri.getNumBytes();
        }
      }
    }
    return sum;
  }

  private static List<String> locations(String tree, Map<String, byte[]> contents)
      throws Exception {
    List<String> out = new ArrayList<>();
    for (String p : contents.keySet()) {
      for (BlockGroup g : BlockGroup.of(dfs.getClient(), p)) {
        for (int b = 0; b < g.width(); b++) {
          out.add(g.block(b).getBlockId() + "@" + g.node(b).getDatanodeUuid());
        }
      }
    }
    for (String parity : WideGroups.parityFiles(dfs, tree)) {
      for (LocatedBlock lb : dfs.getClient().getLocatedBlocks(parity, 0).getLocatedBlocks()) {
        out.add(lb.getBlock().getBlockId() + "@" + lb.getLocations()[0].getDatanodeUuid());
      }
    }
    return out;
  }
}
