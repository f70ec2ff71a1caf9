package org.bart.namenode.read;

import java.io.IOException;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;

/** What a degraded read asks of agents: a wide read, by agent address. Thread-safe. */
public interface AgentCalls {

  /**
   * Has the agent at {@code agentAddress} run {@code req}.
   *
   * @throws org.bart.protocol.BartAgentException if the agent ran it and it failed (another agent
   *     would fail the same way)
   * @throws IOException if the agent could not be reached or did not answer
   */
  WideReadResult readWide(String agentAddress, WideReadRequest req) throws IOException;

  /** Drops what is kept for {@code agentAddress} (its agent went away or moved). */
  void forget(String agentAddress);
}
