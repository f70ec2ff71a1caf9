package org.bart.datanode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.io.IOUtils;
import org.bart.codec.WideCode;
import org.bart.codec.WideEncoder;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.AgentProtos.EncodeRequestProto;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.SourceReplicaProto;
import org.bart.protocol.proto.AgentProtos.WideUnitProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.proto.CommonProtos.NodeProto;

/**
 * The encode operation (BART's re-encoding, for groups whose parity cannot be merged): read the
 * group's lambda*k data units, local or remote, encode them chunk by chunk with the re-encoded
 * wide code and push every wide parity to its DataNode. Memory: lambda*k + m chunks, whatever the
 * block size. A retry skips the parities already stored (each push checks its target first), so
 * the operation is idempotent. Also the check of stored parities against a fresh encoding.
 */
final class ParityEncode {

  private final AgentContext ctx;
  private final Map<String, WideEncoder> encoders = new ConcurrentHashMap<>();

  ParityEncode(AgentContext ctx) {
    this.ctx = ctx;
  }

  OpPath encode(EncodeRequestProto req, OpStats stats) throws IOException {
    WideEncoder encoder = check(req);
    int m = req.getTargetsCount();
    long length = req.getTargets(0).getBlock().getNumBytes();
    // Per target: whether it still has to be written (a retry finds some stored already).
    boolean[] write = new boolean[m];
    boolean any = false;
    for (int r = 0; r < m; r++) {
      SourceReplicaProto t = req.getTargets(r);
      // Asked of the target's agent even when it is this one: one rule for every case.
      write[r] = !RemoteTarget.alreadyStored(ctx.peers.of(t.getNode()), t.getNode(), t.getBlock());
      any |= write[r];
    }
    if (!any) {
      return OpPath.ALREADY_DONE;
    }
    ReplicaPusher.Push[] pushes = new ReplicaPusher.Push[m];
    Link[] links = new Link[m];
    try (SourceChunks in = sources(req, stats)) {
      for (int r = 0; r < m; r++) {
        if (!write[r]) {
          continue;
        }
        SourceReplicaProto t = req.getTargets(r);
        links[r] = ctx.isSelf(t.getNode())
            ? Link.loopback() : Link.toPeer(ctx.limiter, ctx.peers.of(t.getNode()));
        pushes[r] = ctx.pusher.open(ProtoConverters.toBlock(t.getBlock()),
            ProtoConverters.toDatanodeInfo(t.getNode()));
      }
      ByteBuffer[] parity = chunks(m);
      for (long offset = 0; offset < length; ) {
        int n = (int) Math.min(ctx.chunkBytes, length - offset);
        limitAll(parity, n);
        encoder.encode(in.next(n), parity); // parity buffers stay ready to read
        for (int r = 0; r < m; r++) {
          if (!write[r]) {
            continue;
          }
          links[r].moved(n);
          pushes[r].write(parity[r]);
          if (!links[r].isLoopback()) {
            stats.bytesSent += n;
          }
        }
        offset += n;
        ctx.faults().afterChunk("encode", ctx.uuid(), req.getTargets(0).getBlock().getBlockId(),
            offset);
      }
      for (int r = 0; r < m; r++) {
        if (write[r]) {
          pushes[r].finish();
          stats.bytesWritten += length;
        }
      }
    } finally {
      for (ReplicaPusher.Push p : pushes) {
        IOUtils.closeStream(p);
      }
    }
    return OpPath.COMPUTED;
  }

  /**
   * Re-encodes the data and compares the result with every stored wide parity.
   *
   * @throws BartAgentException naming the replica and the first differing offset
   */
  OpPath checkEncode(EncodeRequestProto req, OpStats stats) throws IOException {
    WideEncoder encoder = check(req);
    int m = req.getTargetsCount();
    long length = req.getTargets(0).getBlock().getNumBytes();
    ReplicaFetcher.Fetch[] stored = new ReplicaFetcher.Fetch[m];
    try (SourceChunks in = sources(req, stats)) {
      for (int r = 0; r < m; r++) {
        stored[r] = ctx.fetcher.open(ProtoConverters.toBlock(req.getTargets(r).getBlock()),
            ProtoConverters.toDatanodeInfo(req.getTargets(r).getNode()));
      }
      ByteBuffer[] fresh = chunks(m);
      ByteBuffer kept = ByteBuffer.allocate(ctx.chunkBytes);
      for (long offset = 0; offset < length; ) {
        int n = (int) Math.min(ctx.chunkBytes, length - offset);
        limitAll(fresh, n);
        encoder.encode(in.next(n), fresh);
        for (int r = 0; r < m; r++) {
          kept.clear();
          kept.limit(n);
          stored[r].readFully(kept);
          kept.flip();
          stats.bytesRead += n;
          int diff = ParityMerge.firstDifference(fresh[r], kept);
          if (diff >= 0) {
            throw new BartAgentException("wide parity " + r + " "
                + ProtoConverters.describe(req.getTargets(r).getBlock()) + " on "
                + ProtoConverters.describe(req.getTargets(r).getNode())
                + " differs from a fresh encoding at offset " + (offset + diff));
          }
        }
        offset += n;
      }
    } finally {
      for (ReplicaFetcher.Fetch f : stored) {
        IOUtils.closeStream(f);
      }
    }
    return OpPath.CHECKED;
  }

  /** Validates the request and returns the encoder of its (re-encoded) wide code. */
  private WideEncoder check(EncodeRequestProto req) throws BartAgentException {
    String what = "encode into " + (req.getTargetsCount() == 0 ? "nothing"
        : ProtoConverters.describe(req.getTargets(0).getBlock()));
    WideEncoder encoder;
    try {
      encoder = encoders.computeIfAbsent(req.getWideCode(), c -> new WideEncoder(WideCode.parse(c)));
    } catch (IllegalArgumentException e) {
      throw new BartAgentException(what + ": bad wide code '" + req.getWideCode() + "': "
          + e.getMessage(), e);
    }
    WideCode code = encoder.code();
    if (code.merges()) {
      throw new BartAgentException(what + ": " + code + " merges narrow parity; it is not encoded");
    }
    if (req.getSourcesCount() != code.dataUnits() || req.getTargetsCount() != code.m()) {
      throw new BartAgentException(what + ": " + req.getSourcesCount() + " sources and "
          + req.getTargetsCount() + " targets for " + code + " (" + code.dataUnits() + " and "
          + code.m() + " expected)");
    }
    long longest = 0;
    for (WideUnitProto s : req.getSourcesList()) {
      if (s.hasBlock() != s.hasNode() || (!s.hasBlock() && s.getLength() != 0)) {
        throw new BartAgentException(what + ": a data unit needs both a replica and a node, or "
            + "neither and length 0 (absent)");
      }
      longest = Math.max(longest, s.hasBlock() ? s.getBlock().getNumBytes() : 0);
    }
    for (SourceReplicaProto t : req.getTargetsList()) {
      if (t.getBlock().getNumBytes() != longest) {
        throw new BartAgentException(what + ": target " + ProtoConverters.describe(t.getBlock())
            + " is not as long as the longest data unit (" + longest + " bytes)");
      }
    }
    return encoder;
  }

  private SourceChunks sources(EncodeRequestProto req, OpStats stats) throws IOException {
    List<BlockProto> blocks = new ArrayList<>();
    List<NodeProto> nodes = new ArrayList<>();
    for (WideUnitProto s : req.getSourcesList()) {
      blocks.add(s.hasBlock() ? s.getBlock() : null);
      nodes.add(s.hasNode() ? s.getNode() : null);
    }
    return new SourceChunks(ctx, blocks, nodes, false, stats);
  }

  private ByteBuffer[] chunks(int m) {
    ByteBuffer[] chunks = new ByteBuffer[m];
    for (int r = 0; r < m; r++) {
      chunks[r] = ByteBuffer.allocate(ctx.chunkBytes);
    }
    return chunks;
  }

  private static void limitAll(ByteBuffer[] buffers, int n) {
    for (ByteBuffer b : buffers) {
      b.clear();
      b.limit(n);
    }
  }
}
