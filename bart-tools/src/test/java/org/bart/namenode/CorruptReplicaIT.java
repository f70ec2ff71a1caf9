package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.RandomAccessFile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.server.blockmanagement.BlockManager;
import org.apache.hadoop.hdfs.server.blockmanagement.DatanodeDescriptor;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.bart.admin.TransitionRunner;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.CoordinatorClient;
import org.bart.report.MaintenanceReport;
import org.bart.testing.Jmx;
import org.bart.testing.Poll;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A data unit's replica corrupted on disk: {@code -verify} meets the checksum error and fails
 * naming the group, the agent that met it reports it to the NameNode, which lists the replica
 * corrupt; repair rebuilds the unit elsewhere and the file reads back byte for byte.
 */
class CorruptReplicaIT {

  private SmallCluster small;

  @AfterEach
  void stop() {
    if (small != null) {
      small.close();
    }
  }

  @Test
  void aCorruptReplicaIsReportedByVerifyAndRebuiltByRepair() throws Exception {
    small = new SmallCluster();
    Map<String, byte[]> contents = small.writeTree("/c", SmallCluster.SEED);
    TransitionRunner.Outcome o = small.transition("/c", 2);
    assertTrue(o.succeeded, o.error);
    String parity = WideGroups.parityFiles(small.dfs(), "/c").get(0);
    WideLayout.Unit unit = WideLayout.load(small.dfs(), parity).units[0];
    ExtendedBlock block = unit.block;
    String holder = unit.nodes.get(0).getDatanodeUuid();
    MiniDFSCluster mini = small.cluster.mini();
    corrupt(mini, holder, block);

    try (CoordinatorClient c = CoordinatorClient.connect(small.cluster.conf())) {
      MaintenanceReport v = MaintenanceReport.fromJson(c.verify("/c"));
      assertTrue(v.problems.stream().anyMatch(p -> p.startsWith(parity)),
          "verify names the group: " + v.problems);
      Poll.until("the NameNode lists the replica on " + holder + " corrupt", 30_000,
          () -> corruptNodes(mini, block).contains(holder));
      Poll.until("the agents count the report", 60_000,
          () -> Jmx.sum("BartAgent-", "CorruptReplicasReported") > 0);

      MaintenanceReport r = MaintenanceReport.fromJson(c.repair("/c"));
      assertTrue(r.problems.isEmpty(), r.problems.toString());
      assertTrue(r.actions.stream().anyMatch(a -> a.startsWith("rebuilt unit 0 (blk_"
          + block.getBlockId() + ")")), r.actions.toString());
      Poll.until("the corrupt replica gone from the NameNode's view", 60_000, () -> {
        List<String> at = uuids(WideLayout.load(small.dfs(), parity).units[0]);
        return corruptNodes(mini, block).isEmpty() && at.size() == 1 && !at.contains(holder);
      });
      MaintenanceReport after = MaintenanceReport.fromJson(c.verify("/c"));
      assertTrue(after.problems.isEmpty(), after.problems.toString());
    }
    assertNotEquals(holder, uuids(WideLayout.load(small.dfs(), parity).units[0]).get(0));
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(small.dfs(), new Path(e.getKey())),
          e.getKey() + ", seed " + SmallCluster.SEED);
    }
  }

  /** Flips the first 512 bytes of the replica's block file on {@code uuid}'s disk. */
  private static void corrupt(MiniDFSCluster mini, String uuid, ExtendedBlock block)
      throws Exception {
    List<DataNode> dns = mini.getDataNodes();
    File f = null;
    for (int i = 0; i < dns.size(); i++) {
      if (dns.get(i).getDatanodeUuid().equals(uuid)) {
        f = mini.getBlockFile(i, block);
      }
    }
    assertNotNull(f, "block file of " + block + " on " + uuid);
    try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
      byte[] b = new byte[512];
      raf.readFully(b);
      for (int i = 0; i < b.length; i++) {
        b[i] ^= (byte) 0xFF;
      }
      raf.seek(0);
      raf.write(b);
    }
  }

  private static java.util.Set<String> corruptNodes(MiniDFSCluster mini, ExtendedBlock block) {
    BlockManager bm = mini.getNamesystem().getBlockManager();
    java.util.Set<String> out = new java.util.HashSet<>();
    mini.getNamesystem().readLock();
    try {
      Collection<DatanodeDescriptor> nodes =
          bm.getCorruptReplicas(bm.getStoredBlock(block.getLocalBlock()));
      if (nodes != null) {
        nodes.forEach(d -> out.add(d.getDatanodeUuid()));
      }
    } finally {
      mini.getNamesystem().readUnlock();
    }
    return out;
  }

  private static List<String> uuids(WideLayout.Unit u) {
    List<String> out = new java.util.ArrayList<>();
    u.nodes.forEach(d -> out.add(d.getDatanodeUuid()));
    return out;
  }
}
