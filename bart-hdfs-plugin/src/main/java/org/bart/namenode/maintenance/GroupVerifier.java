package org.bart.namenode.maintenance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.cluster.MaintenanceAgents;
import org.bart.namenode.hdfs.DataNodeAddresses;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.metadata.GroupMetadata;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.proto.MetadataProtos.GroupState;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.protocol.proto.MetadataProtos.MemberRefProto;
import org.bart.protocol.proto.MetadataProtos.MembershipProto;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.report.MaintenanceReport;

/**
 * Checks one wide group without changing it: metadata consistent with the NameNode (members
 * present, their membership pointing back), every unit available on a distinct in-service
 * DataNode, and each wide parity equal to its recomputation from the members' data (done by an
 * agent, which reads the data and compares).
 */
public final class GroupVerifier {

  private final Namespace ns;
  private final GroupLocations where;
  private final AgentRegistry registry;
  private final long freshMs;

  GroupVerifier(Namespace ns, GroupLocations where, AgentRegistry registry, long freshMs) {
    this.ns = ns;
    this.where = where;
    this.registry = registry;
    this.freshMs = freshMs;
  }

  void verify(String parity, ClusterView nodes, MaintenanceAgents agents, MaintenanceReport r)
      throws IOException {
    WideLayout l = where.layout(parity);
    int before = r.problems.size();
    if (l.group.getState() != GroupState.COMMITTED) {
      r.action("skipped " + parity + ": being staged by a transition");
      return;
    }
    checkMembers(l, r);
    boolean whole = checkPlacement(l, r) && l.goneMembers.isEmpty();
    if (whole) {
      long longest = 0;
      for (WideLayout.Unit u : l.units) {
        longest = Math.max(longest, u.length);
      }
      List<Integer> parities = new ArrayList<>();
      for (int p = 0; p < l.code.m(); p++) {
        parities.add(l.code.parityUnit(p));
      }
      WideReadRequest check = new WideReadRequest(l.code, l.toUnits(registry, freshMs), parities,
          0, longest, null, null, true);
      DatanodeInfo holder = l.units[l.code.parityUnit(0)].nodes.get(0);
      int at = nodes.indexOf(holder.getDatanodeUuid());
      try {
        agents.readWide(at >= 0 ? at : 0, check);
      } catch (IOException e) {
        r.problem(parity + ": wide parity check failed: " + e.getMessage());
      }
    }
    if (r.problems.size() == before) {
      r.action("verified " + parity + ": " + l.units.length + " units on distinct live "
          + "DataNodes, wide parity equals its recomputation");
    }
  }

  private void checkMembers(WideLayout l, MaintenanceReport r) throws IOException {
    long parityId = ns.info(l.parityPath).fileId();
    for (int s = 0; s < l.group.getMembersCount(); s++) {
      MemberProto m = l.group.getMembers(s);
      if (m.getRemoved()) {
        continue;
      }
      if (l.goneMembers.contains(s)) {
        r.problem(l.parityPath + ": member " + s + " (inode " + m.getFileId() + ") is gone; "
            + "run -repair to re-protect the other members");
        continue;
      }
      String path = where.pathOf(m.getFileId());
      MembershipProto ms = GroupMetadata.readMembership(ns, path);
      MemberRefProto ref = ms == null || m.getGroupIndex() >= ms.getGroupsCount() ? null
          : ms.getGroups(m.getGroupIndex());
      if (ref == null || ref.getParityFileId() != parityId || ref.getPosition() != s) {
        r.problem(l.parityPath + ": member " + s + " (" + path + ", block group "
            + m.getGroupIndex() + ") does not point back to this group");
      }
    }
  }

  /** Reports unavailable, doubled-up and leaving units; true if every unit is available. */
  private boolean checkPlacement(WideLayout l, MaintenanceReport r) {
    boolean whole = true;
    Map<String, Integer> holder = new HashMap<>();
    for (int u = 0; u < l.units.length; u++) {
      WideLayout.Unit unit = l.units[u];
      if (unit.block == null || unit.length == 0) {
        continue;
      }
      List<DatanodeInfo> where = unit.nodes;
      // A moved unit's copy on a leaving DataNode stays listed until the node is gone.
      boolean inServiceCopy = false;
      for (DatanodeInfo dn : where) {
        inServiceCopy |= dn.isInService();
      }
      boolean available = false;
      for (DatanodeInfo dn : where) {
        available |= registry.isFresh(dn.getDatanodeUuid(), freshMs);
        if (!dn.isInService() && !inServiceCopy) {
          r.problem(l.parityPath + ": unit " + u + " is on leaving DataNode " + dn.getXferAddr());
        }
        Integer other = holder.put(dn.getDatanodeUuid(), u);
        if (other != null) {
          r.problem(l.parityPath + ": units " + other + " and " + u + " are both on DataNode "
              + dn.getXferAddr());
        }
      }
      if (!available) {
        String on = DataNodeAddresses.of(where);
        r.problem(l.parityPath + ": unit " + u + " (blk_" + unit.block.getBlockId()
            + ") has no live replica" + (on.isEmpty() ? "" : " (the NameNode lists " + on
            + ", whose BART agents are not answering)"));
        whole = false;
      }
    }
    return whole;
  }
}
