package org.bart.namenode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.hdfs.server.datanode.ReplicaInfo;
import org.apache.hadoop.io.erasurecode.ECSchema;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.admin.TransitionRunner;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.testing.BlockReports;
import org.bart.testing.TestFiles;
import org.bart.testing.Users;

/**
 * A 7-DataNode cluster with RS-LEGACY(2,1) files (64 KiB cells, 256 KiB blocks) for the
 * transition tests that run many small transitions.
 */
final class SmallCluster {

  static final long SEED = Long.getLong("bart.test.seed", 20261123L);
  static final int CELL = 64 * 1024;
  static final int BLOCK = 4 * CELL;

  final EmbeddedCluster cluster;
  final ErasureCodingPolicy narrow;

  SmallCluster() throws Exception {
    this(EmbeddedCluster.builder());
  }

  /** The cluster of {@code builder} (with whatever else it sets) with 7 DataNodes. */
  SmallCluster(EmbeddedCluster.Builder builder) throws Exception {
    cluster = builder.dataNodes(7).blockSize(BLOCK).start();
    narrow = new ErasureCodingPolicy(new ECSchema("rs-legacy", 2, 1), CELL);
    dfs().addErasureCodingPolicies(new ErasureCodingPolicy[] {narrow});
    dfs().enableErasureCodingPolicy(narrow.getName());
  }

  /**
   * A cluster whose NameNode a test restarts: its clients drop an idle connection after 100 ms
   * (Hadoop's default is 10 s), so that no call after the restart goes out on a connection the
   * stopped NameNode (or its coordinator) closed while it was idle, which fails with an
   * EOFException instead of reconnecting.
   */
  static SmallCluster forRestarts() throws Exception {
    return new SmallCluster(EmbeddedCluster.builder().set(
        CommonConfigurationKeysPublic.IPC_CLIENT_CONNECTION_MAXIDLETIME_KEY, "100"));
  }

  /** An ordinary user {@code name} (group {@code name + "s"}) owning {@code /users/NAME}. */
  UserGroupInformation userWithHome(String name) throws Exception {
    Path home = new Path("/users/" + name);
    dfs().mkdirs(home);
    dfs().setOwner(home, name, name + "s");
    return Users.ordinary(name);
  }

  DistributedFileSystem dfs() throws Exception {
    return cluster.dfs();
  }

  /** A tree of four RS-LEGACY(2,1) files (6 stripes), fully reported; returns their bytes. */
  Map<String, byte[]> writeTree(String tree, long seed) throws Exception {
    dfs().mkdirs(new Path(tree));
    dfs().setErasureCodingPolicy(new Path(tree), narrow.getName());
    int group = 2 * BLOCK;
    int[] sizes = {2 * group, group + 100 * 1024, group, 100 * 1024};
    Map<String, byte[]> contents = new LinkedHashMap<>();
    for (int i = 0; i < sizes.length; i++) {
      String p = tree + "/f" + i;
      contents.put(p, SampleFiles.randomBytes(seed + i, sizes[i]));
      SampleFiles.write(dfs(), new Path(p), contents.get(p));
      TestFiles.awaitComplete(dfs(), new Path(p));
    }
    return contents;
  }

  TransitionRunner.Outcome transition(String tree, int lambda) throws Exception {
    return transition(StartTransitionRequestProto.newBuilder().setPath(tree).setApproach("BTPM")
        .setLambda(lambda).setDryRun(false).setSeed(SEED).build());
  }

  TransitionRunner.Outcome transition(StartTransitionRequestProto req) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TransitionRunner.Outcome o = new TransitionRunner(cluster.conf(), new PrintStream(log, true),
        false).run(req, null, null);
    System.out.println(log);
    return o;
  }

  /** Ids of every block the NameNode knows of, in every file of the namespace. */
  Set<Long> blocksInNamespace() throws Exception {
    Set<Long> ids = new HashSet<>();
    RemoteIterator<LocatedFileStatus> it = dfs().listFiles(new Path("/"), true);
    while (it.hasNext()) {
      FileStatus f = it.next();
      String p = f.getPath().toUri().getPath();
      for (LocatedBlock lb : dfs().getClient().getLocatedBlocks(p, 0, Long.MAX_VALUE)
          .getLocatedBlocks()) {
        long id = lb.getBlock().getBlockId();
        if (lb.isStriped()) {
          for (int i = 0; i < 16; i++) {
            ids.add(id + i); // internal blocks: not every index exists, the check is one-way
          }
        } else {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  /**
   * Whether every finalized replica on the DataNodes belongs to a file. Every DataNode first sends
   * a full block report, as its periodic one would (an hour apart here): a replica no incremental
   * report named (one finished by an agent after the coordinator died) is then deleted by the
   * NameNode like any other orphan.
   */
  boolean knowsEveryReplica() throws Exception {
    BlockReports.sendFromEvery(cluster.mini());
    return blocksInNamespace().containsAll(replicasOnDataNodes());
  }

  /** Ids of every finalized replica on the DataNodes' disks. */
  Set<Long> replicasOnDataNodes() {
    Set<Long> ids = new HashSet<>();
    String pool = cluster.mini().getNamesystem().getBlockPoolId();
    for (DataNode dn : cluster.mini().getDataNodes()) {
      for (ReplicaInfo r : dn.getFSDataset().getFinalizedBlocks(pool)) {
        ids.add(r.getBlockId());
      }
    }
    return ids;
  }

  void close() {
    cluster.close();
  }
}
