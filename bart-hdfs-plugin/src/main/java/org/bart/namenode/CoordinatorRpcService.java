package org.bart.namenode;

import java.io.IOException;
import org.apache.hadoop.thirdparty.protobuf.RpcController;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;
import org.apache.hadoop.util.Time;
import org.bart.protocol.CoordinatorProtocolPB;
import org.bart.protocol.Superusers;
import org.bart.protocol.proto.CoordinatorProtos.AgentEntryProto;
import org.bart.protocol.proto.CoordinatorProtos.GetJobRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.JobStatusProto;
import org.bart.protocol.proto.CoordinatorProtos.ListJobsRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.ListJobsResponseProto;
import org.bart.protocol.proto.CoordinatorProtos.MaintenanceRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.MaintenanceResponseProto;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionResponseProto;
import org.bart.protocol.proto.CoordinatorProtos.ListAgentsRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.ListAgentsResponseProto;
import org.bart.protocol.proto.CoordinatorProtos.RegisterAgentRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.RegisterAgentResponseProto;

/** Server side of the coordinator protocol. */
final class CoordinatorRpcService implements CoordinatorProtocolPB {

  private final AgentRegistry agents;
  private final Coordinator coordinator;
  private final Superusers superusers;
  private final int heartbeatIntervalMs;

  CoordinatorRpcService(AgentRegistry agents, Coordinator coordinator, Superusers superusers,
      int heartbeatIntervalMs) {
    this.agents = agents;
    this.coordinator = coordinator;
    this.superusers = superusers;
    this.heartbeatIntervalMs = heartbeatIntervalMs;
  }

  private void check(String what) throws ServiceException {
    try {
      superusers.checkCaller("BART coordinator " + what);
    } catch (IOException e) {
      throw new ServiceException(e);
    }
  }

  @Override
  public MaintenanceResponseProto repair(RpcController c, MaintenanceRequestProto req)
      throws ServiceException {
    check("repair");
    try {
      return MaintenanceResponseProto.newBuilder().setReportJson(
          coordinator.repair(req.hasPath() ? req.getPath() : null).toJson()).build();
    } catch (IOException e) {
      throw new ServiceException(e);
    }
  }

  @Override
  public MaintenanceResponseProto verify(RpcController c, MaintenanceRequestProto req)
      throws ServiceException {
    check("verify");
    try {
      return MaintenanceResponseProto.newBuilder().setReportJson(
          coordinator.verify(req.hasPath() ? req.getPath() : null).toJson()).build();
    } catch (IOException e) {
      throw new ServiceException(e);
    }
  }

  @Override
  public StartTransitionResponseProto startTransition(RpcController c,
      StartTransitionRequestProto req) throws ServiceException {
    check("startTransition");
    try {
      return StartTransitionResponseProto.newBuilder().setJobId(coordinator.start(req)).build();
    } catch (IOException e) {
      throw new ServiceException(e);
    }
  }

  @Override
  public JobStatusProto getJob(RpcController c, GetJobRequestProto req) throws ServiceException {
    check("getJob");
    try {
      return coordinator.status(req.getJobId());
    } catch (IOException e) {
      throw new ServiceException(e);
    }
  }

  @Override
  public ListJobsResponseProto listJobs(RpcController c, ListJobsRequestProto req)
      throws ServiceException {
    check("listJobs");
    return ListJobsResponseProto.newBuilder().addAllJobs(coordinator.all()).build();
  }

  @Override
  public RegisterAgentResponseProto registerAgent(RpcController c, RegisterAgentRequestProto req)
      throws ServiceException {
    check("registerAgent");
    agents.register(req.getDatanodeUuid(), req.getAgentAddress(), req.getReady());
    return RegisterAgentResponseProto.newBuilder().setHeartbeatIntervalMs(heartbeatIntervalMs)
        .build();
  }

  @Override
  public ListAgentsResponseProto listAgents(RpcController c, ListAgentsRequestProto req)
      throws ServiceException {
    check("listAgents");
    ListAgentsResponseProto.Builder b = ListAgentsResponseProto.newBuilder();
    long now = Time.monotonicNow();
    for (AgentRegistry.Entry e : agents.all()) {
      b.addAgents(AgentEntryProto.newBuilder().setDatanodeUuid(e.datanodeUuid)
          .setAgentAddress(e.address).setReady(e.ready).setLastSeenMsAgo(now - e.lastSeenMs));
    }
    return b.build();
  }
}
