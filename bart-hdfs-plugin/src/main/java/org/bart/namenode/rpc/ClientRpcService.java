package org.bart.namenode.rpc;

import java.io.IOException;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.apache.hadoop.thirdparty.protobuf.RpcController;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;
import org.bart.namenode.coordinator.Coordinator;
import org.bart.namenode.read.DegradedRead;
import org.bart.protocol.BartClientProtocolPB;
import org.bart.protocol.proto.ClientProtos.ReadDegradedRequestProto;
import org.bart.protocol.proto.ClientProtos.ReadDegradedResponseProto;

/**
 * Server side of the client protocol, and its proto edge; permissions are the file's, checked per
 * read.
 */
public final class ClientRpcService implements BartClientProtocolPB {

  private final Coordinator coordinator;

  public ClientRpcService(Coordinator coordinator) {
    this.coordinator = coordinator;
  }

  @Override
  public ReadDegradedResponseProto readDegraded(RpcController c, ReadDegradedRequestProto req)
      throws ServiceException {
    try {
      DegradedRead r = coordinator.readDegraded(req.getPath(), req.getOffset(), req.getLength());
      return ReadDegradedResponseProto.newBuilder().setData(ByteString.copyFrom(r.data()))
          .addAllDecoded(r.decoded()).build();
    } catch (IOException e) {
      throw new ServiceException(e);
    }
  }
}
