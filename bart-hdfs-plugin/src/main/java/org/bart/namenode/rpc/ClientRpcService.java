package org.bart.namenode.rpc;

import java.io.IOException;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.apache.hadoop.thirdparty.protobuf.RpcController;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;
import org.bart.namenode.coordinator.Coordinator;
import org.bart.namenode.read.DegradedRead;
import org.bart.namenode.read.ReadAdmission;
import org.bart.protocol.BartBusyException;
import org.bart.protocol.BartClientProtocolPB;
import org.bart.protocol.proto.ClientProtos.ReadDegradedRequestProto;
import org.bart.protocol.proto.ClientProtos.ReadDegradedResponseProto;

/**
 * Server side of the client protocol, and its proto edge: admits each read within the
 * degraded-read bounds, then serves it; permissions are the file's, checked per read as the
 * caller.
 */
public final class ClientRpcService implements BartClientProtocolPB {

  /**
   * What this service refuses with, for the server to log in one line: a flood of busy refusals
   * must not fill the NameNode's log with stack traces.
   */
  public static final Class<?>[] REFUSALS = {BartBusyException.class};

  private final Coordinator coordinator;
  private final ReadAdmission admission;

  public ClientRpcService(Coordinator coordinator, ReadAdmission admission) {
    this.coordinator = coordinator;
    this.admission = admission;
  }

  @Override
  public ReadDegradedResponseProto readDegraded(RpcController c, ReadDegradedRequestProto req)
      throws ServiceException {
    try {
      // Handlers run as their caller.
      ReadAdmission.Ticket admitted = admission.admit(
          UserGroupInformation.getCurrentUser().getShortUserName());
      try {
        DegradedRead r = coordinator.readDegraded(req.getPath(), req.getOffset(),
            req.getLength());
        return ReadDegradedResponseProto.newBuilder().setData(ByteString.copyFrom(r.data()))
            .addAllDecoded(r.decoded()).build();
      } finally {
        admitted.close();
      }
    } catch (IOException e) {
      throw new ServiceException(e);
    }
  }
}
