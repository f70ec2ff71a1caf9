package org.bart.datanode;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.SendRequestProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;

/**
 * The send operation (BART's stripe redistribution): stream a local finalized replica to another
 * DataNode, stored there under a new block id and genstamp (the receiving DataNode reports it).
 * Or, asked of the receiving node's agent with the node the source is on (a pull), store the copy
 * fetched ahead ({@link PrefetchedCopies}) on this DataNode, or stream the source from its node if
 * the copy is gone.
 */
final class ReplicaSend {

  private final AgentContext ctx;

  ReplicaSend(AgentContext ctx) {
    this.ctx = ctx;
  }

  OpPath run(SendRequestProto req, OpStats stats) throws IOException {
    BlockProto source = req.getSource();
    BlockProto target = req.getTarget();
    if (source.getNumBytes() != target.getNumBytes()) {
      throw new BartAgentException("send " + ProtoConverters.describe(source) + " as "
          + ProtoConverters.describe(target) + ": lengths differ");
    }
    if (req.hasSourceNode()) {
      return pull(req, stats);
    }
    ctx.replicas.requireFinalized(source);
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

  private OpPath pull(SendRequestProto req, OpStats stats) throws IOException {
    BlockProto source = req.getSource();
    BlockProto target = req.getTarget();
    if (!ctx.isSelf(req.getTargetNode()) || ctx.isSelf(req.getSourceNode())) {
      throw new BartAgentException("pull of " + ProtoConverters.describe(source) + " as "
          + ProtoConverters.describe(target) + ": asked of "
          + ProtoConverters.describe(req.getTargetNode()) + ", not of its target's agent, or the "
          + "source is here");
    }
    if (RemoteTarget.alreadyStored(ctx.peers.of(req.getTargetNode()), req.getTargetNode(),
        target)) {
      ctx.copies.remove(source);
      return OpPath.ALREADY_DONE;
    }
    File copy = ctx.copies.copyOf(source);
    ByteBuffer chunk = ByteBuffer.allocate(ctx.chunkBytes);
    try (ReplicaPusher.Push out = ctx.pusher.open(ProtoConverters.toBlock(target),
        ProtoConverters.toDatanodeInfo(req.getTargetNode()))) {
      if (copy != null) {
        try (FileChannel in = FileChannel.open(copy.toPath(), StandardOpenOption.READ)) {
          while (fill(in, chunk) > 0) {
            stats.bytesRead += chunk.remaining();
            out.write(chunk);
          }
        }
      } else {
        Link link = Link.fromPeer(ctx.limiter, ctx.peers.of(req.getSourceNode()));
        try (ReplicaFetcher.Fetch in = ctx.fetcher.open(ProtoConverters.toBlock(source),
            ProtoConverters.toDatanodeInfo(req.getSourceNode()))) {
          int n;
          while ((n = fill(in, chunk)) > 0) {
            link.moved(n);
            stats.bytesRead += n;
            stats.bytesReceived += n;
            out.write(chunk);
          }
        }
      }
      out.finish();
    }
    ctx.copies.remove(source);
    stats.bytesWritten += target.getNumBytes();
    return OpPath.TRANSFERRED;
  }

  private static int fill(FileChannel in, ByteBuffer chunk) throws IOException {
    chunk.clear();
    while (chunk.hasRemaining() && in.read(chunk) >= 0) {
      // until the chunk is full or the copy ends
    }
    chunk.flip();
    return chunk.remaining();
  }

  private static int fill(ReplicaFetcher.Fetch in, ByteBuffer chunk) throws IOException {
    chunk.clear();
    int n = in.readFully(chunk);
    chunk.flip();
    return n;
  }
}
