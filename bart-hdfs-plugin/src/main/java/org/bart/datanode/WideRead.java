package org.bart.datanode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.bart.codec.WideCode;
import org.bart.codec.WideDecoder;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.ReadWideRequestProto;
import org.bart.protocol.proto.AgentProtos.ReadWideResponseProto;
import org.bart.protocol.proto.AgentProtos.WideUnitProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads units of a wide group, decoding what cannot be read: the basis of degraded reads (the
 * bytes are returned) and of repair (the one wanted unit is rebuilt whole and pushed to a new
 * DataNode under its own block id). A unit that fails to read (DataNode down, replica missing,
 * checksum error) is treated as lost from then on; with more lost units than the code's m the
 * operation fails naming them, and never returns wrong bytes.
 */
final class WideRead {

  private static final Logger LOG = LoggerFactory.getLogger(WideRead.class);

  private final AgentContext ctx;
  private final Map<String, WideDecoder> decoders = new ConcurrentHashMap<>();

  WideRead(AgentContext ctx) {
    this.ctx = ctx;
  }

  /** Runs the request; the response carries the bytes unless the request has a target. */
  ReadWideResponseProto run(ReadWideRequestProto req, OpStats stats, OpPath[] path)
      throws IOException {
    WideDecoder decoder = decoder(req);
    Session s = new Session(req, decoder.code(), stats);
    try {
      if (req.getCheck()) {
        path[0] = check(req, decoder, s);
        return ReadWideResponseProto.newBuilder().setResult(stats.toProto(path[0], 0)).build();
      }
      if (req.hasTarget()) {
        path[0] = rebuild(req, decoder, s);
        return ReadWideResponseProto.newBuilder().setResult(stats.toProto(path[0], 0))
            .addAllDecoded(s.decoded).build();
      }
      List<ByteBuffer> out = new ArrayList<>();
      for (int w : req.getWantedList()) {
        out.add(ByteBuffer.allocate((int) s.clip(w, req.getOffset(), req.getLength())));
      }
      for (long o = req.getOffset(); o < req.getOffset() + req.getLength(); ) {
        int n = (int) Math.min(ctx.chunkBytes, req.getOffset() + req.getLength() - o);
        ByteBuffer[] rows = s.chunk(decoder, o, n);
        for (int i = 0; i < rows.length; i++) {
          ByteBuffer row = rows[i].duplicate();
          row.limit(row.position() + (int) s.clip(req.getWanted(i), o, n));
          out.get(i).put(row);
        }
        o += n;
      }
      ReadWideResponseProto.Builder b = ReadWideResponseProto.newBuilder();
      for (ByteBuffer buf : out) {
        buf.flip();
        b.addData(ByteString.copyFrom(buf));
      }
      path[0] = s.decoded.isEmpty() ? OpPath.TRANSFERRED : OpPath.COMPUTED;
      return b.setResult(stats.toProto(path[0], 0)).addAllDecoded(s.decoded).build();
    } finally {
      s.close();
    }
  }

  /** Compares each wanted unit, as stored, with its decoding from the other units. */
  private OpPath check(ReadWideRequestProto req, WideDecoder decoder, Session s)
      throws IOException {
    for (long o = req.getOffset(); o < req.getOffset() + req.getLength(); ) {
      int n = (int) Math.min(ctx.chunkBytes, req.getOffset() + req.getLength() - o);
      for (int w : req.getWantedList()) {
        ByteBuffer stored = s.read(w, o, n);
        if (stored == null) {
          throw new BartAgentException("check of " + decoder.code() + ": unit " + w + " ("
              + ProtoConverters.describe(req.getUnits(w).getBlock()) + ") cannot be read");
        }
        byte[] kept = new byte[stored.remaining()];
        stored.get(kept);
        ByteBuffer fresh = s.decodeAlone(decoder, w, o, n);
        for (int i = 0; i < n; i++) {
          byte expected = i < kept.length ? kept[i] : 0;
          if (fresh.get(i) != expected) {
            throw new BartAgentException("unit " + w + " ("
                + ProtoConverters.describe(req.getUnits(w).getBlock()) + ") of "
                + decoder.code() + " differs from its decoding at offset " + (o + i));
          }
        }
      }
      o += n;
    }
    return OpPath.CHECKED;
  }

  /** Rebuilds the one wanted unit whole and stores it on the target DataNode. */
  private OpPath rebuild(ReadWideRequestProto req, WideDecoder decoder, Session s)
      throws IOException {
    BlockProto target = req.getTarget();
    int w = req.getWanted(0);
    if (req.getWantedCount() != 1 || req.getOffset() != 0
        || req.getLength() != req.getUnits(w).getLength()
        || target.getNumBytes() != req.getUnits(w).getLength()) {
      throw new BartAgentException("rebuild of " + ProtoConverters.describe(target)
          + ": a rebuild wants exactly one unit, whole");
    }
    if (RemoteTarget.alreadyStored(ctx.peers.of(req.getTargetNode()), req.getTargetNode(),
        target)) {
      return OpPath.ALREADY_DONE;
    }
    Link out = ctx.isSelf(req.getTargetNode())
        ? Link.loopback() : Link.toPeer(ctx.limiter, ctx.peers.of(req.getTargetNode()));
    DatanodeInfo node = ProtoConverters.toDatanodeInfo(req.getTargetNode());
    try (ReplicaPusher.Push push = ctx.pusher.open(ProtoConverters.toBlock(target), node)) {
      for (long o = 0; o < target.getNumBytes(); ) {
        int n = (int) Math.min(ctx.chunkBytes, target.getNumBytes() - o);
        ByteBuffer row = s.chunk(decoder, o, n)[0];
        out.moved(n);
        push.write(row);
        if (!out.isLoopback()) {
          s.stats.bytesSent += n;
        }
        o += n;
        ctx.faults().afterChunk("rebuild", ctx.uuid(), target.getBlockId(), o);
      }
      push.finish();
    }
    s.stats.bytesWritten += target.getNumBytes();
    return OpPath.COMPUTED;
  }

  private WideDecoder decoder(ReadWideRequestProto req) throws BartAgentException {
    WideDecoder decoder;
    try {
      decoder = decoders.computeIfAbsent(req.getWideCode(), c -> new WideDecoder(WideCode.parse(c)));
    } catch (IllegalArgumentException e) {
      throw new BartAgentException("wide read: bad wide code '" + req.getWideCode() + "': "
          + e.getMessage(), e);
    }
    WideCode code = decoder.code();
    if (req.getUnitsCount() != code.totalUnits()) {
      throw new BartAgentException("wide read: " + req.getUnitsCount() + " units given for "
          + code + " (" + code.totalUnits() + " expected)");
    }
    for (int w : req.getWantedList()) {
      if (w >= code.totalUnits()) {
        throw new BartAgentException("wide read: unit " + w + " out of range for " + code);
      }
    }
    long max = 0;
    for (WideUnitProto u : req.getUnitsList()) {
      max = Math.max(max, u.getLength());
    }
    if (req.getOffset() + req.getLength() > max) {
      throw new BartAgentException("wide read: range [" + req.getOffset() + ", "
          + (req.getOffset() + req.getLength()) + ") beyond the group's " + max + "-byte rows");
    }
    return decoder;
  }

  /** The open reads of one request, and which units are known to be lost. */
  private final class Session {
    final ReadWideRequestProto req;
    final WideCode code;
    final OpStats stats;
    final TreeSet<Integer> lost = new TreeSet<>();
    final List<Integer> decoded = new ArrayList<>();
    final ReplicaFetcher.Fetch[] fetches;
    final Link[] links;
    final ByteBuffer[] buffers;
    final ByteBuffer[] results;

    Session(ReadWideRequestProto req, WideCode code, OpStats stats) {
      this.req = req;
      this.code = code;
      this.stats = stats;
      int n = code.totalUnits();
      fetches = new ReplicaFetcher.Fetch[n];
      links = new Link[n];
      buffers = new ByteBuffer[n];
      results = new ByteBuffer[req.getWantedCount() + 1];
      for (int u = 0; u < n; u++) {
        WideUnitProto unit = req.getUnits(u);
        if ((!unit.hasBlock() || !unit.hasNode()) && unit.getLength() > 0) {
          lost.add(u);
        }
      }
    }

    /** Bytes of unit {@code u} in [o, o + n): fewer past the unit's end. */
    long clip(int u, long o, long n) {
      return Math.max(0, Math.min(n, req.getUnits(u).getLength() - o));
    }

    /**
     * The wanted units' bytes of rows [o, o + n), one full-length buffer each (bytes past a
     * unit's end are zero): read where possible, decoded otherwise.
     */
    ByteBuffer[] chunk(WideDecoder decoder, long o, int n) throws IOException {
      ByteBuffer[] wanted = new ByteBuffer[req.getWantedCount()];
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < wanted.length; i++) {
        int w = req.getWanted(i);
        ByteBuffer got = lost.contains(w) ? null : read(w, o, n);
        if (got != null) {
          ByteBuffer full = result(i, n);
          full.put(got);
          while (full.hasRemaining()) {
            full.put((byte) 0); // past the unit's end
          }
          full.flip();
          wanted[i] = full;
        } else {
          missing.add(i);
        }
      }
      if (!missing.isEmpty()) {
        decode(decoder, o, n, wanted, missing);
      }
      return wanted;
    }

    /** Unit {@code w}'s bytes of [o, o + n) decoded from the other units only. */
    ByteBuffer decodeAlone(WideDecoder decoder, int w, long o, int n) throws IOException {
      ByteBuffer[] out = new ByteBuffer[] {result(req.getWantedCount(), n)};
      List<Integer> missing = new ArrayList<>();
      missing.add(0);
      decode(decoder, o, n, out, missing, w);
      return out[0];
    }

    /** Decodes the missing wanted units from the first readable lambda*k units. */
    private void decode(WideDecoder decoder, long o, int n, ByteBuffer[] wanted,
        List<Integer> missing) throws IOException {
      decode(decoder, o, n, wanted, missing, -1);
    }

    private void decode(WideDecoder decoder, long o, int n, ByteBuffer[] wanted,
        List<Integer> missing, int alone) throws IOException {
      ByteBuffer[] units = new ByteBuffer[code.totalUnits()];
      int have = 0;
      for (int u = 0; u < units.length && have < code.dataUnits(); u++) {
        if (!lost.contains(u) && u != alone) {
          units[u] = read(u, o, n); // null, and marked lost, if it cannot be read
          have += units[u] != null ? 1 : 0;
        }
      }
      if (have < code.dataUnits()) {
        throw new BartAgentException("cannot rebuild unit(s) " + wantedUnits(missing) + " of "
            + code + ": units " + lost + " are lost and only " + have + " of the "
            + code.dataUnits() + " needed could be read");
      }
      int[] erased = new int[missing.size()];
      ByteBuffer[] outputs = new ByteBuffer[missing.size()];
      for (int i = 0; i < erased.length; i++) {
        erased[i] = alone >= 0 ? alone : req.getWanted(missing.get(i));
        outputs[i] = alone >= 0 ? wanted[0] : result(missing.get(i), n);
        wanted[missing.get(i)] = outputs[i];
      }
      decoder.decode(units, erased, outputs);
      for (int e : erased) {
        if (!decoded.contains(e)) {
          decoded.add(e);
        }
      }
    }

    /** The reusable output buffer of slot {@code i} (one per wanted unit, and one spare). */
    private ByteBuffer result(int i, int n) {
      if (results[i] == null) {
        results[i] = ByteBuffer.allocate(ctx.chunkBytes);
      }
      results[i].clear();
      results[i].limit(n);
      return results[i];
    }

    private String wantedUnits(List<Integer> idx) {
      List<Integer> u = new ArrayList<>();
      for (int i : idx) {
        u.add(req.getWanted(i));
      }
      return u.toString();
    }

    /**
     * Unit {@code u}'s bytes of [o, o + n) (fewer past its end), or null if it cannot be read:
     * then it is marked lost.
     */
    ByteBuffer read(int u, long o, int n) {
      long len = clip(u, o, n);
      if (buffers[u] == null) {
        buffers[u] = ByteBuffer.allocate(ctx.chunkBytes);
      }
      ByteBuffer b = buffers[u];
      b.clear();
      b.limit((int) len);
      if (len == 0) {
        return b;
      }
      WideUnitProto unit = req.getUnits(u);
      if (!unit.hasBlock()) {
        return b; // a zero unit past its (zero) length: read as zeros by the coder
      }
      try {
        if (fetches[u] == null || fetches[u].position() != o) {
          IOUtils.closeStream(fetches[u]);
          links[u] = ctx.isSelf(unit.getNode())
              ? Link.loopback() : Link.fromPeer(ctx.limiter, ctx.peers.of(unit.getNode()));
          fetches[u] = ctx.fetcher.open(ProtoConverters.toBlock(unit.getBlock()),
              ProtoConverters.toDatanodeInfo(unit.getNode()), o, unit.getLength() - o);
        }
        int got = fetches[u].readFully(b);
        links[u].moved(got);
        stats.bytesRead += got;
        if (!links[u].isLoopback()) {
          stats.bytesReceived += got;
        }
        b.flip();
        return b;
      } catch (IOException e) {
        LOG.info("Unit {} ({}) unreadable on {}, decoding around it: {}", u,
            ProtoConverters.describe(unit.getBlock()), ProtoConverters.describe(unit.getNode()),
            e.toString());
        IOUtils.closeStream(fetches[u]);
        fetches[u] = null;
        lost.add(u);
        return null;
      }
    }

    void close() {
      for (ReplicaFetcher.Fetch f : fetches) {
        IOUtils.closeStream(f);
      }
    }
  }
}
