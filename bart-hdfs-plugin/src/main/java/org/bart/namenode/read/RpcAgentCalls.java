package org.bart.namenode.read;

import java.io.IOException;
import org.bart.namenode.cluster.AgentClients;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;

/** Wide reads over the agent protocol, on the coordinator's pooled connections. */
public final class RpcAgentCalls implements AgentCalls {

  private final AgentClients clients;

  public RpcAgentCalls(AgentClients clients) {
    this.clients = clients;
  }

  @Override
  public WideReadResult readWide(String agentAddress, WideReadRequest req) throws IOException {
    return clients.of(agentAddress).readWide(req);
  }

  @Override
  public void forget(String agentAddress) {
    clients.forget(agentAddress);
  }
}
