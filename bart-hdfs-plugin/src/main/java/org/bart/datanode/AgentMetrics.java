package org.bart.datanode;

import org.apache.hadoop.metrics2.annotation.Metric;
import org.apache.hadoop.metrics2.annotation.Metrics;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.apache.hadoop.metrics2.lib.MutableCounterLong;
import org.apache.hadoop.metrics2.lib.MutableGaugeInt;
import org.bart.protocol.proto.AgentProtos.OpResultProto;

/**
 * Totals of an agent's operations since it started: reported by getStatus and published as a
 * Hadoop metrics2 source of the DataNode's metrics system, {@code BartAgent-HOST-PORT} (the
 * DataNode's transfer address, so that several DataNodes of one JVM have one each), visible at
 * the DataNode's {@code /jmx}. Thread-safe.
 */
@Metrics(about = "BART agent", context = "dfs")
final class AgentMetrics {

  @Metric("Operations completed") MutableCounterLong opsCompleted;
  @Metric("Operations that failed") MutableCounterLong opsFailed;
  @Metric("Operations waiting for a worker") MutableGaugeInt opsQueued;
  @Metric("Operations running") MutableGaugeInt opsRunning;
  @Metric("Bytes read from replicas") MutableCounterLong bytesRead;
  @Metric("Bytes sent to other DataNodes") MutableCounterLong bytesSent;
  @Metric("Bytes received from other DataNodes") MutableCounterLong bytesReceived;
  @Metric("Bytes written to disk") MutableCounterLong bytesWritten;
  @Metric("Bytes of replicas relabelled") MutableCounterLong bytesRelabelled;
  @Metric("Bytes of wide parity merged") MutableCounterLong bytesMerged;
  @Metric("Bytes decoded (degraded reads and rebuilds)") MutableCounterLong bytesDecoded;
  @Metric("Degraded reads served") MutableCounterLong degradedReadsServed;
  @Metric("Lost units rebuilt") MutableCounterLong unitsRebuilt;
  @Metric("Corrupt replicas met and reported to the NameNode")
  MutableCounterLong corruptReplicasReported;

  private final String name;

  private AgentMetrics(String name) {
    this.name = name;
  }

  /**
   * A source registered for the DataNode {@code displayName} (host:port); {@link #unregister}
   * it when the agent stops, so that a DataNode restarted in the same JVM registers again.
   */
  static AgentMetrics register(String displayName) {
    String name = "BartAgent-" + displayName.replace(':', '-');
    return DefaultMetricsSystem.instance().register(name, "BART agent of DataNode "
        + displayName, new AgentMetrics(name));
  }

  void unregister() {
    DefaultMetricsSystem.instance().unregisterSource(name);
  }

  void record(OpResultProto r) {
    opsCompleted.incr();
    bytesRead.incr(r.getBytesRead());
    bytesSent.incr(r.getBytesSent());
    bytesReceived.incr(r.getBytesReceived());
    bytesWritten.incr(r.getBytesWritten());
  }
}
