package org.bart.datanode;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Time;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.AgentClient;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.CommonProtos.NodeProto;

/** Connections from this agent to the agents of other DataNodes, one per address, reused. */
final class PeerAgents implements Closeable {

  /** A peer agent and its bandwidth limit (0 = unlimited: no need to ask it for credit). */
  static final class Peer {
    final AgentClient client;
    final long bandwidthPerSec;

    Peer(AgentClient client, long bandwidthPerSec) {
      this.client = client;
      this.bandwidthPerSec = bandwidthPerSec;
    }
  }

  private final Configuration conf;
  private final Map<String, Peer> peers = new ConcurrentHashMap<>();
  /** Peers that could not be reached, until when (monotonic ms) they are not tried again. */
  private final Map<String, Long> unreachableUntil = new ConcurrentHashMap<>();
  private final long unreachableMs;

  PeerAgents(Configuration conf) {
    this.conf = conf;
    // As long as the coordinator still counts a silent agent as alive: a read planned in that
    // time names it, and each request would otherwise wait for its connection to fail again.
    this.unreachableMs = 3 * conf.getLong(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
        BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT);
  }

  /** The agent of {@code node}, connected on first use. */
  Peer of(NodeProto node) throws IOException {
    if (!node.hasAgentAddress()) {
      throw new BartAgentException("no BART agent address given for DataNode "
          + ProtoConverters.describe(node));
    }
    String address = node.getAgentAddress();
    Peer peer = peers.get(address);
    if (peer == null) {
      Long until = unreachableUntil.get(address);
      if (until != null && Time.monotonicNow() < until) {
        throw new BartAgentException("BART agent of DataNode " + ProtoConverters.describe(node)
            + " at " + address + " was unreachable moments ago");
      }
      AgentClient client = AgentClient.connect(address, conf);
      try {
        peer = new Peer(client, client.getStatus().getBandwidthPerSec());
      } catch (IOException e) {
        client.close();
        unreachableUntil.put(address, Time.monotonicNow() + unreachableMs);
        throw new BartAgentException("BART agent of DataNode " + ProtoConverters.describe(node)
            + " at " + address + " is unreachable", e);
      }
      unreachableUntil.remove(address);
      Peer raced = peers.putIfAbsent(address, peer);
      if (raced != null) {
        client.close();
        peer = raced;
      }
    }
    return peer;
  }

  @Override
  public void close() {
    for (Peer p : peers.values()) {
      p.client.close();
    }
    peers.clear();
  }
}
