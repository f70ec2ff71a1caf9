package org.bart.datanode;

import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.proto.CommonProtos.NodeProto;

/** What the agent's operations share: the DataNode, its dataset and the data movers. */
final class AgentContext {
  /** For the data movers that still take the DataNode itself; see {@link #internals}. */
  final DataNode dn;
  final DataNodeInternals internals;
  final Configuration conf;
  final LocalReplicas replicas;
  final Relabeler relabeler;
  final ReplicaFetcher fetcher;
  final ReplicaPusher pusher;
  final PeerAgents peers;
  final BandwidthLimiter limiter;
  final int chunkBytes;
  final PrefetchedCopies copies;

  AgentContext(DataNode dn, Configuration conf, AgentMetrics metrics) {
    this.dn = dn;
    this.internals = new DataNodeInternals(dn, DataNodeSelfCheck.result());
    this.conf = conf;
    this.replicas = new LocalReplicas(internals);
    this.relabeler = new Relabeler(internals, replicas);
    this.fetcher = new ReplicaFetcher(dn, conf, metrics);
    this.pusher = new ReplicaPusher(dn, conf);
    this.peers = new PeerAgents(conf);
    this.limiter = new BandwidthLimiter(conf.getLongBytes(BartConfigKeys.AGENT_BANDWIDTH_PER_SEC,
        BartConfigKeys.AGENT_BANDWIDTH_PER_SEC_DEFAULT));
    this.chunkBytes = (int) conf.getLongBytes(BartConfigKeys.AGENT_CHUNK_BYTES,
        BartConfigKeys.AGENT_CHUNK_BYTES_DEFAULT);
    this.copies = new PrefetchedCopies(this, new File(conf.get(BartConfigKeys.AGENT_SCRATCH_DIR,
        BartConfigKeys.AGENT_SCRATCH_DIR_DEFAULT)));
  }

  String uuid() {
    return internals.uuid();
  }

  boolean isSelf(NodeProto node) {
    return node.getUuid().equals(internals.uuid());
  }

  /** This DataNode as registered with the NameNode of {@code poolId}. */
  DatanodeInfo self(String poolId) throws IOException {
    return internals.self(poolId);
  }

  AgentFaultInjector faults() {
    return AgentFaultInjector.get();
  }
}
