package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.io.IOUtils;
import org.bart.admin.TransitionRunner;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.testing.BlockReports;
import org.bart.testing.DeadNodes;
import org.bart.testing.Poll;
import org.bart.testing.TestFiles;
import org.bart.testing.Users;
import org.bart.testing.WideGroups;

/**
 * A transitioned (6,3,3) tree on an embedded cluster, with what the failure tests need: the
 * original bytes, the DataNodes holding each wide group's units, stopping and restarting
 * DataNodes, and reads through the BART client.
 */
final class WideCluster {

  static final long SEED = Long.getLong("bart.test.seed", 20261123L);
  /** Cells, and blocks of one cell: the failure tests need many units, not big ones. */
  static final int CELL = 64 * 1024;
  static final String TREE = "/ec_test";

  final EmbeddedCluster cluster;
  final Map<String, byte[]> contents = new LinkedHashMap<>();
  private final Map<String, MiniDFSCluster.DataNodeProperties> stopped = new LinkedHashMap<>();

  WideCluster(int dataNodes, long seed) throws Exception {
    this(EmbeddedCluster.builder(), dataNodes, seed);
  }

  /** @param builder the cluster's settings, to which the data nodes and block size are added */
  WideCluster(EmbeddedCluster.Builder builder, int dataNodes, long seed) throws Exception {
    cluster = builder.dataNodes(dataNodes).blockSize(CELL).start();
    DistributedFileSystem dfs = cluster.dfs();
    dfs.mkdirs(new Path(TREE));
    dfs.setErasureCodingPolicy(new Path(TREE), cluster.enableRsLegacy(6, 3, CELL).getName());
    Random r = new Random(seed);
    int[] groups = {2, 1, 1, 2};
    for (int i = 0; i < groups.length; i++) {
      String p = TREE + "/f" + i;
      // the last group partial but with every data block non-empty
      int len = groups[i] * 6 * CELL - r.nextInt(CELL / 2);
      contents.put(p, SampleFiles.randomBytes(seed + i, len));
      SampleFiles.write(dfs, new Path(p), contents.get(p));
      TestFiles.awaitComplete(dfs, new Path(p));
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TransitionRunner.Outcome o = new TransitionRunner(cluster.conf(), new PrintStream(log, true),
        false).run(StartTransitionRequestProto.newBuilder().setPath(TREE).setApproach("BTPM")
            .setDryRun(false).setSeed(seed).build(), null, null);
    assertTrue(o.succeeded, o.error + "\n" + log);
  }

  DistributedFileSystem dfs() throws Exception {
    return cluster.dfs();
  }

  /**
   * A client with fs.hdfs.impl = BartFileSystem, of an ordinary user: degraded reads must work
   * for whoever may read the file, not only for the HDFS superuser the tests run as.
   */
  FileSystem bartClient() throws Exception {
    return Users.bartClient(Users.ordinary("reader"), dfs(), cluster.conf());
  }

  /** Per wide group (parity path), the uuids of the DataNodes holding its units. */
  Map<String, List<String>> unitNodes() throws Exception {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String parity : WideGroups.parityFiles(dfs(), TREE)) {
      List<String> nodes = new ArrayList<>();
      for (WideLayout.Unit u : WideLayout.load(dfs(), parity).units) {
        for (DatanodeInfo dn : u.nodes) {
          nodes.add(dn.getDatanodeUuid());
        }
      }
      out.put(parity, nodes);
    }
    return out;
  }

  void stop(String uuid) {
    for (DataNode dn : cluster.mini().getDataNodes()) {
      if (uuid.equals(dn.getDatanodeUuid())) {
        stopped.put(uuid, cluster.mini().stopDataNode(dn.getDatanodeId().getXferAddr()));
        return;
      }
    }
    throw new AssertionError("no running DataNode " + uuid);
  }

  /**
   * Restarts every stopped DataNode and waits for their agents, and until every unit is listed
   * on exactly one DataNode in service (a decommissioning one keeps its copies listed). A
   * restarted DataNode brings back its copies of the units a repair rebuilt elsewhere meanwhile,
   * and the NameNode deletes one copy of each a few heartbeats later: a case that picked the copy
   * being deleted, as the source of a move, failed with an EOF from the DataNode.
   */
  void restartAll() throws Exception {
    for (MiniDFSCluster.DataNodeProperties p : stopped.values()) {
      // new ports: the old ones may have been taken meanwhile (the other fork's clusters)
      cluster.mini().restartDataNode(p, false);
    }
    stopped.clear();
    cluster.mini().waitActive();
    cluster.waitAgentsReady(cluster.mini().getDataNodes().size(), 60_000);
    BlockReports.sendFromEvery(cluster.mini());
    Poll.until("every unit located again, on one DataNode in service", 60_000, () -> {
      for (String parity : WideGroups.parityFiles(dfs(), TREE)) {
        for (WideLayout.Unit u : WideLayout.load(dfs(), parity).units) {
          if (u.length > 0 && u.nodes.stream().filter(DatanodeInfo::isInService).count() != 1) {
            return false;
          }
        }
      }
      return true;
    });
  }

  /** Reads every file whole and at random positions through the BART client. */
  void checkReads(Random r) throws Exception {
    try (FileSystem fs = bartClient()) {
      for (Map.Entry<String, byte[]> e : contents.entrySet()) {
        byte[] want = e.getValue();
        byte[] got = new byte[want.length];
        try (FSDataInputStream in = fs.open(new Path(e.getKey()))) {
          IOUtils.readFully(in, got, 0, got.length);
          assertArrayEquals(want, got, e.getKey() + " (seed " + SEED + ")");
          for (int i = 0; i < 4; i++) {
            int pos = r.nextInt(want.length);
            int len = Math.min(want.length - pos, 1 + r.nextInt(3 * CELL));
            byte[] part = new byte[len];
            in.readFully(pos, part);
            byte[] expected = new byte[len];
            System.arraycopy(want, pos, expected, 0, len);
            assertArrayEquals(expected, part, e.getKey() + " pread at " + pos + " of " + len);
          }
        }
      }
    }
  }

  /** Has the NameNode declare the stopped DataNodes dead, and waits until it has. */
  void awaitStoppedDead() throws Exception {
    Set<String> gone = new HashSet<>(stopped.keySet());
    for (String uuid : gone) {
      DeadNodes.declare(cluster.mini(), uuid);
    }
    Poll.until("stopped DataNodes declared dead", 60_000, () -> {
      for (DatanodeInfo dn : dfs().getDataNodeStats(
          org.apache.hadoop.hdfs.protocol.HdfsConstants.DatanodeReportType.LIVE)) {
        if (gone.contains(dn.getDatanodeUuid())) {
          return false;
        }
      }
      return true;
    });
  }

  void close() {
    cluster.close();
  }
}
