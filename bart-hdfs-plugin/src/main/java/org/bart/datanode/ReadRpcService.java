package org.bart.datanode;

import java.io.IOException;
import org.apache.hadoop.ipc.Server;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.thirdparty.protobuf.RpcController;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;
import org.bart.protocol.BartReadProtocolPB;
import org.bart.protocol.UnreadableRangeException;
import org.bart.protocol.proto.ClientProtos.ReadPlannedRequestProto;
import org.bart.protocol.proto.ClientProtos.ReadPlannedResponseProto;

/**
 * Server side of the read protocol: users' reads with a plan the NameNode made for them. Any
 * authenticated user may call (the plan and its block token decide what is read, see
 * {@link Agent#readPlanned}); the calling user is the RPC connection's: the Kerberos user, or
 * the user of the read plan whose block token authenticated it ({@link PlanTokenSecretManager}).
 */
final class ReadRpcService implements BartReadProtocolPB {

  /** Refusals the server logs in one line, without a stack trace. */
  static final Class<?>[] REFUSALS = {AccessControlException.class,
      UnreadableRangeException.class};

  private final Agent agent;

  ReadRpcService(Agent agent) {
    this.agent = agent;
  }

  @Override
  public ReadPlannedResponseProto readPlanned(RpcController c, ReadPlannedRequestProto req)
      throws ServiceException {
    try {
      UserGroupInformation caller = Server.getRemoteUser();
      if (caller == null) {
        throw new AccessControlException("BART read: no calling user");
      }
      return agent.readPlanned(req, caller.getShortUserName());
    } catch (IOException e) {
      throw new ServiceException(e);
    }
  }
}
