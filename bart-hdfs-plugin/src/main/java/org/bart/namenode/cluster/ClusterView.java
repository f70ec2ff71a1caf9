package org.bart.namenode.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.HdfsConstants.DatanodeReportType;
import org.bart.protocol.wide.AgentNode;

/**
 * The DataNodes a transition may use: live, in service (not decommissioning or in maintenance),
 * with a ready BART agent. Node id i of the planner is the i-th of them by DataNode uuid.
 */
public final class ClusterView {

  private final List<DatanodeInfo> nodes = new ArrayList<>();
  private final List<String> agentAddresses = new ArrayList<>();
  private final Map<String, Integer> indexByUuid = new HashMap<>();

  public static ClusterView of(DistributedFileSystem dfs, AgentRegistry agents) throws IOException {
    List<DatanodeInfo> live = new ArrayList<>();
    Map<String, String> addresses = new HashMap<>();
    for (DatanodeInfo dn : dfs.getDataNodeStats(DatanodeReportType.LIVE)) {
      AgentRegistry.Entry a = agents.get(dn.getDatanodeUuid());
      if (a != null && a.ready && dn.isInService() && !dn.isEnteringMaintenance()
          && !dn.isInMaintenance()) {
        live.add(dn);
        addresses.put(dn.getDatanodeUuid(), a.address);
      }
    }
    return of(live, addresses::get);
  }

  /**
   * The view of {@code usable} DataNodes (live, in service, with a ready agent), whose agents
   * listen at {@code agentAddressOf.apply(uuid)}.
   */
  public static ClusterView of(List<DatanodeInfo> usable,
      Function<String, String> agentAddressOf) {
    ClusterView v = new ClusterView();
    List<DatanodeInfo> live = new ArrayList<>(usable);
    // By DataNode uuid, which a restart keeps (ports may change): the same cluster gives the
    // planner the same node numbering, and so the same plan for a seed, across restarts.
    live.sort(Comparator.comparing(DatanodeInfo::getDatanodeUuid));
    for (DatanodeInfo dn : live) {
      v.indexByUuid.put(dn.getDatanodeUuid(), v.nodes.size());
      v.nodes.add(dn);
      v.agentAddresses.add(agentAddressOf.apply(dn.getDatanodeUuid()));
    }
    return v;
  }

  public int size() {
    return nodes.size();
  }

  public DatanodeInfo node(int i) {
    return nodes.get(i);
  }

  /** The planner's id of the DataNode {@code uuid}, or -1 if it is not usable. */
  public int indexOf(String uuid) {
    Integer i = indexByUuid.get(uuid);
    return i == null ? -1 : i;
  }

  String agentAddress(int i) {
    return agentAddresses.get(i);
  }

  /** Node i with its agent's address, as wide reads name a target. */
  public AgentNode agentNode(int i) {
    return new AgentNode(nodes.get(i), agentAddresses.get(i));
  }

  public Set<String> uuids() {
    return new HashSet<>(indexByUuid.keySet());
  }

  /** "host:port" of node i, as reports name it. */
  public String label(int i) {
    return nodes.get(i).getXferAddr();
  }

  /** A small integer per node naming its rack (network location). */
  public int[] rackIds() {
    Map<String, Integer> ids = new HashMap<>();
    int[] r = new int[nodes.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = ids.computeIfAbsent(rack(i), x -> ids.size());
    }
    return r;
  }

  /** Rack (network location) of node i. */
  public String rack(int i) {
    return nodes.get(i).getNetworkLocation();
  }
}
