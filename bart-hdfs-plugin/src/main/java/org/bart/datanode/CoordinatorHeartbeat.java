package org.bart.datanode;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Daemon;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.RegisterAgentRequestProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces the agent to the coordinator (NameNode plugin) at start and then periodically: this is
 * how the coordinator learns each DataNode's agent address (port 0 allowed, any number of
 * DataNodes per host) and whether it is ready. Survives coordinator restarts by re-registering.
 */
final class CoordinatorHeartbeat implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorHeartbeat.class);

  private final Configuration conf;
  private final Supplier<RegisterAgentRequestProto> announcement;
  private final long intervalMs;
  private volatile boolean running = true;
  private Daemon thread;

  CoordinatorHeartbeat(Configuration conf, Supplier<RegisterAgentRequestProto> announcement) {
    this.conf = conf;
    this.announcement = announcement;
    this.intervalMs = conf.getLong(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
        BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT);
  }

  void start() {
    thread = new Daemon(this);
    thread.setName("bart-agent-heartbeat");
    thread.start();
  }

  @Override
  public void run() {
    CoordinatorClient client = null;
    boolean warned = false;
    while (running) {
      RegisterAgentRequestProto req = announcement.get();
      if (req != null) {
        try {
          if (client == null) {
            client = CoordinatorClient.connect(conf);
          }
          client.registerAgent(req);
          warned = false;
        } catch (IOException e) {
          if (!warned) {
            LOG.warn("Cannot register BART agent with the coordinator at {} (will retry): {}",
                CoordinatorClient.address(conf), e.toString());
            warned = true;
          }
        }
      }
      try {
        Thread.sleep(req != null && req.getReady() ? intervalMs : Math.min(intervalMs, 200));
      } catch (InterruptedException e) {
        break;
      }
    }
    if (client != null) {
      client.close();
    }
  }

  void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
