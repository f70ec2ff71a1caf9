package org.bart.datanode;

import org.apache.hadoop.thirdparty.protobuf.RpcController;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;
import org.bart.protocol.AgentProtocolPB;
import org.bart.protocol.Superusers;
import org.bart.protocol.proto.AgentProtos.GetAgentStatusRequestProto;
import org.bart.protocol.proto.AgentProtos.GetAgentStatusResponseProto;
import org.bart.protocol.proto.AgentProtos.GetReplicaRequestProto;
import org.bart.protocol.proto.AgentProtos.GetReplicaResponseProto;
import org.bart.protocol.proto.AgentProtos.EncodeRequestProto;
import org.bart.protocol.proto.AgentProtos.MergeRequestProto;
import org.bart.protocol.proto.AgentProtos.MoveRequestProto;
import org.bart.protocol.proto.AgentProtos.OpResultProto;
import org.bart.protocol.proto.AgentProtos.PrefetchRequestProto;
import org.bart.protocol.proto.AgentProtos.ReadWideRequestProto;
import org.bart.protocol.proto.AgentProtos.ReadWideResponseProto;
import org.bart.protocol.proto.AgentProtos.RelabelRequestProto;
import org.bart.protocol.proto.AgentProtos.ReportReplicaRequestProto;
import org.bart.protocol.proto.AgentProtos.ReportReplicaResponseProto;
import org.bart.protocol.proto.AgentProtos.SendRequestProto;
import org.bart.protocol.proto.AgentProtos.ThrottleRequestProto;
import org.bart.protocol.proto.AgentProtos.ThrottleResponseProto;

/** Server side of the agent protocol: checks the caller, then hands each call to the agent. */
final class AgentRpcService implements AgentProtocolPB {

  private final Agent agent;
  private final Superusers superusers;

  AgentRpcService(Agent agent, Superusers superusers) {
    this.agent = agent;
    this.superusers = superusers;
  }

  private <T> T serve(String what, Superusers.Call<T> call) throws ServiceException {
    return superusers.serve("BART agent " + what, call);
  }

  @Override
  public OpResultProto relabel(RpcController c, RelabelRequestProto req) throws ServiceException {
    return serve("relabel", () -> agent.relabel(req));
  }

  @Override
  public OpResultProto send(RpcController c, SendRequestProto req) throws ServiceException {
    return serve("send", () -> agent.send(req));
  }

  @Override
  public OpResultProto merge(RpcController c, MergeRequestProto req) throws ServiceException {
    return serve("merge", () -> agent.merge(req));
  }

  @Override
  public OpResultProto prefetch(RpcController c, PrefetchRequestProto req)
      throws ServiceException {
    return serve("prefetch", () -> agent.prefetch(req));
  }

  @Override
  public OpResultProto checkMerge(RpcController c, MergeRequestProto req)
      throws ServiceException {
    return serve("checkMerge", () -> agent.checkMerge(req));
  }

  @Override
  public OpResultProto encode(RpcController c, EncodeRequestProto req) throws ServiceException {
    return serve("encode", () -> agent.encode(req));
  }

  @Override
  public OpResultProto checkEncode(RpcController c, EncodeRequestProto req)
      throws ServiceException {
    return serve("checkEncode", () -> agent.checkEncode(req));
  }


  @Override
  public ReadWideResponseProto readWide(RpcController c, ReadWideRequestProto req)
      throws ServiceException {
    return serve("readWide", () -> agent.readWide(req));
  }

  @Override
  public OpResultProto move(RpcController c, MoveRequestProto req) throws ServiceException {
    return serve("move", () -> agent.move(req));
  }

  @Override
  public ReportReplicaResponseProto reportReplica(RpcController c, ReportReplicaRequestProto req)
      throws ServiceException {
    return serve("reportReplica", () -> {
      agent.reportReplica(req.getBlock());
      return ReportReplicaResponseProto.getDefaultInstance();
    });
  }

  @Override
  public GetReplicaResponseProto getReplica(RpcController c, GetReplicaRequestProto req)
      throws ServiceException {
    return serve("getReplica", () -> agent.getReplica(req.getPoolId(), req.getBlockId()));
  }

  @Override
  public ThrottleResponseProto throttle(RpcController c, ThrottleRequestProto req)
      throws ServiceException {
    return serve("throttle", () -> {
      agent.throttle(req.getDirection(), req.getBytes());
      return ThrottleResponseProto.getDefaultInstance();
    });
  }

  @Override
  public GetAgentStatusResponseProto getStatus(RpcController c, GetAgentStatusRequestProto req)
      throws ServiceException {
    return serve("getStatus", agent::status);
  }
}
