package org.bart.namenode.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.bart.protocol.proto.AgentProtos.MergeRequestProto;
import org.bart.protocol.proto.AgentProtos.OpResultProto;
import org.bart.protocol.proto.AgentProtos.RelabelRequestProto;
import org.bart.protocol.proto.AgentProtos.SendRequestProto;

/**
 * The block operations of a transition on the agents of one {@link ClusterView}, each call made
 * under {@link AgentCallRetry}'s rules. Thread-safe.
 */
public final class RetryingAgentPool implements Closeable {

  private final ClusterView nodes;
  private final AgentPool pool;
  private final AgentCallRetry retry;

  /** @param beforeRetry told what is about to be asked again after a timeout or lost connection */
  public RetryingAgentPool(ClusterView nodes, Configuration conf, Consumer<String> beforeRetry) {
    this.nodes = nodes;
    this.pool = new AgentPool(nodes, conf);
    this.retry = new AgentCallRetry(conf, beforeRetry);
  }

  /** The block operations of node {@code i}'s agent. */
  public Agent of(int i) {
    return new Agent(i);
  }

  /** Calls made again after a timeout or a lost connection, so far. */
  public long retried() {
    return retry.retried();
  }

  /** Back-offs after a busy refusal, so far. */
  public long busyWaits() {
    return retry.busyWaits();
  }

  @Override
  public void close() {
    pool.close();
  }

  /** One agent's block operations (see {@link org.bart.protocol.AgentClient}). */
  public final class Agent {
    private final int node;

    private Agent(int node) {
      this.node = node;
    }

    public OpResultProto relabel(RelabelRequestProto req) throws IOException {
      return retry.call(what("relabel", req.getTarget().getBlockId()),
          () -> pool.of(node).relabel(req));
    }

    public OpResultProto send(SendRequestProto req) throws IOException {
      return retry.call(what("send", req.getTarget().getBlockId()),
          () -> pool.of(node).send(req));
    }

    public OpResultProto merge(MergeRequestProto req) throws IOException {
      return retry.call(what("merge", req.getTarget().getBlockId()),
          () -> pool.of(node).merge(req));
    }

    public OpResultProto checkMerge(MergeRequestProto req) throws IOException {
      return retry.call(what("checkMerge", req.getTarget().getBlockId()),
          () -> pool.of(node).checkMerge(req));
    }

    private String what(String op, long targetBlockId) {
      return op + " -> blk_" + targetBlockId + " on " + nodes.label(node);
    }
  }
}
