package org.bart.namenode.maintenance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.util.Time;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.cluster.MaintenanceAgents;
import org.bart.namenode.hdfs.CreatedFile;
import org.bart.namenode.hdfs.InodeInfo;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.GroupMetadata;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.protocol.proto.MetadataProtos.MemberRefProto;
import org.bart.protocol.proto.MetadataProtos.MembershipProto;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideUnit;
import org.bart.report.MaintenanceReport;

/**
 * Re-protects the surviving members of a wide group one of whose member files was deleted or
 * replaced: a new parity file is computed from the survivors' data with the departed members'
 * units as zeros (the wide code is still MDS over the survivors), the survivors point to it, and
 * the old parity file is deleted. Until then the survivors read normally but are unprotected.
 * A ghost member (a file that changed before its commit, whose twin kept the parity right) is
 * left out the same way, and then its twin, in the tree's {@code .bart/ghosts}, is deleted.
 */
public final class Reprotection {

  private static final short PRIVATE_FILE = 0600;

  private final Namespace ns;
  private final WideLayout l;
  private final ClusterView nodes;
  private final MaintenanceAgents agents;
  private final AgentRegistry registry;
  private final long freshMs;

  Reprotection(Namespace ns, WideLayout l, ClusterView nodes, MaintenanceAgents agents,
      AgentRegistry registry, long freshMs) {
    this.ns = ns;
    this.l = l;
    this.nodes = nodes;
    this.agents = agents;
    this.registry = registry;
    this.freshMs = freshMs;
  }

  /**
   * Re-protects the survivors; returns the group's new parity file, or null if no member is left
   * (then the group and its ghosts are deleted: nothing is left to protect).
   */
  String run(MaintenanceReport r) throws IOException {
    WideGroupProto.Builder group = l.group.toBuilder();
    List<Integer> leaving = new ArrayList<>(l.goneMembers);
    leaving.addAll(l.ghostMembers);
    for (int s : leaving) {
      group.getMembersBuilder(s).setRemoved(true);
    }
    boolean anyLeft = false;
    for (MemberProto m : group.getMembersList()) {
      anyLeft |= !m.getRemoved();
    }
    if (!anyLeft) {
      ns.delete(l.parityPath, false);
      for (int s : l.ghostMembers) {
        deleteGhost(group.getMembers(s).getFileId());
      }
      r.action("deleted " + l.parityPath + ": none of its members is left");
      return null;
    }
    long length = 0;
    List<WideUnit> units = new ArrayList<>(l.toUnits(registry, freshMs));
    for (int s : leaving) {
      for (int j = 0; j < l.code.k(); j++) {
        units.set(l.code.dataUnit(s, j), new WideUnit(0, null, null));
      }
    }
    for (int u = 0; u < l.code.dataUnits(); u++) {
      length = Math.max(length, units.get(u).length());
    }
    for (int p = 0; p < l.code.m(); p++) { // the old parity counts as lost: recompute it all
      units.set(l.code.parityUnit(p), new WideUnit(length, null, null));
    }
    String newPath = l.parityPath.replaceAll("~r[0-9]+$", "") + "~r" + Time.now();
    long blockSize = Math.max(length, 1024 * 1024);
    CreatedFile file = ns.createFile(newPath, PRIVATE_FILE, null, blockSize);
    Replica previous = null;
    for (int p = 0; p < l.code.m(); p++) {
      int target = nodeFor(p);
      Replica allocated = ns.addBlock(file, previous, nodes.node(target).getXferAddr());
      Replica block = new Replica(allocated.poolId(), allocated.blockId(), allocated.genStamp(),
          length);
      agents.readWide(target, new WideReadRequest(l.code, units,
          Collections.singletonList(l.code.parityUnit(p)), 0, length, block,
          nodes.agentNode(target), false));
      previous = block;
    }
    ns.complete(file, previous);
    GroupMetadata.writeGroup(ns, newPath, group.build());
    long newId = file.fileId();
    long oldId = ns.info(l.parityPath).fileId();
    for (int s = 0; s < group.getMembersCount(); s++) {
      MemberProto m = group.getMembers(s);
      if (!m.getRemoved()) {
        repoint(BartPaths.byInode(m.getFileId()), oldId, newId);
      }
    }
    ns.delete(l.parityPath, false);
    for (int s : l.ghostMembers) {
      deleteGhost(group.getMembers(s).getFileId());
    }
    r.action("re-protected " + l.parityPath + " without member(s) " + leaving
        + " (their files went away or changed before their commit): new wide parity " + newPath);
    return newPath;
  }

  /** Deletes the ghost twin {@code twinId} if it is in the ghosts directory beside the groups. */
  private void deleteGhost(long twinId) throws IOException {
    String groups = l.parityPath.substring(0, l.parityPath.lastIndexOf('/'));
    String hidden = groups.substring(0, groups.lastIndexOf('/'));
    String ghost = BartPaths.ghost(hidden.substring(0, hidden.lastIndexOf('/')), twinId);
    InodeInfo st = ns.info(ghost);
    if (st != null && st.fileId() == twinId) {
      ns.delete(ghost, false);
    }
  }

  /** Where wide parity p goes: where it was if that node is still fine, else a free node. */
  private int nodeFor(int p) throws IOException {
    List<String> used = new ArrayList<>();
    for (int u = 0; u < l.code.dataUnits(); u++) {
      for (DatanodeInfo dn : l.units[u].nodes) {
        used.add(dn.getDatanodeUuid());
      }
    }
    for (DatanodeInfo dn : l.units[l.code.parityUnit(p)].nodes) {
      int i = nodes.indexOf(dn.getDatanodeUuid());
      if (i >= 0 && registry.isFresh(dn.getDatanodeUuid(), freshMs)) {
        return i;
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      String uuid = nodes.node(i).getDatanodeUuid();
      if (!used.contains(uuid) && registry.isFresh(uuid, freshMs)) {
        boolean parityThere = false;
        for (int q = 0; q < l.code.m(); q++) {
          for (DatanodeInfo dn : l.units[l.code.parityUnit(q)].nodes) {
            parityThere |= dn.getDatanodeUuid().equals(uuid);
          }
        }
        if (!parityThere) {
          return i;
        }
      }
    }
    throw new IOException("no free DataNode for wide parity " + p + " of " + l.parityPath);
  }

  private void repoint(String member, long oldId, long newId) throws IOException {
    MembershipProto ms = GroupMetadata.readMembership(ns, member);
    MembershipProto.Builder b = ms.toBuilder();
    for (MemberRefProto.Builder ref : b.getGroupsBuilderList()) {
      if (ref.getParityFileId() == oldId) {
        ref.setParityFileId(newId);
      }
    }
    GroupMetadata.writeMembership(ns, member, b.build());
  }
}
