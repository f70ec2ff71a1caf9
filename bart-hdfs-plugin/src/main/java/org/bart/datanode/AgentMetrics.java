package org.bart.datanode;

import java.util.concurrent.atomic.LongAdder;
import org.bart.protocol.proto.AgentProtos.OpResultProto;

/** Totals of an agent's operations since it started (reported by getStatus). */
final class AgentMetrics {
  final LongAdder completed = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder bytesSent = new LongAdder();
  final LongAdder bytesReceived = new LongAdder();
  final LongAdder bytesWritten = new LongAdder();

  void record(OpResultProto r) {
    completed.increment();
    bytesSent.add(r.getBytesSent());
    bytesReceived.add(r.getBytesReceived());
    bytesWritten.add(r.getBytesWritten());
  }
}
