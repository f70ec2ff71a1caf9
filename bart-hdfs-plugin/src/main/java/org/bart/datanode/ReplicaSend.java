package org.bart.datanode;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.SendRequestProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;

/**
 * The send operation (BART's stripe redistribution): stream a local finalized replica to another
 * DataNode, stored there under a new block id and genstamp (the receiving DataNode reports it).
 */
final class ReplicaSend {

  private final AgentContext ctx;

  ReplicaSend(AgentContext ctx) {
    this.ctx = ctx;
  }

  OpPath run(SendRequestProto req, OpStats stats) throws IOException {
    BlockProto source = req.getSource();
    BlockProto target = req.getTarget();
    ctx.replicas.requireFinalized(source);
    if (source.getNumBytes() != target.getNumBytes()) {
      throw new BartAgentException("send " + ProtoConverters.describe(source) + " as "
          + ProtoConverters.describe(target) + ": lengths differ");
    }
    if (ctx.isSelf(req.getTargetNode())) {
      return ctx.relabeler.relabel(source, target); // a move onto this node is a relabel
    }
    PeerAgents.Peer peer = ctx.peers.of(req.getTargetNode());
    if (RemoteTarget.alreadyStored(peer, req.getTargetNode(), target)) {
      return OpPath.ALREADY_DONE;
    }
    DatanodeInfo targetNode = ProtoConverters.toDatanodeInfo(req.getTargetNode());
    Link link = Link.toPeer(ctx.limiter, peer);
    ByteBuffer chunk = ByteBuffer.allocate(ctx.chunkBytes);
    try (ReplicaFetcher.Fetch in = ctx.fetcher.open(ProtoConverters.toBlock(source), ctx.self(
        source.getPoolId()));
        ReplicaPusher.Push out = ctx.pusher.open(ProtoConverters.toBlock(target), targetNode)) {
      while (true) {
        chunk.clear();
        int n = in.readFully(chunk);
        if (n == 0) {
          break;
        }
        chunk.flip();
        link.moved(n);
        out.write(chunk);
        stats.bytesRead += n;
        stats.bytesSent += n;
        ctx.faults().afterChunk("send", ctx.uuid(), target.getBlockId(), stats.bytesSent);
      }
      out.finish();
    }
    stats.bytesWritten += target.getNumBytes();
    return OpPath.TRANSFERRED;
  }
}
