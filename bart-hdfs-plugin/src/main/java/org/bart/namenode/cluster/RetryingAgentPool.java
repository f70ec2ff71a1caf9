package org.bart.namenode.cluster;

import java.io.IOException;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.bart.protocol.ops.EncodeOp;
import org.bart.protocol.ops.MergeOp;
import org.bart.protocol.ops.OpResult;
import org.bart.protocol.ops.RelabelOp;
import org.bart.protocol.ops.ReplicaAt;
import org.bart.protocol.ops.SendOp;

/**
 * The block operations of a transition on the agents of one {@link ClusterView}, each call made
 * under {@link AgentCallRetry}'s rules. Thread-safe.
 */
public final class RetryingAgentPool implements TransitionAgents {

  private final ClusterView nodes;
  private final TransitionAgents agents;
  private final AgentCallRetry retry;

  /**
   * @param agents the agents of {@code nodes}, closed with this pool
   * @param beforeRetry told what is about to be asked again after a timeout or lost connection
   */
  public RetryingAgentPool(ClusterView nodes, TransitionAgents agents, Configuration conf,
      Consumer<String> beforeRetry) {
    this.nodes = nodes;
    this.agents = agents;
    this.retry = new AgentCallRetry(conf, beforeRetry);
  }

  @Override
  public OpResult relabel(int node, RelabelOp op) throws IOException {
    return retry.call(what("relabel", op.target().blockId(), node),
        () -> agents.relabel(node, op));
  }

  @Override
  public OpResult send(int node, SendOp op) throws IOException {
    return retry.call(what("send", op.target().blockId(), node), () -> agents.send(node, op));
  }

  @Override
  public OpResult merge(int node, MergeOp op) throws IOException {
    return retry.call(what("merge", op.target().blockId(), node), () -> agents.merge(node, op));
  }

  @Override
  public OpResult prefetch(int node, ReplicaAt source) throws IOException {
    return retry.call(what("prefetch", source.replica().blockId(), node),
        () -> agents.prefetch(node, source));
  }

  @Override
  public OpResult checkMerge(int node, MergeOp op) throws IOException {
    return retry.call(what("checkMerge", op.target().blockId(), node),
        () -> agents.checkMerge(node, op));
  }

  @Override
  public OpResult encode(int node, EncodeOp op) throws IOException {
    return retry.call(what("encode", op.targets().get(0).replica().blockId(), node),
        () -> agents.encode(node, op));
  }

  @Override
  public OpResult checkEncode(int node, EncodeOp op) throws IOException {
    return retry.call(what("checkEncode", op.targets().get(0).replica().blockId(), node),
        () -> agents.checkEncode(node, op));
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
    agents.close();
  }

  private String what(String op, long targetBlockId, int node) {
    return op + " -> blk_" + targetBlockId + " on " + nodes.label(node);
  }
}
