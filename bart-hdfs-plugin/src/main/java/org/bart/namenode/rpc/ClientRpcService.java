package org.bart.namenode.rpc;

import java.io.IOException;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.apache.hadoop.thirdparty.protobuf.RpcController;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;
import org.bart.namenode.coordinator.Coordinator;
import org.bart.namenode.hdfs.NameNodeInternals;
import org.bart.namenode.read.ReadAdmission;
import org.bart.protocol.BartBusyException;
import org.bart.protocol.BartClientProtocolPB;
import org.bart.protocol.PlanCredentials;
import org.bart.protocol.ReadPlanConverter;
import org.bart.protocol.proto.ClientProtos.GetReadPlanRequestProto;
import org.bart.protocol.proto.ClientProtos.GetReadPlanResponseProto;
import org.bart.protocol.wide.ReadPlan;

/**
 * Server side of the client protocol, and its proto edge: admits each plan request within the
 * degraded-read bounds, has the coordinator plan it for the caller (whose permission the NameNode
 * checks as that user), and signs the plan's bytes with a block token for that user when the
 * cluster has block tokens ({@link PlanCredentials}).
 */
public final class ClientRpcService implements BartClientProtocolPB {

  /**
   * What this service refuses with, for the server to log in one line: a flood of busy refusals
   * must not fill the NameNode's log with stack traces.
   */
  public static final Class<?>[] REFUSALS = {BartBusyException.class};

  private final Coordinator coordinator;
  private final ReadAdmission admission;
  private final NameNodeInternals nn;

  public ClientRpcService(Coordinator coordinator, ReadAdmission admission,
      NameNodeInternals nn) {
    this.coordinator = coordinator;
    this.admission = admission;
    this.nn = nn;
  }

  @Override
  public GetReadPlanResponseProto getReadPlan(RpcController c, GetReadPlanRequestProto req)
      throws ServiceException {
    try {
      // Handlers run as their caller.
      String user = UserGroupInformation.getCurrentUser().getShortUserName();
      ReadPlan plan;
      try (ReadAdmission.Ticket admitted = admission.admit(user)) {
        plan = coordinator.readPlan(req.getPath(), req.getOffset(), user);
      }
      GetReadPlanResponseProto.Builder b = GetReadPlanResponseProto.newBuilder();
      if (plan == null) {
        return b.build(); // the file's end
      }
      byte[] bytes = ReadPlanConverter.toBytes(plan);
      b.setPlan(ByteString.copyFrom(bytes));
      Token<BlockTokenIdentifier> token = nn.readToken(PlanCredentials.tokenUser(user, bytes),
          PlanCredentials.tokenBlock(plan));
      if (token != null) {
        b.setCredential(PlanCredentials.toProto(token));
      }
      return b.build();
    } catch (IOException e) {
      throw new ServiceException(e);
    }
  }
}
