package org.bart.namenode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.util.ServicePlugin;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.CoordinatorProtocolPB;
import org.bart.protocol.RpcServers;
import org.bart.protocol.Superusers;
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

  @Override
  public void start(Object service) {
    NameNode nn = (NameNode) service;
    Configuration conf = new Configuration(nn.getConf());
    try {
      Superusers superusers = Superusers.of(conf);
      superusers.defaultAcl(conf, BartConfigKeys.COORDINATOR_PROTOCOL_ACL);
      InetSocketAddress address = CoordinatorClient.address(conf);
      String bindHost = conf.getTrimmed(BartConfigKeys.NAMENODE_RPC_BIND_HOST,
          address.getHostString());
      int heartbeatMs = (int) conf.getLong(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
          BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT);
      coordinator = new Coordinator(conf,
          URI.create("hdfs://" + nn.getNameNodeAddressHostPortString()), agents);
      server = RpcServers.build(conf, CoordinatorProtocolPB.class,
          CoordinatorService.newReflectiveBlockingService(
              new CoordinatorRpcService(agents, coordinator, superusers, heartbeatMs)),
          new InetSocketAddress(bindHost, address.getPort()),
          conf.getInt(BartConfigKeys.NAMENODE_HANDLER_COUNT,
              BartConfigKeys.NAMENODE_HANDLER_COUNT_DEFAULT));
      server.start();
      LOG.info("BART coordinator listening on {}", server.getListenerAddress());
    } catch (IOException | RuntimeException e) {
      stop();
      throw new IllegalStateException("BART coordinator could not start on the NameNode: " + e, e);
    }
  }

  /** The agents that registered so far. */
  public AgentRegistry agents() {
    return agents;
  }

  @Override
  public void stop() {
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
