package org.bart.namenode.maintenance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.HdfsConstants.DatanodeReportType;
import org.bart.conf.BartConfigKeys;
import org.bart.namenode.cluster.AgentPool;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.hdfs.InodePaths;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.TreeIndex;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.AgentClient;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.ops.MoveOp;
import org.bart.protocol.proto.MetadataProtos.GroupState;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.report.MaintenanceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every wide group of the transitioned trees whole and on distinct live DataNodes (DESIGN
 * §6), the HDFS way of the Chord seed's replica maintenance and migration: rebuilds lost units
 * from the group onto a DataNode that keeps the invariant (same block id, so the NameNode simply
 * learns a new location), moves units off DataNodes that hold two of a group or are leaving
 * (the Balancer's block move, so the NameNode deletes the old replica), and re-protects the
 * survivors of a group whose member file went away. Also verifies groups without changing them.
 */
public final class Maintenance {

  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
  private static final long REPORT_WAIT_MS = 60_000;

  private final DistributedFileSystem dfs;
  private final Configuration conf;
  private final AgentRegistry registry;
  private final InodePaths paths;
  private final long freshMs;

  public Maintenance(DistributedFileSystem dfs, Configuration conf, AgentRegistry registry,
      InodePaths paths) {
    this.dfs = dfs;
    this.conf = conf;
    this.registry = registry;
    this.paths = paths;
    this.freshMs = 3 * conf.getLong(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
        BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT);
  }

  /** The trees to look at: {@code tree} (must be transitioned) or every transitioned tree. */
  List<String> trees(String tree) throws IOException {
    List<String> all = TreeIndex.trees(dfs, paths);
    if (tree == null) {
      return all;
    }
    String t = new Path(tree).toUri().getPath();
    for (String candidate : all) {
      if (t.equals(candidate) || t.startsWith(candidate + "/") || candidate.startsWith(t + "/")
          || "/".equals(t)) {
        List<String> one = new ArrayList<>();
        one.add(candidate);
        return one;
      }
    }
    throw new IOException(tree + " holds no transitioned tree (no " + BartPaths.HIDDEN_DIR
        + " directory recorded)");
  }

  /** Repairs every group under {@code tree} (or everywhere, if null). */
  public MaintenanceReport repair(String tree) throws IOException {
    return forEachGroup(tree, "Repair", this::repairGroup);
  }

  /** What is done to one wide group. */
  private interface GroupAction {
    void run(String parity, ClusterView nodes, AgentPool agents, MaintenanceReport r)
        throws IOException;
  }

  /** Runs {@code action} on every wide group of the trees; a group's failure is a problem. */
  private MaintenanceReport forEachGroup(String tree, String what, GroupAction action)
      throws IOException {
    MaintenanceReport r = new MaintenanceReport();
    for (String t : trees(tree)) {
      r.trees.add(t);
      ClusterView nodes = ClusterView.of(dfs, registry);
      try (AgentPool agents = new AgentPool(nodes, conf)) {
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

  private void repairGroup(String parity, ClusterView nodes, AgentPool agents,
      MaintenanceReport r) throws IOException {
    WideLayout l = WideLayout.load(dfs, parity);
    if (l.group.getState() != GroupState.COMMITTED) {
      return; // being staged by a transition: its old groups still protect the data
    }
    if (!l.goneMembers.isEmpty()) {
      l = WideLayout.load(dfs, new Reprotection(dfs, l, nodes, agents, registry, freshMs).run(r));
    }
    List<Integer> unavailable = unavailable(l);
    if (unavailable.size() > l.code.m()) {
      r.problem(parity + ": units " + unavailable + " are unavailable, more than the "
          + l.code.m() + " the wide code can rebuild");
      return;
    }
    for (int u : unavailable) {
      int target = chooseTarget(l, u, nodes);
      WideLayout.Unit unit = l.units[u];
      agents.of(target).readWide(new WideReadRequest(l.code, l.toUnits(registry, freshMs),
          Collections.singletonList(u), 0, unit.length,
          WideReadConverter.toReplica(unit.block), nodes.agentNode(target), false));
      awaitLocation(l, u, nodes.node(target), null);
      unit.nodes.add(nodes.node(target));
      r.action("rebuilt unit " + u + " (blk_" + unit.block.getBlockId() + ") of " + parity
          + " on " + nodes.label(target));
    }
    moveMisplaced(l, nodes, agents, r);
  }

  /** Units with no replica on a DataNode the NameNode counts as live, in unit order. */
  private List<Integer> unavailable(WideLayout l) throws IOException {
    Set<String> live = new HashSet<>();
    for (DatanodeInfo dn : dfs.getDataNodeStats(DatanodeReportType.LIVE)) {
      live.add(dn.getDatanodeUuid());
    }
    return decisions(l).unavailable(live);
  }

  /** Moves a unit off every DataNode that holds two units of the group or is leaving. */
  private void moveMisplaced(WideLayout l, ClusterView nodes, AgentPool agents,
      MaintenanceReport r) throws IOException {
    for (int u = 0; u < l.units.length; u++) {
      WideLayout.Unit unit = l.units[u];
      for (DatanodeInfo dn : new ArrayList<>(unit.nodes)) {
        RepairDecisions d = decisions(l);
        String why = d.misplacement(u, d.replica(u, unit.nodes.indexOf(dn)));
        if (why == null) {
          continue;
        }
        if (nodes.indexOf(dn.getDatanodeUuid()) < 0 && dn.isInService()) {
          continue; // a node without agent: nothing to ask it
        }
        int target = chooseTarget(l, u, nodes);
        AgentClient agent = agents.of(target);
        agent.move(new MoveOp(WideReadConverter.toReplica(unit.block), new AgentNode(dn, null),
            nodes.agentNode(target)));
        awaitLocation(l, u, nodes.node(target), dn);
        unit.nodes.remove(dn);
        unit.nodes.add(nodes.node(target));
        r.action("moved unit " + u + " (blk_" + unit.block.getBlockId() + ") of " + l.parityPath
            + " from " + dn.getXferAddr() + " (" + why + ") to " + nodes.label(target));
      }
    }
  }

  /** The DataNode of {@code nodes} that receives unit {@code unit} (see RepairDecisions#target). */
  private int chooseTarget(WideLayout l, int unit, ClusterView nodes) throws IOException {
    List<RepairDecisions.Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      String uuid = nodes.node(i).getDatanodeUuid();
      candidates.add(new RepairDecisions.Candidate(uuid, nodes.rack(i),
          registry.isFresh(uuid, freshMs)));
    }
    int best = decisions(l).target(unit, candidates);
    if (best < 0) {
      throw new IOException("no live DataNode with a BART agent is free of the group's "
          + l.units.length + " units: cannot place unit " + unit);
    }
    return best;
  }

  /** The group's units as the decisions see them. */
  private static RepairDecisions decisions(WideLayout l) {
    List<RepairDecisions.Unit> units = new ArrayList<>();
    for (WideLayout.Unit u : l.units) {
      List<RepairDecisions.Replica> replicas = new ArrayList<>();
      for (DatanodeInfo dn : u.nodes) {
        replicas.add(new RepairDecisions.Replica(dn.getDatanodeUuid(), dn.getNetworkLocation(),
            dn.isInService()));
      }
      units.add(new RepairDecisions.Unit(u.block != null, u.length, replicas));
    }
    return new RepairDecisions(l.code.k(), l.code.dataUnits(), units);
  }

  /** Waits until the NameNode lists {@code added} (and no longer {@code removed}) for unit u. */
  private void awaitLocation(WideLayout l, int u, DatanodeInfo added, DatanodeInfo removed)
      throws IOException {
    long deadline = System.currentTimeMillis() + REPORT_WAIT_MS;
    while (true) {
      WideLayout now = WideLayout.load(dfs, l.parityPath);
      boolean has = false;
      boolean still = false;
      for (DatanodeInfo dn : now.units[u].nodes) {
        has |= dn.getDatanodeUuid().equals(added.getDatanodeUuid());
        still |= removed != null && dn.getDatanodeUuid().equals(removed.getDatanodeUuid());
      }
      if (has && !still) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("the NameNode did not report unit " + u + " of " + l.parityPath
            + " on " + added.getXferAddr() + " within " + REPORT_WAIT_MS / 1000 + " s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /** Checks every group under {@code tree} without changing anything. */
  public MaintenanceReport verify(String tree) throws IOException {
    GroupVerifier verifier = new GroupVerifier(dfs, registry, paths, freshMs);
    return forEachGroup(tree, "Verification", verifier::verify);
  }

  private List<String> parityFiles(String tree) throws IOException {
    List<String> out = new ArrayList<>();
    Path groups = new Path(BartPaths.groupsDir(tree));
    if (dfs.exists(groups)) {
      for (FileStatus s : dfs.listStatus(groups)) {
        if (s.isFile()) {
          out.add(s.getPath().toUri().getPath());
        }
      }
    }
    return out;
  }
}
