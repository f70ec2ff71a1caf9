package org.bart.namenode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.util.ServicePlugin;
import org.bart.conf.BartConfigKeys;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.coordinator.Coordinator;
import org.bart.namenode.rpc.ClientRpcService;
import org.bart.namenode.rpc.CoordinatorRpcService;
import org.bart.protocol.BartClientProtocolPB;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.CoordinatorProtocolPB;
import org.bart.protocol.RpcServers;
import org.bart.protocol.Superusers;
import org.bart.protocol.proto.ClientProtos.BartClientService;
import org.bart.protocol.proto.CoordinatorProtos.CoordinatorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BART coordinator inside the NameNode ({@code dfs.namenode.plugins}): serves the coordinator
 * protocol on {@code dfs.bart.namenode.rpc-address}, where agents register and the CLI starts and
 * follows transitions.
 */
public final class BartNameNodePlugin implements ServicePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(BartNameNodePlugin.class);

  private final AgentRegistry agents = new AgentRegistry();
  private RPC.Server server;
  private Coordinator coordinator;
  private ScheduledExecutorService repairLoop;
  private NameNode nn;

  @Override
  public void start(Object service) {
    nn = (NameNode) service;
    Configuration conf = new Configuration(nn.getConf());
    try {
      Superusers superusers = Superusers.of(conf);
      superusers.defaultAcl(conf, BartConfigKeys.COORDINATOR_PROTOCOL_ACL);
      InetSocketAddress address = CoordinatorClient.address(conf);
      String bindHost = conf.getTrimmed(BartConfigKeys.NAMENODE_RPC_BIND_HOST,
          address.getHostString());
      int heartbeatMs = (int) conf.getLong(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
          BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT);
      superusers.defaultAcl(conf, BartConfigKeys.CLIENT_PROTOCOL_ACL, "*");
      coordinator = new Coordinator(conf, nn, agents);
      server = RpcServers.build(conf, CoordinatorProtocolPB.class,
          CoordinatorService.newReflectiveBlockingService(
              new CoordinatorRpcService(agents, coordinator, superusers, heartbeatMs)),
          new InetSocketAddress(bindHost, address.getPort()),
          conf.getInt(BartConfigKeys.NAMENODE_HANDLER_COUNT,
              BartConfigKeys.NAMENODE_HANDLER_COUNT_DEFAULT));
      server.addTerseExceptions(CoordinatorRpcService.REFUSALS);
      server.addProtocol(RPC.RpcKind.RPC_PROTOCOL_BUFFER, BartClientProtocolPB.class,
          BartClientService.newReflectiveBlockingService(new ClientRpcService(coordinator)));
      server.start();
      startRepairLoop(conf);
      LOG.info("BART coordinator listening on {}", server.getListenerAddress());
    } catch (IOException | RuntimeException e) {
      stop();
      throw new IllegalStateException("BART coordinator could not start on the NameNode: " + e, e);
    }
  }

  /**
   * Runs the coordinator's repair every {@code dfs.bart.repair.interval}, on the active NameNode
   * once it has left safe mode.
   */
  private void startRepairLoop(Configuration conf) {
    long ms = conf.getTimeDuration(BartConfigKeys.REPAIR_INTERVAL,
        BartConfigKeys.REPAIR_INTERVAL_SECONDS_DEFAULT, TimeUnit.SECONDS, TimeUnit.MILLISECONDS);
    if (ms <= 0) {
      return;
    }
    repairLoop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bart-repair");
      t.setDaemon(true);
      return t;
    });
    repairLoop.scheduleWithFixedDelay(() -> {
      if (nn.isActiveState() && !nn.isInSafeMode()) {
        coordinator.repairAll();
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** The agents that registered so far. */
  public AgentRegistry agents() {
    return agents;
  }

  @Override
  public void stop() {
    if (repairLoop != null) {
      repairLoop.shutdownNow();
      repairLoop = null;
    }
    if (server != null) {
      server.stop();
      server = null;
    }
    if (coordinator != null) {
      coordinator.stop();
      coordinator = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
