package org.bart.namenode.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.bart.protocol.AgentClient;

/**
 * The coordinator's long-lived connections to agents, by address. Every connection is the
 * NameNode's login user's ({@link AgentClient#connect}), never the user of the RPC call that
 * happened to open it, so one cached connection can serve every caller. Thread-safe.
 */
public final class AgentClients implements Closeable {

  private final Configuration conf;
  private final Map<String, AgentClient> clients = new ConcurrentHashMap<>();

  public AgentClients(Configuration conf) {
    this.conf = conf;
  }

  public AgentClient of(String address) throws IOException {
    AgentClient c = clients.get(address);
    if (c == null) {
      AgentClient fresh = AgentClient.connect(address, conf);
      c = clients.putIfAbsent(address, fresh);
      if (c == null) {
        c = fresh;
      } else {
        fresh.close();
      }
    }
    return c;
  }

  /** Drops the connection to {@code address} (its agent went away or moved). */
  public void forget(String address) {
    AgentClient c = clients.remove(address);
    if (c != null) {
      c.close();
    }
  }

  @Override
  public void close() {
    for (AgentClient c : clients.values()) {
      c.close();
    }
    clients.clear();
  }
}
