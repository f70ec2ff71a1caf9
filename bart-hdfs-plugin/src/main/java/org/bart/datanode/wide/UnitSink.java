package org.bart.datanode.wide;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;

/**
 * How a rebuild stores a unit: a new finalized replica on a target DataNode, this one or another.
 * Implementations are shared by concurrent requests and must be thread-safe; each {@link Writer}
 * is used by one thread.
 */
public interface UnitSink {

  /**
   * Whether {@code node} already holds {@code target} finalized (a retried rebuild; nothing needs
   * to be written).
   *
   * @return false if the id is free on {@code node}
   * @throws IOException if the id is used there by a different replica, or the node cannot say
   */
  boolean alreadyStored(Replica target, AgentNode node) throws IOException;

  /**
   * Opens the storing of {@code target} (its exact final length) on {@code node}. Until
   * {@link Writer#finish} succeeds, nothing is visible there; a writer closed before that leaves
   * nothing behind.
   */
  Writer open(Replica target, AgentNode node) throws IOException;

  /** An open store of one replica: {@link #write} its bytes in order, then {@link #finish}. */
  interface Writer extends AutoCloseable {

    /**
     * Appends the remaining bytes of {@code data} (its position moves to its limit), after waiting
     * until they may cross the link to the target (bandwidth limits).
     */
    void write(ByteBuffer data) throws IOException;

    /**
     * Completes the replica.
     *
     * @throws IOException if the bytes written are not the replica's length, or the target refused
     */
    void finish() throws IOException;

    /** Whether the target is another DataNode (the bytes count as sent by this one). */
    boolean isRemote();

    /** Releases the connection; an unfinished replica is discarded. */
    @Override
    void close();
  }
}
