package org.bart.namenode.cluster;

import java.io.Closeable;
import java.io.IOException;
import org.bart.protocol.ops.MoveOp;
import org.bart.protocol.ops.OpResult;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;

/**
 * What repair and verify ask of the agents of their nodes, by index in their {@link ClusterView}:
 * rebuild or check units of a wide group, and move a unit. Failures come as the IOException the
 * agent threw or one saying it could not be reached. Thread-safe; {@link #close()} releases what
 * the calls opened.
 */
public interface MaintenanceAgents extends Closeable {

  /** Has the agent of {@code node} run the wide read (a rebuild stores, a check compares). */
  WideReadResult readWide(int node, WideReadRequest request) throws IOException;

  /** Has the agent of {@code node}, the op's target, move the unit there. */
  OpResult move(int node, MoveOp op) throws IOException;

  @Override
  void close();
}
