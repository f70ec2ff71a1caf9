package org.bart.namenode.cluster;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.bart.protocol.AgentClient;

/** The coordinator's connections to the agents of the nodes of one {@link ClusterView}. */
public final class AgentPool implements Closeable {

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
  public synchronized void close() {
    for (AgentClient c : clients) {
      if (c != null) {
        c.close();
      }
    }
  }
}
