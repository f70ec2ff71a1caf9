package org.bart.datanode;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.util.ServicePlugin;
import org.bart.conf.BartConfigCheck;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.AgentProtocolPB;
import org.bart.protocol.BartReadProtocolPB;
import org.bart.protocol.RpcServers;
import org.bart.protocol.Superusers;
import org.bart.protocol.proto.AgentProtos.AgentService;
import org.bart.protocol.proto.ClientProtos.BartReadService;
import org.bart.protocol.proto.CoordinatorProtos.RegisterAgentRequestProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BART agent inside a DataNode ({@code dfs.datanode.plugins}): serves the agent protocol
 * (coordinator and agents) and the read protocol (users' planned reads) on
 * {@code dfs.bart.agent.address} and registers with the coordinator. It starts before the
 * DataNode has loaded its dataset; operations are refused ("not ready") until it has.
 *
 * <p>On a Hadoop that lacks a member the agent needs ({@link DataNodeSelfCheck}), it logs an
 * error naming the member and the Hadoop version and still serves, but only to say so: it
 * refuses every operation and reports itself not ready with that reason to the coordinator and
 * to {@code getAgentStatus}, so the coordinator never picks it; start() then throws the same
 * message, which the DataNode logs (it does not stop for a failed plugin).
 */
public final class BartDataNodePlugin implements ServicePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(BartDataNodePlugin.class);

  private DataNodeInternals dn;
  private Agent agent;
  private AgentMetrics metrics;
  private RPC.Server server;
  private CoordinatorHeartbeat heartbeat;

  @Override
  public void start(Object service) {
    // First: checking loads no Hadoop internals, so it reports even what would fail to link.
    String incompatibility = DataNodeSelfCheck.result();
    if (incompatibility != null) {
      LOG.error(incompatibility);
    }
    dn = new DataNodeInternals((DataNode) service, incompatibility);
    Configuration conf = new Configuration(dn.conf());
    try {
      BartConfigCheck.dataNode(conf);
    } catch (IllegalArgumentException e) {
      LOG.error(e.getMessage());
      throw new IllegalStateException(e.getMessage(), e);
    }
    try {
      Superusers superusers = Superusers.of(conf);
      superusers.defaultAcl(conf, BartConfigKeys.AGENT_PROTOCOL_ACL);
      superusers.defaultAcl(conf, BartConfigKeys.READ_PROTOCOL_ACL, "*");
      metrics = AgentMetrics.register(dn.displayName());
      agent = new Agent((DataNode) service, conf, metrics);
      InetSocketAddress bind = NetUtils.createSocketAddr(conf.getTrimmed(
          BartConfigKeys.AGENT_ADDRESS, BartConfigKeys.AGENT_ADDRESS_DEFAULT), 0,
          BartConfigKeys.AGENT_ADDRESS);
      server = RpcServers.build(AgentServerConf.of(conf), AgentProtocolPB.class,
          AgentService.newReflectiveBlockingService(new AgentRpcService(agent, superusers)), bind,
          conf.getInt(BartConfigKeys.AGENT_HANDLER_COUNT,
              BartConfigKeys.AGENT_HANDLER_COUNT_DEFAULT),
          // Users' reads authenticate with their plans' block tokens; the agent protocol refuses
          // token callers (Superusers). An incompatible Hadoop may lack the DataNode's keys.
          incompatibility == null ? new PlanTokenSecretManager(dn.blockKeys()) : null);
      server.addTerseExceptions(ReadRpcService.REFUSALS);
      server.addProtocol(RPC.RpcKind.RPC_PROTOCOL_BUFFER, BartReadProtocolPB.class,
          BartReadService.newReflectiveBlockingService(new ReadRpcService(agent)));
      server.start();
      heartbeat = new CoordinatorHeartbeat(conf, this::announcement);
      heartbeat.start();
      LOG.info("BART agent of DataNode {} listening on {}", dn.displayName(),
          server.getListenerAddress());
    } catch (IOException | RuntimeException | LinkageError e) {
      stop();
      // DataNode only logs a plugin's failure; say clearly what is missing.
      throw new IllegalStateException("BART agent could not start on DataNode "
          + dn.displayName() + ": " + (incompatibility != null ? incompatibility : e), e);
    }
    if (incompatibility != null) {
      throw new IllegalStateException(incompatibility);
    }
  }

  /** The agent's announcement to the coordinator, or null before the DataNode is registered. */
  private RegisterAgentRequestProto announcement() {
    DatanodeID id = dn.id();
    if (id == null || dn.uuid() == null) {
      return null;
    }
    return RegisterAgentRequestProto.newBuilder()
        .setDatanodeUuid(dn.uuid())
        .setAgentAddress(agentAddress())
        .setReady(isReady())
        .build();
  }

  /** host:port where other nodes reach this agent (the DataNode's address if bound to any). */
  public String agentAddress() {
    InetSocketAddress a = server.getListenerAddress();
    String host = a.getAddress() == null || a.getAddress().isAnyLocalAddress()
        ? dn.id().getIpAddr() : a.getAddress().getHostAddress();
    return host + ":" + a.getPort();
  }

  /** Whether the agent can serve operations now. */
  public boolean isReady() {
    return agent != null && agent.notReadyReason() == null;
  }

  @Override
  public void stop() {
    if (heartbeat != null) {
      heartbeat.stop();
    }
    if (server != null) {
      server.stop();
    }
    if (agent != null) {
      agent.close();
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
