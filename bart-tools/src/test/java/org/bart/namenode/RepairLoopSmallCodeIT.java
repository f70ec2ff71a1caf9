package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.io.erasurecode.ECSchema;
import org.bart.admin.TransitionRunner;
import org.bart.client.BartFileSystem;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.ClusterHealth;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.MaintenanceReport;
import org.bart.testing.DeadNodes;
import org.bart.testing.Poll;
import org.bart.testing.TestFiles;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.Test;


/**
 * The small code (2,1,2) left to the NameNode plugin's periodic repair
 * ({@code dfs.bart.repair.interval}): a dead DataNode's units come back without anyone asking,
 * and the files then survive the loss of another DataNode.
 */
class RepairLoopSmallCodeIT {

  private static final long SEED = Long.getLong("bart.test.seed", 20261123L);
  private static final int CELL = 64 * 1024;

  @Test
  void thePeriodicRepairRestoresLostUnitsByItself() throws Exception {
    try (EmbeddedCluster cluster = EmbeddedCluster.builder().dataNodes(8).blockSize(4 * CELL)
        .set(BartConfigKeys.REPAIR_INTERVAL, "1s").start()) {
      DistributedFileSystem dfs = cluster.dfs();
      ErasureCodingPolicy narrow = new ErasureCodingPolicy(new ECSchema("rs-legacy", 2, 1), CELL);
      dfs.addErasureCodingPolicies(new ErasureCodingPolicy[] {narrow});
      dfs.enableErasureCodingPolicy(narrow.getName());
      dfs.mkdirs(new Path("/t"));
      dfs.setErasureCodingPolicy(new Path("/t"), narrow.getName());
      Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
      for (int i = 0; i < 4; i++) {
        contents.put("/t/f" + i, SampleFiles.randomBytes(SEED + i, 8 * CELL - 1000 * i));
        SampleFiles.write(dfs, new Path("/t/f" + i), contents.get("/t/f" + i));
        TestFiles.awaitComplete(dfs, new Path("/t/f" + i));
      }
      TransitionRunner.Outcome o = new TransitionRunner(cluster.conf(), System.out, false).run(
          StartTransitionRequestProto.newBuilder().setPath("/t").setApproach("BTPM").setLambda(2)
              .setDryRun(false).setSeed(SEED).build(), null, null);
      assertTrue(o.succeeded, o.error);

      String parity = WideGroups.parityFiles(dfs, "/t").get(0);
      String victim = WideLayout.load(dfs, parity).units[0].nodes.get(0).getDatanodeUuid();
      cluster.stopDataNode(victim);
      DeadNodes.declare(cluster.mini(), victim);
      Poll.until("the periodic repair rebuilt the dead DataNode's units", 60_000, () -> {
        for (String p : WideGroups.parityFiles(dfs, "/t")) {
          for (WideLayout.Unit u : WideLayout.load(dfs, p).units) {
            if (u.nodes.stream().noneMatch(dn -> !dn.getDatanodeUuid().equals(victim))) {
              return false;
            }
          }
        }
        return true;
      });
      try (CoordinatorClient c = CoordinatorClient.connect(cluster.conf())) {
        MaintenanceReport v = MaintenanceReport.fromJson(c.verify("/t"));
        assertTrue(v.problems.isEmpty(), v.problems.toString());
      }
      // m = 1: one more DataNode of a group may die and everything still reads.
      List<DatanodeInfo> nodes = WideLayout.load(dfs, parity).units[1].nodes;
      for (DatanodeInfo dn : nodes) {
        if (!dn.getDatanodeUuid().equals(victim)) {
          cluster.stopDataNode(dn.getDatanodeUuid());
          break;
        }
      }
      Configuration conf = new Configuration(cluster.conf());
      conf.set("fs.hdfs.impl", BartFileSystem.class.getName());
      conf.setBoolean("fs.hdfs.impl.disable.cache", true);
      try (FileSystem fs = FileSystem.newInstance(dfs.getUri(), conf)) {
        for (Map.Entry<String, byte[]> e : contents.entrySet()) {
          byte[] got = new byte[e.getValue().length];
          try (FSDataInputStream in = fs.open(new Path(e.getKey()))) {
            IOUtils.readFully(in, got, 0, got.length);
          }
          assertArrayEquals(e.getValue(), got, e.getKey() + " (seed " + SEED + ")");
        }
      }
    }
  }
}
