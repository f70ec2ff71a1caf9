package org.bart.namenode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.util.ServicePlugin;
import org.bart.conf.BartConfigCheck;
import org.bart.conf.BartConfigKeys;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.coordinator.Coordinator;
import org.bart.namenode.hdfs.NameNodeInternals;
import org.bart.namenode.hdfs.NameNodeSelfCheck;
import org.bart.namenode.metrics.CoordinatorMetrics;
import org.bart.namenode.read.ReadAdmission;
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
 *
 * <p>On a Hadoop that lacks a member the coordinator needs ({@link NameNodeSelfCheck}), it refuses
 * to serve at all (no coordinator protocol, no repair), logs an error naming the member and the
 * Hadoop version, and start() throws the same message, which the NameNode logs (it does not stop
 * for a failed plugin). Agents then cannot register, so no transition can start.
 */
public final class BartNameNodePlugin implements ServicePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(BartNameNodePlugin.class);

  private static final long SAFE_MODE_CHECK_MS = 3000;

  private final AgentRegistry agents = new AgentRegistry();
  private RPC.Server server;
  private Coordinator coordinator;
  private CoordinatorMetrics metrics;
  private ScheduledExecutorService repairLoop;
  private NameNodeInternals nn;

  @Override
  public void start(Object service) {
    // First: checking loads no Hadoop internals, so it reports even what would fail to link.
    String incompatibility = NameNodeSelfCheck.result();
    if (incompatibility != null) {
      LOG.error(incompatibility);
      throw new IllegalStateException(incompatibility);
    }
    nn = new NameNodeInternals(service);
    Configuration conf = new Configuration(nn.conf());
    try {
      BartConfigCheck.nameNode(conf);
    } catch (IllegalArgumentException e) {
      LOG.error(e.getMessage());
      throw new IllegalStateException(e.getMessage(), e);
    }
    try {
      Superusers superusers = Superusers.of(conf);
      superusers.defaultAcl(conf, BartConfigKeys.COORDINATOR_PROTOCOL_ACL);
      InetSocketAddress address = CoordinatorClient.address(conf);
      String bindHost = conf.getTrimmed(BartConfigKeys.NAMENODE_RPC_BIND_HOST,
          address.getHostString());
      int heartbeatMs = (int) conf.getLong(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
          BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT);
      superusers.defaultAcl(conf, BartConfigKeys.CLIENT_PROTOCOL_ACL, "*");
      metrics = CoordinatorMetrics.register();
      coordinator = new Coordinator(conf, nn, agents, metrics);
      server = RpcServers.build(conf, CoordinatorProtocolPB.class,
          CoordinatorService.newReflectiveBlockingService(
              new CoordinatorRpcService(agents, coordinator, superusers, heartbeatMs)),
          new InetSocketAddress(bindHost, address.getPort()),
          conf.getInt(BartConfigKeys.NAMENODE_HANDLER_COUNT,
              BartConfigKeys.NAMENODE_HANDLER_COUNT_DEFAULT),
          // Users' read plans authenticate with HDFS delegation tokens as ClientProtocol does;
          // the coordinator protocol refuses token callers (Superusers).
          nn.delegationTokens());
      server.addTerseExceptions(CoordinatorRpcService.REFUSALS);
      server.addTerseExceptions(ClientRpcService.REFUSALS);
      server.addProtocol(RPC.RpcKind.RPC_PROTOCOL_BUFFER, BartClientProtocolPB.class,
          BartClientService.newReflectiveBlockingService(
              new ClientRpcService(coordinator, ReadAdmission.of(conf), nn)));
      server.start();
      startRepairLoop(conf);
      LOG.info("BART coordinator listening on {}", server.getListenerAddress());
    } catch (IOException | RuntimeException e) {
      stop();
      throw new IllegalStateException("BART coordinator could not start on the NameNode: " + e, e);
    }
  }

  /**
   * Runs the coordinator's repair every {@code dfs.bart.repair.interval} on the active NameNode
   * once it has left safe mode, and, while it is in startup safe mode, checks every few seconds
   * whether only blocks that repair rebuilds keep it there.
   */
  private void startRepairLoop(Configuration conf) {
    repairLoop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bart-repair");
      t.setDaemon(true);
      return t;
    });
    repairLoop.scheduleWithFixedDelay(() -> {
      if (nn.isActiveInStartupSafeMode()) {
        coordinator.checkSafeMode();
      }
    }, SAFE_MODE_CHECK_MS, SAFE_MODE_CHECK_MS, TimeUnit.MILLISECONDS);
    long ms = conf.getTimeDuration(BartConfigKeys.REPAIR_INTERVAL,
        BartConfigKeys.REPAIR_INTERVAL_SECONDS_DEFAULT, TimeUnit.SECONDS, TimeUnit.MILLISECONDS);
    if (ms > 0) {
      repairLoop.scheduleWithFixedDelay(() -> {
        if (nn.isActiveAndWritable()) {
          coordinator.repairAll();
        }
      }, ms, ms, TimeUnit.MILLISECONDS);
    }
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
    if (metrics != null) {
      metrics.unregister();
      metrics = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
