package org.bart.namenode.maintenance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.cluster.MaintenanceAgents;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideUnit;

/**
 * One lost unit of a wide group, rebuilt by the agent of its new DataNode: that agent reads the
 * group's other units, decodes the lost one and stores it under its own block id; the coordinator
 * only asks and waits until the NameNode lists the new replica.
 */
final class UnitRebuild implements ParallelRebuilds.Rebuild {

  private final GroupLocations where;
  private final List<WideUnit> sources;
  final WideLayout layout;
  final int unit;
  private final int lostInGroup;
  final int target;
  final ClusterView nodes;
  private final MaintenanceAgents agents;

  /**
   * @param sources the group's units as an agent reads them ({@link WideLayout#toUnits})
   * @param target the index in {@code nodes} of the DataNode that receives the unit
   */
  UnitRebuild(GroupLocations where, List<WideUnit> sources, WideLayout layout, int unit,
      int lostInGroup, int target, ClusterView nodes, MaintenanceAgents agents) {
    this.where = where;
    this.sources = sources;
    this.layout = layout;
    this.unit = unit;
    this.lostInGroup = lostInGroup;
    this.target = target;
    this.nodes = nodes;
    this.agents = agents;
  }

  @Override
  public String agent() {
    return nodes.node(target).getDatanodeUuid();
  }

  @Override
  public int lostInGroup() {
    return lostInGroup;
  }

  /** Bytes of the unit. */
  long length() {
    return layout.units[unit].length;
  }

  @Override
  public void run() throws IOException {
    WideLayout.Unit u = layout.units[unit];
    List<WideUnit> units = new ArrayList<>(sources);
    // Sent without a location (a corrupt replica may still be listed): always decoded.
    units.set(unit, new WideUnit(u.length, WideReadConverter.toReplica(u.block), null));
    agents.readWide(target, new WideReadRequest(layout.code, units,
        Collections.singletonList(unit), 0, u.length, WideReadConverter.toReplica(u.block),
        nodes.agentNode(target), false));
    ReportedLocation.await(where, layout, unit, nodes.node(target), null);
  }

  @Override
  public String toString() {
    return "unit " + unit + " (blk_" + layout.units[unit].block.getBlockId() + ") of "
        + layout.parityPath;
  }
}
