package org.bart.bench.hdfs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.net.NetUtils;
import org.bart.demo.EmbeddedCluster;
import org.bart.namenode.hdfs.PlacedFile;
import org.bart.protocol.AgentClient;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.proto.CommonProtos.NodeProto;

/**
 * The replicas a benchmark moves and the blocks it moves them into, on chosen DataNodes of an
 * embedded cluster: sources are replication-1 files of seeded random bytes written by the stock
 * client with the DataNode as favoured node (checked, not hoped for); targets are blocks the
 * NameNode allocates in files of their own, as the coordinator allocates them for a transition.
 */
final class BenchBlocks {

  private final EmbeddedCluster cluster;
  private final DistributedFileSystem dfs;
  private final long blockSize;
  private final Random random;
  private int files;

  BenchBlocks(EmbeddedCluster cluster, long blockSize, long seed) throws IOException {
    this.cluster = cluster;
    this.dfs = cluster.dfs();
    this.blockSize = blockSize;
    this.random = new Random(seed);
  }

  /**
   * Writes {@code count} full blocks held by {@code dn} alone.
   *
   * @throws IOException if the NameNode put a replica elsewhere
   */
  List<BlockProto> writeOn(DataNode dn, int count) throws IOException {
    Path path = new Path("/bench/source-" + (files++));
    InetSocketAddress favoured = NetUtils.createSocketAddr(dn.getDatanodeId().getXferAddr());
    byte[] block = new byte[(int) blockSize];
    try (FSDataOutputStream out = dfs.create(path, FsPermission.getFileDefault(), false, 65536,
        (short) 1, blockSize, null, new InetSocketAddress[] {favoured})) {
      for (int i = 0; i < count; i++) {
        random.nextBytes(block);
        out.write(block);
      }
    }
    List<BlockProto> blocks = new ArrayList<>();
    for (LocatedBlock lb : dfs.getClient().getLocatedBlocks(path.toString(), 0,
        Long.MAX_VALUE).getLocatedBlocks()) {
      if (lb.getLocations().length != 1
          || !lb.getLocations()[0].getDatanodeUuid().equals(dn.getDatanodeUuid())) {
        throw new IOException("source block " + lb.getBlock() + " of " + path + " is not on "
            + dn.getDisplayName() + " alone but on " + Arrays.toString(lb.getLocations()));
      }
      blocks.add(ProtoConverters.toProto(lb.getBlock()));
    }
    return blocks;
  }

  /** {@code count} newly allocated blocks of the full block size, meant for {@code dn}. */
  List<BlockProto> allocateFor(DataNode dn, int count) throws IOException {
    List<BlockProto> blocks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      PlacedFile f = PlacedFile.create(dfs.getClient(), "/bench/target-" + (files++),
          FsPermission.getFileDefault(), null, (short) 1, blockSize);
      LocatedBlock lb = f.addBlock(null, dn.getDatanodeId().getXferAddr());
      blocks.add(ProtoConverters.toProto(lb.getBlock()).toBuilder().setNumBytes(blockSize).build());
    }
    return blocks;
  }

  /** {@code dn} with its agent's address, as operations name their peers. */
  NodeProto node(DataNode dn) throws IOException {
    return ProtoConverters.toProto(dn.getDatanodeId(), cluster.agentAddress(dn.getDatanodeUuid()));
  }

  /** A connection to the agent of {@code dn}; the caller closes it. */
  AgentClient agent(DataNode dn) throws IOException {
    return AgentClient.connect(cluster.agentAddress(dn.getDatanodeUuid()), cluster.conf());
  }
}
