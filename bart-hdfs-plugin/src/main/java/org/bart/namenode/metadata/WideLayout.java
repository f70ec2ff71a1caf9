package org.bart.namenode.metadata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedBlocks;
import org.apache.hadoop.hdfs.util.StripedBlockUtil;
import org.bart.codec.WideCode;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.WideUnit;

/**
 * A wide group as the NameNode sees it now: for each unit in wide order (member 0's k data
 * blocks, member 1's, ..., then the wide parities), its block with the exact length and the
 * DataNodes holding it. Members are found by inode id, so renames do not matter; a member whose
 * file was deleted or replaced is reported as gone.
 */
public final class WideLayout {

  /** One unit of the group. */
  public static final class Unit {
    public final ExtendedBlock block;   // null for a unit of a gone or removed member
    public final long length;
    public final List<DatanodeInfo> nodes = new ArrayList<>();

    /** @param block null for a unit of a gone or removed member */
    public Unit(ExtendedBlock block, long length) {
      this.block = block;
      this.length = length;
    }

    public boolean isLost() {
      return length > 0 && nodes.isEmpty();
    }
  }

  public final String parityPath;
  public final WideGroupProto group;
  public final WideCode code;
  public final Unit[] units;
  /** Positions of members whose file is gone (deleted or replaced): their units are zero. */
  public final List<Integer> goneMembers = new ArrayList<>();
  /**
   * Positions of ghost members (files that changed before their commit, their twins kept so that
   * the parity stays right) not yet re-protected away.
   */
  public final List<Integer> ghostMembers = new ArrayList<>();

  private WideLayout(String parityPath, WideGroupProto group) {
    this.parityPath = parityPath;
    this.group = group;
    this.code = WideCode.parse(group.getWideCode());
    this.units = new Unit[code.totalUnits()];
  }

  /**
   * A layout given unit by unit, as {@link #load} finds one in HDFS (a test's NameNode).
   *
   * @param units every unit in wide order, with the nodes holding it
   * @param goneMembers positions of members whose file is gone
   */
  public static WideLayout of(String parityPath, WideGroupProto group, Unit[] units,
      List<Integer> goneMembers) {
    WideLayout l = new WideLayout(parityPath, group);
    if (units.length != l.units.length) {
      throw new IllegalArgumentException(units.length + " units for " + l.code);
    }
    System.arraycopy(units, 0, l.units, 0, units.length);
    l.goneMembers.addAll(goneMembers);
    return l;
  }

  public static WideLayout load(DistributedFileSystem dfs, String parityPath) throws IOException {
    WideGroupProto g = GroupMetadata.readGroup(dfs, parityPath);
    if (g == null) {
      throw new IOException(parityPath + " has no BART group metadata");
    }
    WideLayout l = new WideLayout(parityPath, g);
    int k = l.code.k();
    for (int s = 0; s < g.getMembersCount(); s++) {
      MemberProto m = g.getMembers(s);
      BlockGroup bg = l.memberGroup(dfs, m);
      for (int j = 0; j < k; j++) {
        // A removed member's units are zeros; a gone one's are lost until re-protection.
        Unit u = m.getRemoved() ? new Unit(null, 0)
            : bg == null ? new Unit(null, StripedBlockUtil.getInternalBlockLength(
                m.getDataBytes(), g.getCellSize(), k, j))
            : new Unit(bg.expectedBlock(j), bg.internalLength(j));
        if (bg != null && !m.getRemoved()) {
          u.nodes.addAll(bg.nodes(j));
        }
        l.units[l.code.dataUnit(s, j)] = u;
      }
      if (bg == null && !m.getRemoved()) {
        l.goneMembers.add(s);
      } else if (m.getGhost() && !m.getRemoved()) {
        l.ghostMembers.add(s);
      }
    }
    LocatedBlocks parity = BlockGroup.locateAll(dfs.getClient(), parityPath);
    for (int r = 0; r < l.code.m(); r++) {
      LocatedBlock lb = parity.get(r);
      Unit u = new Unit(lb.getBlock(), lb.getBlockSize());
      for (DatanodeInfo dn : lb.getLocations()) {
        u.nodes.add(dn);
      }
      l.units[l.code.parityUnit(r)] = u;
    }
    return l;
  }

  /** The member's block group, or null if its file is gone or no longer holds that group. */
  private BlockGroup memberGroup(DistributedFileSystem dfs, MemberProto m) throws IOException {
    List<BlockGroup> groups;
    try {
      if (m.getRemoved()
          || dfs.getClient().getFileInfo(BartPaths.byInode(m.getFileId())) == null) {
        return null;
      }
      groups = BlockGroup.of(dfs.getClient(), BartPaths.byInode(m.getFileId()));
    } catch (java.io.FileNotFoundException e) {
      return null; // the member's inode is gone
    }
    if (m.getGroupIndex() >= groups.size()) {
      return null;
    }
    BlockGroup bg = groups.get(m.getGroupIndex());
    return bg.group().getBlockId() == m.getBlockGroupId() ? bg : null;
  }

  /** Indexes of the units no DataNode holds. */
  public List<Integer> lostUnits() {
    List<Integer> lost = new ArrayList<>();
    for (int u = 0; u < units.length; u++) {
      if (units[u].isLost()) {
        lost.add(u);
      }
    }
    return lost;
  }

  /**
   * The units for an agent's wide read: each with its first location whose agent was heard from
   * within {@code freshMs} (a unit without one is sent as lost; so are a gone member's), and
   * zero-length units for removed members.
   */
  public List<WideUnit> toUnits(AgentRegistry agents, long freshMs) {
    List<WideUnit> out = new ArrayList<>();
    for (Unit u : units) {
      AgentNode node = null;
      if (u.block != null) {
        for (DatanodeInfo dn : u.nodes) {
          if (agents.isFresh(dn.getDatanodeUuid(), freshMs)) {
            node = new AgentNode(dn, agents.get(dn.getDatanodeUuid()).address);
            break;
          }
        }
      }
      out.add(new WideUnit(u.length, u.block == null ? null
          : WideReadConverter.toReplica(u.block), node));
    }
    return out;
  }

}
