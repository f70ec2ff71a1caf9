package org.bart.namenode.cluster;

import java.io.Closeable;
import java.io.IOException;
import org.bart.protocol.ops.EncodeOp;
import org.bart.protocol.ops.MergeOp;
import org.bart.protocol.ops.OpResult;
import org.bart.protocol.ops.RelabelOp;
import org.bart.protocol.ops.ReplicaAt;
import org.bart.protocol.ops.SendOp;

/**
 * What a transition asks of the agents of its nodes, by the planner's node id (the index in its
 * {@link ClusterView}). Failures come as the IOException the agent threw (naming block, node and
 * reason) or one saying it could not be reached. Thread-safe; {@link #close()} releases what the
 * calls opened.
 */
public interface TransitionAgents extends Closeable {

  /** Has the agent of {@code node}, which holds {@code op.source()}, give it its new name. */
  OpResult relabel(int node, RelabelOp op) throws IOException;

  /** Has the agent of {@code node}, which holds {@code op.source()}, send it to its target. */
  OpResult send(int node, SendOp op) throws IOException;

  /** Has the agent of {@code node} fetch the sources, merge them and store the target. */
  OpResult merge(int node, MergeOp op) throws IOException;

  /**
   * Has the agent of {@code node}, which will merge {@code source}, copy it there ahead of the
   * merge (which then reads the copy; without one it reads the source where it is).
   */
  OpResult prefetch(int node, ReplicaAt source) throws IOException;

  /**
   * Has the agent of {@code node}, which holds {@code op.target()}, recompute the merge and compare.
   *
   * @throws IOException unless the stored target equals the fresh merge
   */
  OpResult checkMerge(int node, MergeOp op) throws IOException;

  /** Has the agent of {@code node} read the data units, encode them and store every target. */
  OpResult encode(int node, EncodeOp op) throws IOException;

  /**
   * Has the agent of {@code node} re-encode the data units and compare with the stored targets.
   *
   * @throws IOException unless every stored target equals the fresh encoding
   */
  OpResult checkEncode(int node, EncodeOp op) throws IOException;

  @Override
  void close();
}
