package org.bart.datanode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.hdfs.server.datanode.ReplicaInfo;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;
import org.bart.codec.WideCode;
import org.bart.codec.WideMerger;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.hdfs.DataOnlyPolicy;
import org.bart.namenode.hdfs.PlacedFile;
import org.bart.protocol.AgentClient;
import org.bart.protocol.AgentProtocolPB;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.RpcServers;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.ops.MergeOp;
import org.bart.protocol.ops.OpResult;
import org.bart.protocol.ops.RelabelOp;
import org.bart.protocol.ops.ReplicaAt;
import org.bart.protocol.ops.SendOp;
import org.bart.protocol.proto.AgentProtos.MergeRequestProto;
import org.bart.protocol.proto.AgentProtos.RelabelRequestProto;
import org.bart.protocol.proto.AgentProtos.SendRequestProto;
import org.bart.protocol.proto.AgentProtos.SourceReplicaProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.proto.CommonProtos.NodeProto;
import org.bart.testing.Poll;
import org.bart.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/**
 * The agent's block operations on a MiniDFSCluster with files written by the stock client as
 * RS-LEGACY(6,3): relabel and send into a data-only (6,0) twin, retries, bad inputs, failures
 * mid-transfer and authorization.
 */
class AgentOperationsIT {

  private static final long SEED = Long.getLong("bart.test.seed", 20261123L);
  private static final int BLOCK = 1024 * 1024;
  private static final ErasureCodingPolicy RS63 =
      SystemErasureCodingPolicies.getByID(SystemErasureCodingPolicies.RS_6_3_LEGACY_POLICY_ID);

  private static EmbeddedCluster cluster;
  private static DistributedFileSystem dfs;
  private static ErasureCodingPolicy dataOnly;
  private static int fileCounter;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = EmbeddedCluster.builder().dataNodes(11).blockSize(BLOCK)
        .set(BartConfigKeys.AGENT_CHUNK_BYTES, String.valueOf(256 * 1024)).start();
    dfs = cluster.dfs();
    dfs.mkdirs(new Path("/ec"));
    dfs.setErasureCodingPolicy(new Path("/ec"), RS63.getName());
    dataOnly = DataOnlyPolicy.ensureEnabled(dfs, RS63);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void resetFaults() {
    AgentFaultInjector.set(new AgentFaultInjector());
  }

  /** A new RS(6,3) file of one full group, with its group once every block is reported. */
  private static Written writeGroup() throws Exception {
    Path p = new Path("/ec/f" + (fileCounter++));
    byte[] data = SampleFiles.randomBytes(SEED + fileCounter, 6 * BLOCK);
    SampleFiles.write(dfs, p, data);
    List<BlockGroup> groups = TestFiles.awaitComplete(dfs, p);
    assertEquals(1, groups.size(), "seed " + SEED);
    return new Written(p, data, groups.get(0));
  }

  private static final class Written {
    final Path path;
    final byte[] data;
    final BlockGroup group;

    Written(Path path, byte[] data, BlockGroup group) {
      this.path = path;
      this.data = data;
      this.group = group;
    }
  }

  private static AgentClient agentOf(DatanodeInfo node) throws IOException {
    return AgentClient.connect(cluster.agentAddress(node.getDatanodeUuid()), cluster.conf());
  }

  private static NodeProto nodeProto(DataNode dn) throws IOException {
    return ProtoConverters.toProto(dn.getDatanodeId(), cluster.agentAddress(dn.getDatanodeUuid()));
  }

  // The requests are built as the agent receives them; the client takes them in domain form.
  private static RelabelOp op(RelabelRequestProto p) {
    return new RelabelOp(WideReadConverter.toReplica(p.getSource()),
        WideReadConverter.toReplica(p.getTarget()));
  }

  private static SendOp op(SendRequestProto p) {
    return new SendOp(WideReadConverter.toReplica(p.getSource()),
        WideReadConverter.toReplica(p.getTarget()), WideReadConverter.toNode(p.getTargetNode()));
  }

  private static MergeOp op(MergeRequestProto p) {
    List<ReplicaAt> sources = new ArrayList<>();
    for (SourceReplicaProto s : p.getSourcesList()) {
      sources.add(new ReplicaAt(WideReadConverter.toReplica(s.getBlock()),
          WideReadConverter.toNode(s.getNode())));
    }
    return new MergeOp(WideCode.parse(p.getWideCode()), p.getParityIndex(), sources,
        WideReadConverter.toReplica(p.getTarget()), WideReadConverter.toNode(p.getTargetNode()));
  }

  private static DataNode dataNode(String uuid) {
    for (DataNode dn : cluster.mini().getDataNodes()) {
      if (uuid.equals(dn.getDatanodeUuid())) {
        return dn;
      }
    }
    throw new AssertionError("no DataNode " + uuid);
  }

  /** A DataNode holding no block of {@code g}. */
  private static DataNode spareFor(BlockGroup g) {
    Set<String> used = new HashSet<>();
    for (int i = 0; i < g.width(); i++) {
      used.add(g.node(i).getDatanodeUuid());
    }
    for (DataNode dn : cluster.mini().getDataNodes()) {
      if (!used.contains(dn.getDatanodeUuid())) {
        return dn;
      }
    }
    throw new AssertionError("no spare DataNode");
  }

  private static BlockProto target(ExtendedBlock group, int index, long len) {
    return BlockProto.newBuilder().setPoolId(group.getBlockPoolId())
        .setBlockId(group.getBlockId() + index).setGenStamp(group.getGenerationStamp())
        .setNumBytes(len).build();
  }

  @Test
  void relabelAndSendBuildAReadableDataOnlyTwinWithExactUsedSpace() throws Exception {
    Written a = writeGroup();
    BlockGroup g = a.group;
    String pool = g.group().getBlockPoolId();
    DataNode spare = spareFor(g);

    // Every DataNode's used space and replicas, once nothing else is being written or deleted.
    Map<String, Usage> before = quietUsage();

    PlacedFile twin = PlacedFile.create(dfs.getClient(), "/twin/a", FsPermission.getFileDefault(),
        dataOnly.getName(), (short) 1, BLOCK);
    LocatedBlock newGroup = twin.addBlock(null, null);
    ExtendedBlock ng = newGroup.getBlock();

    for (int i = 0; i < 5; i++) {
      try (AgentClient agent = agentOf(g.node(i))) {
        RelabelRequestProto req = RelabelRequestProto.newBuilder()
            .setSource(ProtoConverters.toProto(g.block(i)))
            .setTarget(target(ng, i, g.block(i).getNumBytes())).build();
        OpResult r = agent.relabel(op(req));
        assertEquals(OpResult.Path.LINKED, r.path(), "relabel of index " + i);
        assertEquals(0, r.bytesWritten());
        assertEquals(OpResult.Path.ALREADY_DONE, agent.relabel(op(req)).path(),
            "retried relabel");
        ReplicaInfo linked = (ReplicaInfo) dataNode(g.node(i).getDatanodeUuid()).getFSDataset()
            .getReplica(pool, ng.getBlockId() + i);
        assertEquals(2, Files.getAttribute(new File(linked.getBlockURI()).toPath(), "unix:nlink"),
            "the relabelled replica shares its inode with the original");
      }
    }
    SendRequestProto send = SendRequestProto.newBuilder()
        .setSource(ProtoConverters.toProto(g.block(5)))
        .setTarget(target(ng, 5, g.block(5).getNumBytes()))
        .setTargetNode(nodeProto(spare)).build();
    try (AgentClient agent = agentOf(g.node(5))) {
      OpResult r = agent.send(op(send));
      assertEquals(OpResult.Path.TRANSFERRED, r.path());
      assertEquals(BLOCK, r.bytesSent());
      assertEquals(OpResult.Path.ALREADY_DONE, agent.send(op(send)).path(), "retried send");
    }

    ExtendedBlock last = new ExtendedBlock(ng);
    last.setNumBytes(6L * BLOCK);
    Poll.until("twin complete", 30_000, () -> twin.tryComplete(last));
    List<BlockGroup> twinGroups = BlockGroup.of(dfs.getClient(), "/twin/a");
    assertEquals(spare.getDatanodeUuid(), twinGroups.get(0).node(5).getDatanodeUuid(),
        "the NameNode locates the sent block where it was sent");
    for (int i = 0; i < 5; i++) {
      assertEquals(g.node(i).getDatanodeUuid(), twinGroups.get(0).node(i).getDatanodeUuid());
    }
    assertArrayEquals(a.data, SampleFiles.read(dfs, new Path("/twin/a")), "seed " + SEED);

    // Replace the original by its twin: the old group, parity included, is deleted.
    dfs.rename(new Path("/twin/a"), a.path, Options.Rename.OVERWRITE);
    Poll.until("old group deleted from DataNodes", 60_000, () -> {
      for (int i = 0; i < g.width(); i++) {
        if (dataNode(g.node(i).getDatanodeUuid()).getFSDataset()
            .getReplica(pool, g.block(i).getBlockId()) != null) {
          return false;
        }
      }
      return true;
    });
    assertArrayEquals(a.data, SampleFiles.read(dfs, a.path), "seed " + SEED);
    assertEquals(dataOnly.getName(), dfs.getErasureCodingPolicy(a.path).getName());
    // dfsUsed must have moved exactly by the bytes of the replicas that appeared and went:
    // relabels add a name that later outlives the old one (without the accounting fix they
    // would leave dfsUsed short by their size once the old group is deleted).
    Map<String, Usage> after = quietUsage();
    for (DataNode dn : cluster.mini().getDataNodes()) {
      Usage b = before.get(dn.getDatanodeUuid());
      Usage n = after.get(dn.getDatanodeUuid());
      assertEquals(n.replicaBytesSince(b), n.dfsUsed - b.dfsUsed,
          "dfsUsed change of DataNode " + dn.getDisplayName() + " (replicas " + b.replicas.keySet()
              + " -> " + n.replicas.keySet() + ")");
    }
  }

  /** One DataNode's used space and the bytes (block + meta) of each finalized replica. */
  private static final class Usage {
    final long dfsUsed;
    final Map<Long, Long> replicas = new HashMap<>();

    Usage(DataNode dn) throws IOException {
      dfsUsed = dn.getFSDataset().getDfsUsed();
      String pool = cluster.mini().getNamesystem().getBlockPoolId();
      for (ReplicaInfo r : dn.getFSDataset().getFinalizedBlocks(pool)) {
        replicas.put(r.getBlockId(), new File(r.getBlockURI()).length()
            + new File(r.getMetadataURI()).length());
      }
    }

    /** Bytes of the replicas added since {@code earlier} minus those removed. */
    long replicaBytesSince(Usage earlier) {
      long delta = 0;
      for (Map.Entry<Long, Long> e : replicas.entrySet()) {
        delta += earlier.replicas.containsKey(e.getKey()) ? 0 : e.getValue();
      }
      for (Map.Entry<Long, Long> e : earlier.replicas.entrySet()) {
        delta -= replicas.containsKey(e.getKey()) ? 0 : e.getValue();
      }
      return delta;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Usage && ((Usage) o).dfsUsed == dfsUsed
          && ((Usage) o).replicas.equals(replicas);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(dfsUsed);
    }
  }

  /** Every DataNode's usage once the NameNode has no deletion pending and two looks agree. */
  private static Map<String, Usage> quietUsage() throws Exception {
    List<Map<String, Usage>> last = new java.util.ArrayList<>();
    Poll.until("DataNodes quiet", 60_000, () -> {
      Map<String, Usage> now = new HashMap<>();
      for (DataNode dn : cluster.mini().getDataNodes()) {
        now.put(dn.getDatanodeUuid(), new Usage(dn));
      }
      boolean quiet = cluster.mini().getNamesystem().getPendingDeletionBlocks() == 0
          && !last.isEmpty() && last.get(0).equals(now);
      last.clear();
      last.add(now);
      return quiet;
    });
    return last.get(0);
  }

  @Test
  void mergeStoresTheWideParityOnTheChosenNodeWithTheCodecsBytes() throws Exception {
    Written[] members = {writeGroup(), writeGroup(), writeGroup()};
    WideCode code = WideCode.forGeometry(6, 3, 3);
    int r = 1;
    String pool = members[0].group.group().getBlockPoolId();
    Set<String> used = new HashSet<>();
    for (Written w : members) {
      for (int i = 0; i < 9; i++) {
        used.add(w.group.node(i).getDatanodeUuid());
      }
    }
    DataNode chosen = null;
    for (DataNode dn : cluster.mini().getDataNodes()) {
      if (!used.contains(dn.getDatanodeUuid())) {
        chosen = dn;
      }
    }
    if (chosen == null) { // every node holds something: store it on the merging node's peer
      chosen = dataNode(members[2].group.node(0).getDatanodeUuid());
    }
    PlacedFile parity = PlacedFile.create(dfs.getClient(), "/parity/p" + (fileCounter++),
        FsPermission.getFileDefault(), null, (short) 1, BLOCK);
    LocatedBlock allocated = parity.addBlock(null, chosen.getDatanodeId().getXferAddr());
    MergeRequestProto.Builder req = MergeRequestProto.newBuilder().setWideCode(code.toString())
        .setParityIndex(r).setTargetNode(nodeProto(chosen))
        .setTarget(ProtoConverters.toProto(allocated.getBlock()).toBuilder().setNumBytes(BLOCK));
    ByteBuffer[] narrow = new ByteBuffer[3];
    for (int s = 0; s < 3; s++) {
      BlockGroup g = members[s].group;
      req.addSources(SourceReplicaProto.newBuilder()
          .setBlock(ProtoConverters.toProto(g.block(6 + r)))
          .setNode(nodeProto(dataNode(g.node(6 + r).getDatanodeUuid()))));
      ReplicaInfo replica = (ReplicaInfo) dataNode(g.node(6 + r).getDatanodeUuid())
          .getFSDataset().getReplica(pool, g.block(6 + r).getBlockId());
      narrow[s] = ByteBuffer.wrap(Files.readAllBytes(new File(replica.getBlockURI()).toPath()));
    }
    ByteBuffer expected = ByteBuffer.allocate(BLOCK);
    new WideMerger(code).merge(r, narrow, expected);

    // Merge on the node holding member 0's narrow parity: two remote reads, one push.
    try (AgentClient agent = agentOf(members[0].group.node(6 + r))) {
      OpResult result = agent.merge(op(req.build()));
      assertEquals(OpResult.Path.COMPUTED, result.path());
      assertEquals(OpResult.Path.ALREADY_DONE, agent.merge(op(req.build())).path(),
          "retried merge");
      assertEquals(OpResult.Path.CHECKED, agent.checkMerge(op(req.build())).path());
    }
    ExtendedBlock last = ProtoConverters.toBlock(req.getTarget());
    Poll.until("parity file complete", 30_000, () -> parity.tryComplete(last));
    LocatedBlock stored = dfs.getClient().getLocatedBlocks(parity.path(), 0).get(0);
    assertEquals(1, stored.getLocations().length);
    assertEquals(chosen.getDatanodeUuid(), stored.getLocations()[0].getDatanodeUuid(),
        "the NameNode locates the wide parity on the chosen DataNode");
    assertArrayEquals(expected.array(), SampleFiles.read(dfs, new Path(parity.path())),
        "wide parity equals the codec's merge of the narrow parities (seed " + SEED + ")");
  }

  @Test
  void badInputsAreRefusedWithTheirReasonAndChangeNothing() throws Exception {
    Written b = writeGroup();
    BlockGroup g = b.group;
    BlockProto source = ProtoConverters.toProto(g.block(0));
    BlockProto fresh = source.toBuilder().setBlockId(source.getBlockId() - 1000).build();
    try (AgentClient agent = agentOf(g.node(0))) {
      BartAgentException unknown = assertThrows(BartAgentException.class, () -> agent.relabel(op(
          RelabelRequestProto.newBuilder().setSource(fresh).setTarget(fresh).build())));
      assertTrue(unknown.getMessage().contains("not found"), unknown.getMessage());
      assertTrue(unknown.getMessage().contains("blk_" + fresh.getBlockId()), unknown.getMessage());

      BlockProto wrongGs = source.toBuilder().setGenStamp(source.getGenStamp() + 7).build();
      BartAgentException gs = assertThrows(BartAgentException.class, () -> agent.relabel(op(
          RelabelRequestProto.newBuilder().setSource(wrongGs).setTarget(fresh).build())));
      assertTrue(gs.getMessage().contains("has genstamp " + source.getGenStamp()), gs.getMessage());

      BlockProto taken = source.toBuilder().setGenStamp(source.getGenStamp() + 1).build();
      BartAgentException used = assertThrows(BartAgentException.class, () -> agent.relabel(op(
          RelabelRequestProto.newBuilder().setSource(source).setTarget(taken).build())));
      assertTrue(used.getMessage().contains("target id already used"), used.getMessage());

      NodeProto nowhere = nodeProto(spareFor(g)).toBuilder().setUuid("no-such-datanode")
          .setAgentAddress("127.0.0.1:1").build();
      BartAgentException unreachable = assertThrows(BartAgentException.class, () -> agent.send(op(
          SendRequestProto.newBuilder().setSource(source).setTarget(fresh)
              .setTargetNode(nowhere).build())));
      assertTrue(unreachable.getMessage().contains("unreachable"), unreachable.getMessage());
    }
    assertNull(dataNode(g.node(0).getDatanodeUuid()).getFSDataset()
        .getReplica(source.getPoolId(), fresh.getBlockId()));
    assertArrayEquals(b.data, SampleFiles.read(dfs, b.path), "seed " + SEED);
  }

  @Test
  void aFailedTransferLeavesNoPartialReplicaAndCanBeRetried() throws Exception {
    Written c = writeGroup();
    BlockGroup g = c.group;
    DataNode spare = spareFor(g);
    BlockProto source = ProtoConverters.toProto(g.block(1));
    BlockProto target = source.toBuilder().setBlockId(source.getBlockId() - 5000).build();
    SendRequestProto send = SendRequestProto.newBuilder().setSource(source).setTarget(target)
        .setTargetNode(nodeProto(spare)).build();
    AtomicBoolean fail = new AtomicBoolean(true);
    AgentFaultInjector.set(new AgentFaultInjector() {
      @Override
      public void afterChunk(String op, String dn, long id, long bytesSoFar) throws IOException {
        if (fail.get() && id == target.getBlockId() && bytesSoFar >= 512 * 1024) {
          throw new IOException("injected: link cut after " + bytesSoFar + " bytes");
        }
      }
    });
    try (AgentClient agent = agentOf(g.node(1))) {
      IOException e = assertThrows(IOException.class, () -> agent.send(op(send)));
      assertTrue(e.getMessage().contains("injected"), e.getMessage());
      Poll.until("partial replica discarded on the target", 30_000,
          () -> spare.getXceiverCount() == 0
              && spare.getFSDataset().getReplica(target.getPoolId(), target.getBlockId()) == null);
      fail.set(false);
      assertEquals(OpResult.Path.TRANSFERRED, agent.send(op(send)).path(), "retry after the failure");
    }
    ReplicaInfo r = (ReplicaInfo) spare.getFSDataset().getReplica(target.getPoolId(),
        target.getBlockId());
    assertNotNull(r);
    assertEquals(target.getNumBytes(), r.getNumBytes());
  }

  @Test
  void aTargetThatDiesMidTransferKeepsNoReplicaAfterRestart() throws Exception {
    Written d = writeGroup();
    BlockGroup g = d.group;
    DataNode spare = spareFor(g);
    String spareUuid = spare.getDatanodeUuid();
    BlockProto source = ProtoConverters.toProto(g.block(2));
    BlockProto target = source.toBuilder().setBlockId(source.getBlockId() - 6000).build();
    SendRequestProto send = SendRequestProto.newBuilder().setSource(source).setTarget(target)
        .setTargetNode(nodeProto(spare)).build();
    MiniDFSCluster mini = cluster.mini();
    MiniDFSCluster.DataNodeProperties[] stopped = new MiniDFSCluster.DataNodeProperties[1];
    AgentFaultInjector.set(new AgentFaultInjector() {
      @Override
      public void afterChunk(String op, String dn, long id, long bytesSoFar) {
        if (id == target.getBlockId() && stopped[0] == null) {
          stopped[0] = mini.stopDataNode(spare.getDatanodeId().getXferAddr());
        }
      }
    });
    try (AgentClient agent = agentOf(g.node(2))) {
      assertThrows(IOException.class, () -> agent.send(op(send)));
    }
    assertNotNull(stopped[0], "the target was stopped mid-transfer");
    mini.restartDataNode(stopped[0], false); // new ports: the old one may be taken meanwhile
    mini.waitActive();
    DataNode restarted = dataNode(spareUuid);
    Poll.until("restarted DataNode loaded", 30_000, () -> restarted.getFSDataset() != null);
    assertNull(restarted.getFSDataset().getReplica(target.getPoolId(), target.getBlockId()));
    try (java.util.stream.Stream<java.nio.file.Path> files = Files.walk(
        new File(mini.getDataDirectory()).toPath())) {
      assertEquals(0, files.filter(f -> f.getFileName().toString()
          .startsWith("blk_" + target.getBlockId())).count(), "no file of the partial replica");
    }
  }

  @Test
  void aCallerWhoIsNotTheSuperuserIsRefused() throws Exception {
    Written e = writeGroup();
    DatanodeInfo node = e.group.node(0);
    String address = cluster.agentAddress(node.getDatanodeUuid());
    UserGroupInformation mallory = UserGroupInformation.createUserForTesting("mallory",
        new String[] {"users"});
    AccessControlException denied = assertThrows(AccessControlException.class,
        () -> mallory.doAs((PrivilegedExceptionAction<Object>) () -> {
          // A raw connection as mallory: BART's own AgentClient always connects as its daemon.
          AgentProtocolPB proxy = RpcServers.proxy(AgentProtocolPB.class,
              NetUtils.createSocketAddr(address), cluster.conf());
          try {
            return proxy.relabel(null, RelabelRequestProto.newBuilder()
                .setSource(ProtoConverters.toProto(e.group.block(0)))
                .setTarget(ProtoConverters.toProto(e.group.block(0))).build());
          } catch (ServiceException se) {
            throw ((RemoteException) se.getCause()).unwrapRemoteException();
          } finally {
            RPC.stopProxy(proxy);
          }
        }));
    assertTrue(denied.getMessage().contains("mallory"), denied.getMessage());
  }
}
