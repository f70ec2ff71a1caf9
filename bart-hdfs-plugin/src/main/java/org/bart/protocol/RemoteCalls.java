package org.bart.protocol;

import java.io.IOException;
import org.apache.hadoop.ipc.ProtobufHelper;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;

/** Turns the ServiceException of a protobuf RPC back into the IOException the server threw. */
final class RemoteCalls {

  private RemoteCalls() {
  }

  /** One RPC call whose failure is reported as an IOException. */
  interface Call<T> {
    T call() throws ServiceException;
  }

  static <T> T invoke(Call<T> call) throws IOException {
    try {
      return call.call();
    } catch (ServiceException se) {
      IOException e = ProtobufHelper.getRemoteException(se);
      throw e instanceof RemoteException ? ((RemoteException) e).unwrapRemoteException() : e;
    }
  }
}
