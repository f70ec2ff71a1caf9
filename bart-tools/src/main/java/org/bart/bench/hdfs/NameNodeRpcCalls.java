package org.bart.bench.hdfs;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.hdfs.protocol.ClientProtocol;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.hdfs.server.namenode.NameNodeRpcServer;
import org.apache.hadoop.hdfs.server.protocol.DatanodeProtocol;
import org.apache.hadoop.ipc.Server;
import org.apache.hadoop.metrics2.AbstractMetric;
import org.apache.hadoop.metrics2.MetricsCollector;
import org.apache.hadoop.metrics2.MetricsInfo;
import org.apache.hadoop.metrics2.MetricsRecordBuilder;
import org.apache.hadoop.metrics2.MetricsSource;
import org.apache.hadoop.metrics2.MetricsTag;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;

/**
 * Counts the calls the NameNode's RPC server has processed, from its own per-method metrics
 * ({@code RpcDetailedActivityForPort<port>}, the {@code <Method>NumOps} counters): those of
 * {@link ClientProtocol} (what the coordinator, a client of HDFS, asks) and those of {@link
 * DatanodeProtocol} without heartbeats (mostly the incremental block reports of the blocks a
 * transition creates and deletes). The embedded cluster has no separate service RPC server, so
 * both arrive on the client RPC server. Counters are cumulative; callers take differences.
 */
final class NameNodeRpcCalls {

  /** Cumulative call counts at one moment. */
  static final class Counts {
    final long client;
    final long dataNode;

    Counts(long client, long dataNode) {
      this.client = client;
      this.dataNode = dataNode;
    }
  }

  private static final Set<String> CLIENT = methodNames(ClientProtocol.class);
  private static final Set<String> DATANODE = methodNames(DatanodeProtocol.class);
  // Every DataNode heartbeats once a second whatever the run does: not part of its cost.
  private static final Set<String> NOT_COUNTED = new HashSet<>(
      Arrays.asList("sendHeartbeat", "sendLifeline"));

  private final MetricsSource source;

  NameNodeRpcCalls(NameNode nn) {
    Server server = ((NameNodeRpcServer) nn.getRpcServer()).getClientRpcServer();
    String name = server.getRpcDetailedMetrics().name();
    this.source = DefaultMetricsSystem.instance().getSource(name);
    if (source == null) {
      throw new IllegalStateException("no metrics source " + name + " for the NameNode's RPC "
          + "server");
    }
  }

  /** The calls processed so far. */
  Counts now() {
    Collector c = new Collector();
    source.getMetrics(c, true);
    return new Counts(c.client, c.dataNode);
  }

  private static Set<String> methodNames(Class<?> protocol) {
    Set<String> names = new HashSet<>();
    for (Method m : protocol.getMethods()) {
      names.add(m.getName());
    }
    return names;
  }

  /** Sums the {@code <Method>NumOps} counters by protocol; ignores everything else. */
  private static final class Collector extends MetricsRecordBuilder implements MetricsCollector {
    private static final String NUM_OPS = "NumOps";
    long client;
    long dataNode;

    @Override
    public MetricsRecordBuilder addRecord(String name) {
      return this;
    }

    @Override
    public MetricsRecordBuilder addRecord(MetricsInfo info) {
      return this;
    }

    @Override
    public MetricsRecordBuilder addCounter(MetricsInfo info, long value) {
      String n = info.name();
      if (!n.endsWith(NUM_OPS) || n.startsWith("Deferred")) {
        return this;
      }
      // Metric names capitalise the method's first letter.
      String method = Character.toLowerCase(n.charAt(0))
          + n.substring(1, n.length() - NUM_OPS.length());
      if (CLIENT.contains(method)) {
        client += value;
      } else if (DATANODE.contains(method) && !NOT_COUNTED.contains(method)) {
        dataNode += value;
      }
      return this;
    }

    @Override
    public MetricsRecordBuilder addCounter(MetricsInfo info, int value) {
      return addCounter(info, (long) value);
    }

    @Override
    public MetricsRecordBuilder tag(MetricsInfo info, String value) {
      return this;
    }

    @Override
    public MetricsRecordBuilder add(MetricsTag tag) {
      return this;
    }

    @Override
    public MetricsRecordBuilder add(AbstractMetric metric) {
      return this;
    }

    @Override
    public MetricsRecordBuilder setContext(String value) {
      return this;
    }

    @Override
    public MetricsRecordBuilder addGauge(MetricsInfo info, int value) {
      return this;
    }

    @Override
    public MetricsRecordBuilder addGauge(MetricsInfo info, long value) {
      return this;
    }

    @Override
    public MetricsRecordBuilder addGauge(MetricsInfo info, float value) {
      return this;
    }

    @Override
    public MetricsRecordBuilder addGauge(MetricsInfo info, double value) {
      return this;
    }

    @Override
    public MetricsCollector parent() {
      return this;
    }
  }
}
