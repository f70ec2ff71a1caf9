package org.bart.datanode;

import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.OpResultProto;

/** Byte counts of one running operation (confined to the worker thread running it). */
final class OpStats {
  long bytesRead;
  long bytesWritten;
  long bytesSent;
  long bytesReceived;

  OpResultProto toProto(OpPath path, long micros) {
    return OpResultProto.newBuilder()
        .setPath(path)
        .setBytesRead(bytesRead)
        .setBytesWritten(bytesWritten)
        .setBytesSent(bytesSent)
        .setBytesReceived(bytesReceived)
        .setMicros(micros)
        .build();
  }
}
