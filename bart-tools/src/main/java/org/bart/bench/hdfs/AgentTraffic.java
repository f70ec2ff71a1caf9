package org.bart.bench.hdfs;

import java.io.IOException;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.bart.demo.EmbeddedCluster;
import org.bart.protocol.AgentClient;
import org.bart.protocol.proto.AgentProtos.GetAgentStatusResponseProto;

/** Bytes the agents of the running DataNodes have read from replicas and sent, summed. */
final class AgentTraffic {

  final long bytesRead;
  final long bytesSent;

  private AgentTraffic(long bytesRead, long bytesSent) {
    this.bytesRead = bytesRead;
    this.bytesSent = bytesSent;
  }

  /** The agents' counters now (their metrics, as each agent's status reports them). */
  static AgentTraffic of(EmbeddedCluster cluster) throws IOException {
    long read = 0;
    long sent = 0;
    for (DataNode dn : cluster.mini().getDataNodes()) {
      try (AgentClient agent = AgentClient.connect(cluster.agentAddress(dn.getDatanodeUuid()),
          cluster.conf())) {
        GetAgentStatusResponseProto st = agent.getStatus();
        read += st.getBytesRead();
        sent += st.getBytesSent();
      }
    }
    return new AgentTraffic(read, sent);
  }

  /** What was read and sent since {@code before}. */
  AgentTraffic since(AgentTraffic before) {
    return new AgentTraffic(bytesRead - before.bytesRead, bytesSent - before.bytesSent);
  }
}
