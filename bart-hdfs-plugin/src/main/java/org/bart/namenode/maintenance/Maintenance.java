package org.bart.namenode.maintenance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.bart.conf.BartConfigKeys;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.cluster.MaintenanceAgents;
import org.bart.namenode.hdfs.InodeInfo;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.WideLayout;
import org.bart.namenode.metrics.CoordinatorMetrics;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.ops.MoveOp;
import org.bart.protocol.proto.MetadataProtos.GroupState;
import org.bart.protocol.wide.AgentNode;
import org.bart.report.MaintenanceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every wide group of the transitioned trees whole and on distinct live DataNodes (DESIGN
 * §6), the HDFS way of the Chord seed's replica maintenance and migration: rebuilds lost units
 * (no replica on a live DataNode, or only corrupt ones) from the group onto a DataNode that keeps
 * the invariant (same block id, so the NameNode simply learns a new location), moves units off
 * DataNodes that hold two of a group or are leaving (the Balancer's block move, so the NameNode
 * deletes the old replica), and re-protects the survivors of a group whose member file went
 * away. Also verifies groups without changing them.
 *
 * <p>As HDFS's own reconstruction: the coordinator decides (which units, which targets, in which
 * order) and commits nothing but what the NameNode learns from the DataNodes; the agents do the
 * work, in parallel ({@link ParallelRebuilds}, {@link RebuildQueue}). The NameNode and the agents
 * are reached through seams ({@link Namespace}, {@link GroupLocations}, {@link
 * MaintenanceAgents}), so that every decision also runs over the tests' in-memory cluster.
 */
public final class Maintenance {

  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

  private final Namespace ns;
  private final GroupLocations where;
  private final Function<ClusterView, MaintenanceAgents> connect;
  private final AgentRegistry registry;
  private final long freshMs;
  private final int rebuildsPerAgent;
  private final CoordinatorMetrics metrics;
  private final CorruptReplicas corrupt;

  /**
   * @param ns the NameNode's namespace, as the superuser
   * @param where the trees, the groups' unit locations and the live DataNodes
   * @param connect the agents of a view's nodes
   * @param registry the agents as last heard of (whose are fresh)
   */
  public Maintenance(Namespace ns, GroupLocations where,
      Function<ClusterView, MaintenanceAgents> connect, AgentRegistry registry,
      Configuration conf, CoordinatorMetrics metrics, CorruptReplicas corrupt) {
    this.ns = ns;
    this.where = where;
    this.connect = connect;
    this.corrupt = corrupt;
    this.metrics = metrics;
    this.rebuildsPerAgent = conf.getInt(BartConfigKeys.REPAIR_REBUILDS_PER_AGENT,
        BartConfigKeys.REPAIR_REBUILDS_PER_AGENT_DEFAULT);
    this.registry = registry;
    this.freshMs = 3 * conf.getLong(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
        BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT);
  }

  /**
   * The trees to look at: every transitioned tree at or under {@code tree}, or the one holding it
   * (every one if null).
   */
  List<String> trees(String tree) throws IOException {
    List<String> all = where.trees();
    if (tree == null) {
      return all;
    }
    String t = new Path(tree).toUri().getPath();
    List<String> covered = new ArrayList<>();
    for (String candidate : all) {
      if (t.equals(candidate) || t.startsWith(candidate + "/") || candidate.startsWith(t + "/")
          || "/".equals(t)) {
        covered.add(candidate);
      }
    }
    if (covered.isEmpty()) {
      throw new IOException(tree + " holds no transitioned tree (no " + BartPaths.HIDDEN_DIR
          + " directory recorded)");
    }
    return covered;
  }

  /**
   * Repairs every group under {@code tree} (or everywhere, if null): re-protects groups that lost
   * a member, rebuilds every lost unit of every group in parallel on the agents (groups with the
   * most lost units first, {@code dfs.bart.repair.rebuilds-per-agent} at a time per agent), then
   * moves units off shared or leaving DataNodes.
   */
  public MaintenanceReport repair(String tree) throws IOException {
    MaintenanceReport r = new MaintenanceReport();
    for (String t : trees(tree)) {
      r.trees.add(t);
      ClusterView nodes = where.usableNodes();
      try (MaintenanceAgents agents = connect.apply(nodes)) {
        List<String> groups = parityFiles(t);
        List<UnitRebuild> rebuilds = new ArrayList<>();
        Map<String, Integer> assigned = new HashMap<>();
        for (String parity : groups) {
          r.groupsChecked++;
          try {
            rebuilds.addAll(planRebuilds(parity, nodes, agents, assigned, r));
          } catch (IOException | RuntimeException e) {
            failed(r, parity, "Repair", e);
          }
        }
        rebuildAll(rebuilds, r);
        for (String parity : parityFiles(t)) { // re-protection replaced some parity files
          try {
            moveMisplaced(parity, nodes, agents, r);
          } catch (IOException | RuntimeException e) {
            failed(r, parity, "Re-placement", e);
          }
        }
      }
    }
    return r;
  }

  private void failed(MaintenanceReport r, String parity, String what, Exception e) {
    r.problem(parity + ": " + e.getMessage());
    metrics.repairFailed();
    LOG.warn("{} of wide group {} failed", what, parity, e);
  }

  /** What is done to one wide group. */
  private interface GroupAction {
    void run(String parity, ClusterView nodes, MaintenanceAgents agents, MaintenanceReport r)
        throws IOException;
  }

  /** Runs {@code action} on every wide group of the trees; a group's failure is a problem. */
  private MaintenanceReport forEachGroup(String tree, String what, GroupAction action)
      throws IOException {
    MaintenanceReport r = new MaintenanceReport();
    for (String t : trees(tree)) {
      r.trees.add(t);
      ClusterView nodes = where.usableNodes();
      try (MaintenanceAgents agents = connect.apply(nodes)) {
        for (String parity : parityFiles(t)) {
          r.groupsChecked++;
          try {
            action.run(parity, nodes, agents, r);
          } catch (IOException | RuntimeException e) {
            r.problem(parity + ": " + e.getMessage());
            LOG.warn("{} of wide group {} failed", what, parity, e);
          }
        }
      }
    }
    return r;
  }

  /**
   * The rebuilds one group needs, each with its own target DataNode (none of the group's and
   * none chosen for another of its units): re-protects the group first if a member went away.
   */
  private List<UnitRebuild> planRebuilds(String parity, ClusterView nodes,
      MaintenanceAgents agents, Map<String, Integer> assigned, MaintenanceReport r)
      throws IOException {
    WideLayout l = where.layout(parity);
    if (l.group.getState() != GroupState.COMMITTED) {
      return Collections.emptyList(); // being staged: its old groups still protect the data
    }
    if (!l.goneMembers.isEmpty() || !l.ghostMembers.isEmpty()) {
      String reprotected = new Reprotection(ns, l, nodes, agents, registry, freshMs).run(r);
      metrics.groupReprotected();
      if (reprotected == null) {
        return Collections.emptyList(); // no member left: the group is gone
      }
      l = where.layout(reprotected);
    }
    List<Integer> unavailable = unavailable(l);
    if (unavailable.size() > l.code.m()) {
      r.problem(parity + ": units " + unavailable + " are unavailable, more than the "
          + l.code.m() + " the wide code can rebuild");
      metrics.repairFailed();
      return Collections.emptyList();
    }
    List<UnitRebuild> out = new ArrayList<>();
    Set<String> reserved = new HashSet<>();
    for (int u : unavailable) {
      int target = chooseTarget(l, u, nodes, reserved, assigned);
      String uuid = nodes.node(target).getDatanodeUuid();
      reserved.add(uuid);
      assigned.merge(uuid, 1, Integer::sum);
      out.add(new UnitRebuild(where, l.toUnits(registry, freshMs), l, u, unavailable.size(),
          target, nodes, agents));
    }
    return out;
  }

  /** Runs the pass's rebuilds in parallel, counting them in the report and the metrics. */
  private void rebuildAll(List<UnitRebuild> rebuilds, MaintenanceReport r) throws IOException {
    AtomicInteger pending = new AtomicInteger(rebuilds.size());
    Set<String> groups = new HashSet<>();
    for (UnitRebuild u : rebuilds) {
      groups.add(u.layout.parityPath);
    }
    metrics.repairQueue(groups.size(), pending.get());
    try {
      new ParallelRebuilds(rebuildsPerAgent).run(rebuilds, new ParallelRebuilds.Outcome() {
        @Override
        public void done(ParallelRebuilds.Rebuild done) {
          UnitRebuild u = (UnitRebuild) done;
          metrics.unitRebuilt(u.length());
          r.action("rebuilt " + u + " on " + u.nodes.label(u.target));
          metrics.repairQueue(groups.size(), pending.decrementAndGet());
        }

        @Override
        public void failed(ParallelRebuilds.Rebuild failed, Exception e) {
          UnitRebuild u = (UnitRebuild) failed;
          r.problem(u.layout.parityPath + ": rebuilding " + u + " on " + u.nodes.label(u.target)
              + " failed: " + e.getMessage());
          metrics.repairFailed();
          metrics.repairQueue(groups.size(), pending.decrementAndGet());
          LOG.warn("Rebuilding {} failed", u, e);
        }
      });
    } finally {
      metrics.repairQueue(0, 0);
    }
  }

  /** Units with no replica on a DataNode the NameNode counts as live, in unit order. */
  private List<Integer> unavailable(WideLayout l) throws IOException {
    return decisions(l).unavailable(where.liveDataNodes());
  }

  /** Moves a unit off every DataNode that holds two units of the group or is leaving. */
  private void moveMisplaced(String parity, ClusterView nodes, MaintenanceAgents agents,
      MaintenanceReport r) throws IOException {
    WideLayout l = where.layout(parity);
    if (l.group.getState() != GroupState.COMMITTED) {
      return;
    }
    RepairDecisions d = decisions(l);
    for (int u = 0; u < l.units.length; u++) {
      WideLayout.Unit unit = l.units[u];
      for (DatanodeInfo dn : new ArrayList<>(unit.nodes)) {
        String why = d.misplacement(u, d.replica(u, unit.nodes.indexOf(dn)));
        if (why == null) {
          continue;
        }
        if (nodes.indexOf(dn.getDatanodeUuid()) < 0 && dn.isInService()) {
          continue; // a node without agent: nothing to ask it
        }
        int target = chooseTarget(l, u, nodes, Collections.<String>emptySet(),
            Collections.<String, Integer>emptyMap());
        agents.move(target, new MoveOp(WideReadConverter.toReplica(unit.block),
            new AgentNode(dn, null), nodes.agentNode(target)));
        ReportedLocation.await(where, l, u, nodes.node(target), dn);
        unit.nodes.remove(dn);
        unit.nodes.add(nodes.node(target));
        d = decisions(l); // of the layout as it is now
        metrics.unitMoved();
        r.action("moved unit " + u + " (blk_" + unit.block.getBlockId() + ") of " + l.parityPath
            + " from " + dn.getXferAddr() + " (" + why + ") to " + nodes.label(target));
      }
    }
  }

  /**
   * The DataNode of {@code nodes} that receives unit {@code unit}: none of {@code reserved}, the
   * least {@code assigned} among equals (see RepairDecisions#target).
   */
  private int chooseTarget(WideLayout l, int unit, ClusterView nodes, Set<String> reserved,
      Map<String, Integer> assigned) throws IOException {
    List<RepairDecisions.Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      String uuid = nodes.node(i).getDatanodeUuid();
      candidates.add(new RepairDecisions.Candidate(uuid, nodes.rack(i),
          registry.isFresh(uuid, freshMs)));
    }
    int best = decisions(l).target(unit, candidates, reserved, assigned);
    if (best < 0) {
      throw new IOException("no live DataNode with a BART agent is free of the group's "
          + l.units.length + " units: cannot place unit " + unit);
    }
    return best;
  }

  /** The group's units as the decisions see them. */
  private RepairDecisions decisions(WideLayout l) {
    List<RepairDecisions.Unit> units = new ArrayList<>();
    for (WideLayout.Unit u : l.units) {
      List<RepairDecisions.Replica> replicas = new ArrayList<>();
      Set<String> bad = u.block == null || u.nodes.isEmpty()
          ? Collections.<String>emptySet() : corrupt.nodesOf(u.block);
      for (DatanodeInfo dn : u.nodes) {
        replicas.add(new RepairDecisions.Replica(dn.getDatanodeUuid(), dn.getNetworkLocation(),
            dn.isInService(), bad.contains(dn.getDatanodeUuid())));
      }
      units.add(new RepairDecisions.Unit(u.block != null, u.length, replicas));
    }
    return new RepairDecisions(l.code.k(), l.code.dataUnits(), units);
  }

  /** Checks every group under {@code tree} without changing anything. */
  public MaintenanceReport verify(String tree) throws IOException {
    GroupVerifier verifier = new GroupVerifier(ns, where, registry, freshMs);
    return forEachGroup(tree, "Verification", verifier::verify);
  }

  private List<String> parityFiles(String tree) throws IOException {
    List<String> out = new ArrayList<>();
    String groups = BartPaths.groupsDir(tree);
    if (ns.info(groups) != null) {
      for (InodeInfo s : ns.list(groups)) {
        if (!s.isDirectory()) {
          out.add(s.path());
        }
      }
    }
    return out;
  }
}
