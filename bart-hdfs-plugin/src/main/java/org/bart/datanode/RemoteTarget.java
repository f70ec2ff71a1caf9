package org.bart.datanode;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.AgentProtos.GetReplicaResponseProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.proto.CommonProtos.NodeProto;

/** What another DataNode holds under the id an operation is about to store there. */
final class RemoteTarget {

  /** How long a half-received replica of an earlier, failed attempt may take to be discarded. */
  private static final long IN_FLIGHT_WAIT_MS = 30_000;

  private RemoteTarget() {
  }

  /**
   * Whether {@code node} already holds {@code target} finalized (a retry: it is reported to the
   * NameNode again, in case a crash came between). A temporary replica of a failed attempt that
   * its DataNode has not discarded yet is waited for.
   *
   * @return false if the id is free
   * @throws BartAgentException if the id is used by a different replica
   */
  static boolean alreadyStored(PeerAgents.Peer peer, NodeProto node, BlockProto target)
      throws IOException {
    long deadline = System.currentTimeMillis() + IN_FLIGHT_WAIT_MS;
    while (true) {
      GetReplicaResponseProto r = peer.client.getReplica(target.getPoolId(), target.getBlockId());
      if (!r.getExists()) {
        return false;
      }
      boolean sameStamp = r.getGenStamp() == target.getGenStamp();
      if (sameStamp && "FINALIZED".equals(r.getState())
          && r.getNumBytes() == target.getNumBytes()) {
        peer.client.reportReplica(target);
        return true;
      }
      if (!sameStamp || !"TEMPORARY".equals(r.getState())
          || System.currentTimeMillis() > deadline) {
        throw new BartAgentException("target id already used: DataNode "
            + ProtoConverters.describe(node) + " holds blk_" + target.getBlockId() + "_"
            + r.getGenStamp() + " (" + r.getNumBytes() + " bytes, " + r.getState()
            + "), asked for " + ProtoConverters.describe(target));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("waiting for " + ProtoConverters.describe(target));
      }
    }
  }
}
