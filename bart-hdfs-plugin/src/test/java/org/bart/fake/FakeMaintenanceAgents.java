package org.bart.fake;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bart.datanode.wide.WideRead;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.cluster.MaintenanceAgents;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ops.MoveOp;
import org.bart.protocol.ops.OpResult;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;

/**
 * The agents of the nodes of a maintenance pass's {@link ClusterView} on a {@link FakeCluster}:
 * a wide read (rebuild or check) runs the agents' real {@link WideRead} over the fake replicas
 * ({@link FakeUnits}); a move relocates the replica as the Balancer's block move does.
 */
public final class FakeMaintenanceAgents implements MaintenanceAgents {

  /** Bytes of a row read, decoded and written at a time. */
  private static final int CHUNK = 4096;
  /** No straggler: a fake unit read never hangs. */
  private static final long PATIENT_MS = 60_000;
  private static final ExecutorService READS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-agent-read");
    t.setDaemon(true);
    return t;
  });

  private final FakeCluster cluster;
  private final ClusterView nodes;

  public FakeMaintenanceAgents(FakeCluster cluster, ClusterView nodes) {
    this.cluster = cluster;
    this.nodes = nodes;
  }

  @Override
  public WideReadResult readWide(int node, WideReadRequest request) throws IOException {
    FakeUnits units = new FakeUnits(cluster, agent(node));
    return new WideRead(units, units, CHUNK, READS, PATIENT_MS).run(request);
  }

  @Override
  public OpResult move(int node, MoveOp op) throws IOException {
    String self = agent(node);
    if (!self.equals(op.targetNode().uuid())) {
      throw new BartAgentException(op + ": asked of " + self + ", not of the target");
    }
    int from = cluster.indexOf(op.source().uuid());
    FakeReplica r = cluster.replica(from, op.block().blockId());
    if (r == null || r.genStamp != op.block().genStamp()) {
      throw new BartAgentException(op + ": " + op.block() + " not found on the source");
    }
    cluster.move(op.block().blockId(), cluster.indexOf(self));
    return new OpResult(OpResult.Path.TRANSFERRED, 0, 0, 0, r.length, 0);
  }

  /** The uuid of node {@code node} of the view, whose DataNode must be alive. */
  private String agent(int node) throws IOException {
    String uuid = nodes.node(node).getDatanodeUuid();
    if (!cluster.isLive(cluster.indexOf(uuid))) {
      throw new IOException("the agent of " + uuid + " does not answer");
    }
    return uuid;
  }

  @Override
  public void close() {
  }
}
