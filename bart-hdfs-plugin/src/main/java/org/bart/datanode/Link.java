package org.bart.datanode;

import java.io.IOException;
import org.bart.protocol.proto.AgentProtos.Direction;

/**
 * One direction of traffic between this DataNode and another, paced by both ends' bandwidth
 * limits: this agent's own budget, and the peer agent's (asked over RPC, only if it has one).
 * Traffic that stays on this DataNode is not paced.
 */
final class Link {

  private final BandwidthLimiter local;
  private final PeerAgents.Peer peer;
  private final boolean outgoing;

  private Link(BandwidthLimiter local, PeerAgents.Peer peer, boolean outgoing) {
    this.local = local;
    this.peer = peer;
    this.outgoing = outgoing;
  }

  static Link toPeer(BandwidthLimiter local, PeerAgents.Peer peer) {
    return new Link(local, peer, true);
  }

  static Link fromPeer(BandwidthLimiter local, PeerAgents.Peer peer) {
    return new Link(local, peer, false);
  }

  static Link loopback() {
    return new Link(null, null, false);
  }

  boolean isLoopback() {
    return local == null;
  }

  /**
   * Takes {@code bytes} of the peer's budget in one call (for a whole block: one RPC instead of
   * one per chunk); this end is then paced by {@link #movedHere}. Returns when the peer's slot
   * starts.
   */
  void reservePeer(long bytes) throws IOException {
    if (local != null && peer.bandwidthPerSec > 0) {
      peer.client.throttle(outgoing ? Direction.RECEIVE : Direction.SEND, bytes);
    }
  }

  /** Blocks until {@code bytes} more may cross this end (the peer's reserved already). */
  void movedHere(long bytes) {
    if (local == null) {
      return;
    }
    if (outgoing) {
      local.sent(bytes);
    } else {
      local.received(bytes);
    }
  }

  /** Blocks until {@code bytes} more may cross this link. */
  void moved(long bytes) throws IOException {
    if (local == null) {
      return;
    }
    if (outgoing) {
      local.sent(bytes);
    } else {
      local.received(bytes);
    }
    if (peer.bandwidthPerSec > 0) {
      peer.client.throttle(outgoing ? Direction.RECEIVE : Direction.SEND, bytes);
    }
  }
}
