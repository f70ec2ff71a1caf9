package org.bart.namenode.cluster;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.bart.protocol.AgentClient;
import org.bart.protocol.ops.EncodeOp;
import org.bart.protocol.ops.MergeOp;
import org.bart.protocol.ops.MoveOp;
import org.bart.protocol.ops.OpResult;
import org.bart.protocol.ops.RelabelOp;
import org.bart.protocol.ops.ReplicaAt;
import org.bart.protocol.ops.SendOp;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;

/**
 * The coordinator's connections to the agents of the nodes of one {@link ClusterView}: the
 * transition's and maintenance's agent calls over the agent protocol.
 */
public final class AgentPool implements TransitionAgents, MaintenanceAgents {

  private final ClusterView nodes;
  private final Configuration conf;
  private final AgentClient[] clients;

  public AgentPool(ClusterView nodes, Configuration conf) {
    this.nodes = nodes;
    this.conf = conf;
    this.clients = new AgentClient[nodes.size()];
  }

  /** The agent of node {@code i}, connected on first use. */
  public synchronized AgentClient of(int i) throws IOException {
    if (clients[i] == null) {
      clients[i] = AgentClient.connect(nodes.agentAddress(i), conf);
    }
    return clients[i];
  }

  @Override
  public OpResult relabel(int node, RelabelOp op) throws IOException {
    return of(node).relabel(op);
  }

  @Override
  public OpResult send(int node, SendOp op) throws IOException {
    return of(node).send(op);
  }

  @Override
  public OpResult merge(int node, MergeOp op) throws IOException {
    return of(node).merge(op);
  }

  @Override
  public OpResult prefetch(int node, ReplicaAt source) throws IOException {
    return of(node).prefetch(source);
  }

  @Override
  public OpResult checkMerge(int node, MergeOp op) throws IOException {
    return of(node).checkMerge(op);
  }

  @Override
  public WideReadResult readWide(int node, WideReadRequest request) throws IOException {
    return of(node).readWide(request);
  }

  @Override
  public OpResult move(int node, MoveOp op) throws IOException {
    return of(node).move(op);
  }

  @Override
  public OpResult encode(int node, EncodeOp op) throws IOException {
    return of(node).encode(op);
  }

  @Override
  public OpResult checkEncode(int node, EncodeOp op) throws IOException {
    return of(node).checkEncode(op);
  }

  @Override
  public synchronized void close() {
    for (AgentClient c : clients) {
      if (c != null) {
        c.close();
      }
    }
  }
}
