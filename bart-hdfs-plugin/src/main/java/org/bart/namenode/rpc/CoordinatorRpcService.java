package org.bart.namenode.rpc;

import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.thirdparty.protobuf.RpcController;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;
import org.apache.hadoop.util.Time;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.coordinator.Coordinator;
import org.bart.namenode.coordinator.RequestRefusedException;
import org.bart.namenode.metadata.UntrustedStateException;
import org.bart.protocol.CoordinatorProtocolPB;
import org.bart.protocol.Superusers;
import org.bart.protocol.proto.CoordinatorProtos.AgentEntryProto;
import org.bart.protocol.proto.CoordinatorProtos.GetJobRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.JobStatusProto;
import org.bart.protocol.proto.CoordinatorProtos.ListAgentsRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.ListAgentsResponseProto;
import org.bart.protocol.proto.CoordinatorProtos.ListJobsRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.ListJobsResponseProto;
import org.bart.protocol.proto.CoordinatorProtos.MaintenanceRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.MaintenanceResponseProto;
import org.bart.protocol.proto.CoordinatorProtos.RegisterAgentRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.RegisterAgentResponseProto;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionResponseProto;

/** Server side of the coordinator protocol. */
public final class CoordinatorRpcService implements CoordinatorProtocolPB {

  /**
   * What the coordinator's server throws to refuse a call: an unauthorised caller, a bad request,
   * BART state it does not trust. The server is to log them in one line (Hadoop's terse
   * exceptions, {@code RPC.Server#addTerseExceptions}), not as failures with a stack trace.
   */
  public static final Class<?>[] REFUSALS = {AccessControlException.class,
      RequestRefusedException.class, UntrustedStateException.class};

  private final AgentRegistry agents;
  private final Coordinator coordinator;
  private final Superusers superusers;
  private final int heartbeatIntervalMs;

  public CoordinatorRpcService(AgentRegistry agents, Coordinator coordinator, Superusers superusers,
      int heartbeatIntervalMs) {
    this.agents = agents;
    this.coordinator = coordinator;
    this.superusers = superusers;
    this.heartbeatIntervalMs = heartbeatIntervalMs;
  }

  private <T> T serve(String what, Superusers.Call<T> call) throws ServiceException {
    return superusers.serve("BART coordinator " + what, call);
  }

  private static String path(MaintenanceRequestProto req) {
    return req.hasPath() ? req.getPath() : null;
  }

  @Override
  public MaintenanceResponseProto repair(RpcController c, MaintenanceRequestProto req)
      throws ServiceException {
    return serve("repair", () -> MaintenanceResponseProto.newBuilder()
        .setReportJson(coordinator.repair(path(req)).toJson()).build());
  }

  @Override
  public MaintenanceResponseProto verify(RpcController c, MaintenanceRequestProto req)
      throws ServiceException {
    return serve("verify", () -> MaintenanceResponseProto.newBuilder()
        .setReportJson(coordinator.verify(path(req)).toJson()).build());
  }

  @Override
  public StartTransitionResponseProto startTransition(RpcController c,
      StartTransitionRequestProto req) throws ServiceException {
    return serve("startTransition", () -> StartTransitionResponseProto.newBuilder()
        .setJobId(coordinator.start(req)).build());
  }

  @Override
  public JobStatusProto getJob(RpcController c, GetJobRequestProto req) throws ServiceException {
    return serve("getJob", () -> coordinator.status(req.getJobId()));
  }

  @Override
  public ListJobsResponseProto listJobs(RpcController c, ListJobsRequestProto req)
      throws ServiceException {
    return serve("listJobs",
        () -> ListJobsResponseProto.newBuilder().addAllJobs(coordinator.all()).build());
  }

  @Override
  public RegisterAgentResponseProto registerAgent(RpcController c, RegisterAgentRequestProto req)
      throws ServiceException {
    return serve("registerAgent", () -> {
      agents.register(req.getDatanodeUuid(), req.getAgentAddress(), req.getReady());
      return RegisterAgentResponseProto.newBuilder().setHeartbeatIntervalMs(heartbeatIntervalMs)
          .build();
    });
  }

  @Override
  public ListAgentsResponseProto listAgents(RpcController c, ListAgentsRequestProto req)
      throws ServiceException {
    return serve("listAgents", () -> {
      ListAgentsResponseProto.Builder b = ListAgentsResponseProto.newBuilder();
      long now = Time.monotonicNow();
      for (AgentRegistry.Entry e : agents.all()) {
        b.addAgents(AgentEntryProto.newBuilder().setDatanodeUuid(e.datanodeUuid)
            .setAgentAddress(e.address).setReady(e.ready).setLastSeenMsAgo(now - e.lastSeenMs));
      }
      return b.build();
    });
  }
}
