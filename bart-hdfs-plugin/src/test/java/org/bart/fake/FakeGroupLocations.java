package org.bart.fake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.util.StripedBlockUtil;
import org.bart.codec.WideCode;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.maintenance.GroupLocations;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.GroupMetadata;
import org.bart.namenode.metadata.TreeIndex;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;

/**
 * The NameNode's view of a {@link FakeCluster} that repair and verify act on: the wide groups'
 * units found as {@link WideLayout#load} finds them in HDFS (members by inode id, each unit with
 * the DataNode listed for it), the live DataNodes, and those with a ready agent.
 */
public final class FakeGroupLocations implements GroupLocations {

  private final FakeCluster cluster;
  private final Namespace ns;

  /** @param ns the namespace as the coordinator's process sees it */
  public FakeGroupLocations(FakeCluster cluster, Namespace ns) {
    this.cluster = cluster;
    this.ns = ns;
  }

  @Override
  public List<String> trees() throws IOException {
    return TreeIndex.trees(ns, this::pathOf);
  }

  @Override
  public WideLayout layout(String parityPath) throws IOException {
    WideGroupProto g = GroupMetadata.readGroup(ns, parityPath);
    if (g == null) {
      throw new IOException(parityPath + " has no BART group metadata");
    }
    synchronized (cluster) {
      WideCode code = WideCode.parse(g.getWideCode());
      int k = code.k();
      WideLayout.Unit[] units = new WideLayout.Unit[code.totalUnits()];
      List<Integer> gone = new ArrayList<>();
      for (int s = 0; s < g.getMembersCount(); s++) {
        MemberProto m = g.getMembers(s);
        FakeInode f = m.getRemoved() ? null : cluster.namespace.inode(BartPaths.byInode(
            m.getFileId()));
        FakeInode.Block b = f == null || m.getGroupIndex() >= f.blocks.size() ? null
            : f.blocks.get(m.getGroupIndex());
        if (b != null && b.id != m.getBlockGroupId()) {
          b = null; // the file no longer holds that group
        }
        for (int j = 0; j < k; j++) {
          WideLayout.Unit u;
          if (m.getRemoved()) {
            u = new WideLayout.Unit(null, 0);
          } else if (b == null) {
            u = new WideLayout.Unit(null, StripedBlockUtil.getInternalBlockLength(
                m.getDataBytes(), g.getCellSize(), k, j));
          } else {
            long length = FakeNamespace.unitLength(f, b, j);
            u = located(new ExtendedBlock(FakeCluster.POOL, b.id + j, length, b.genStamp),
                length);
          }
          units[code.dataUnit(s, j)] = u;
        }
        if (b == null && !m.getRemoved()) {
          gone.add(s);
        }
      }
      FakeInode parity = cluster.namespace.inode(parityPath);
      for (int r = 0; r < code.m(); r++) {
        FakeInode.Block b = parity.blocks.get(r);
        units[code.parityUnit(r)] = located(new ExtendedBlock(FakeCluster.POOL, b.id,
            b.numBytes, b.genStamp), b.numBytes);
      }
      return WideLayout.of(parityPath, g, units, gone);
    }
  }

  /** A unit with the DataNode the NameNode lists for its block, if any. */
  private WideLayout.Unit located(ExtendedBlock block, long length) {
    WideLayout.Unit u = new WideLayout.Unit(block, length);
    int at = cluster.location(block.getBlockId());
    if (at >= 0) {
      u.nodes.add(cluster.datanode(at));
    }
    return u;
  }

  @Override
  public Set<String> liveDataNodes() {
    Set<String> live = new HashSet<>();
    for (int i = 0; i < cluster.size(); i++) {
      if (cluster.isLive(i)) {
        live.add(cluster.datanode(i).getDatanodeUuid());
      }
    }
    return live;
  }

  @Override
  public ClusterView usableNodes() {
    List<DatanodeInfo> usable = new ArrayList<>();
    for (int i = 0; i < cluster.size(); i++) {
      if (cluster.isLive(i) && cluster.datanode(i).isInService()) {
        usable.add(cluster.datanode(i));
      }
    }
    return ClusterView.of(usable, FakeCluster::agentAddress);
  }

  @Override
  public String pathOf(long fileId) {
    FakeInode i = cluster.namespace.inode(BartPaths.byInode(fileId));
    return i == null ? null : i.path();
  }
}
