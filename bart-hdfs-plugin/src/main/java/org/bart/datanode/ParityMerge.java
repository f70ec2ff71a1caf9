package org.bart.datanode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.bart.codec.WideCode;
import org.bart.codec.WideMerger;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.AgentProtos.MergeRequestProto;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.SourceReplicaProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.proto.CommonProtos.NodeProto;

/**
 * The merge operation (BART's parity-block generation): read the lambda narrow parities of index
 * r, local or remote, merge them chunk by chunk into wide parity r and store the result on the
 * target DataNode (this one or another). A source fetched ahead to this node
 * ({@link PrefetchedCopies}) is read from its copy, which the stored merge removes. Memory:
 * lambda + 1 chunks, whatever the block size.
 * Also the check of a stored wide parity against a fresh merge.
 */
final class ParityMerge {

  private final AgentContext ctx;
  private final Map<String, WideMerger> mergers = new ConcurrentHashMap<>();

  ParityMerge(AgentContext ctx) {
    this.ctx = ctx;
  }

  OpPath merge(MergeRequestProto req, OpStats stats) throws IOException {
    WideMerger merger = check(req);
    BlockProto target = req.getTarget();
    if (storedAlready(req)) {
      removeCopies(req);
      return OpPath.ALREADY_DONE;
    }
    DatanodeInfo targetNode = ProtoConverters.toDatanodeInfo(req.getTargetNode());
    Link out = ctx.isSelf(req.getTargetNode())
        ? Link.loopback() : Link.toPeer(ctx.limiter, ctx.peers.of(req.getTargetNode()));
    SourceChunks in = inputs(req, true, stats);
    try (ReplicaPusher.Push push = ctx.pusher.open(ProtoConverters.toBlock(target), targetNode)) {
      ByteBuffer chunk = ByteBuffer.allocate(ctx.chunkBytes);
      for (long offset = 0; offset < target.getNumBytes(); ) {
        int n = (int) Math.min(chunk.capacity(), target.getNumBytes() - offset);
        chunk.clear();
        chunk.limit(n);
        merger.merge(req.getParityIndex(), in.next(n), chunk); // chunk stays ready to read
        out.moved(n);
        push.write(chunk);
        offset += n;
        if (!out.isLoopback()) {
          stats.bytesSent += n;
        }
        ctx.faults().afterChunk("merge", ctx.uuid(), target.getBlockId(), offset);
      }
      push.finish();
    } finally {
      in.close();
    }
    removeCopies(req);
    stats.bytesWritten += target.getNumBytes();
    return OpPath.COMPUTED;
  }

  /**
   * Recomputes the merge and compares it with the stored target replica.
   *
   * @throws BartAgentException naming the replica and the first differing offset
   */
  OpPath checkMerge(MergeRequestProto req, OpStats stats) throws IOException {
    WideMerger merger = check(req);
    BlockProto target = req.getTarget();
    SourceChunks in = inputs(req, false, stats);
    try (ReplicaFetcher.Fetch stored = ctx.fetcher.open(ProtoConverters.toBlock(target),
        ProtoConverters.toDatanodeInfo(req.getTargetNode()))) {
      ByteBuffer fresh = ByteBuffer.allocate(ctx.chunkBytes);
      ByteBuffer kept = ByteBuffer.allocate(ctx.chunkBytes);
      for (long offset = 0; offset < target.getNumBytes(); ) {
        int n = (int) Math.min(fresh.capacity(), target.getNumBytes() - offset);
        fresh.clear();
        fresh.limit(n);
        merger.merge(req.getParityIndex(), in.next(n), fresh);
        kept.clear();
        kept.limit(n);
        stored.readFully(kept);
        kept.flip();
        stats.bytesRead += n;
        int diff = firstDifference(fresh, kept);
        if (diff >= 0) {
          throw new BartAgentException("wide parity " + ProtoConverters.describe(target) + " on "
              + ProtoConverters.describe(req.getTargetNode()) + " differs from a fresh merge at "
              + "offset " + (offset + diff));
        }
        offset += n;
      }
    } finally {
      in.close();
    }
    return OpPath.CHECKED;
  }

  /** The sources' copies fetched ahead are used up once the target is stored. */
  private void removeCopies(MergeRequestProto req) throws IOException {
    for (SourceReplicaProto s : req.getSourcesList()) {
      ctx.copies.remove(s.getBlock());
    }
  }

  /** Validates the request and returns the merger of its wide code. */
  private WideMerger check(MergeRequestProto req) throws BartAgentException {
    WideMerger merger;
    try {
      merger = mergers.computeIfAbsent(req.getWideCode(), c -> new WideMerger(WideCode.parse(c)));
    } catch (IllegalArgumentException e) {
      throw new BartAgentException("merge into " + ProtoConverters.describe(req.getTarget())
          + ": bad wide code '" + req.getWideCode() + "': " + e.getMessage(), e);
    }
    WideCode code = merger.code();
    String what = "merge into " + ProtoConverters.describe(req.getTarget());
    if (req.getParityIndex() >= code.m()) {
      throw new BartAgentException(what + ": parity index " + req.getParityIndex()
          + " out of range for " + code);
    }
    if (req.getSourcesCount() != code.lambda()) {
      throw new BartAgentException(what + ": " + req.getSourcesCount() + " sources for "
          + code.lambda() + " members");
    }
    long longest = 0;
    for (SourceReplicaProto s : req.getSourcesList()) {
      longest = Math.max(longest, s.getBlock().getNumBytes());
    }
    if (req.getTarget().getNumBytes() != longest) {
      throw new BartAgentException(what + ": target length differs from the longest source ("
          + longest + " bytes)");
    }
    return merger;
  }

  /** Whether the target already holds the merged replica (a retry). */
  private boolean storedAlready(MergeRequestProto req) throws IOException {
    // Asked of the target's agent even when it is this one: one rule for every case.
    return RemoteTarget.alreadyStored(ctx.peers.of(req.getTargetNode()), req.getTargetNode(),
        req.getTarget());
  }

  /** The first index where a and b differ from their positions on, or -1. */
  static int firstDifference(ByteBuffer a, ByteBuffer b) {
    if (a.remaining() != b.remaining()) {
      return Math.min(a.remaining(), b.remaining());
    }
    for (int i = 0; i < a.remaining(); i++) {
      if (a.get(a.position() + i) != b.get(b.position() + i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The merge's narrow parities: each from the copy fetched ahead to this node if there is one and
   * {@code useCopies}, else from its DataNode.
   */
  private SourceChunks inputs(MergeRequestProto req, boolean useCopies, OpStats stats)
      throws IOException {
    List<BlockProto> blocks = new ArrayList<>();
    List<NodeProto> nodes = new ArrayList<>();
    for (SourceReplicaProto s : req.getSourcesList()) {
      blocks.add(s.getBlock());
      nodes.add(s.getNode());
    }
    return new SourceChunks(ctx, blocks, nodes, useCopies, stats);
  }
}
