package org.bart.datanode.wide;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.bart.codec.WideCode;
import org.bart.codec.WideDecoder;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.wide.DecodeSources;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult.Path;
import org.bart.protocol.wide.WideReadResult;
import org.bart.protocol.wide.WideUnit;

/**
 * Reads units of a wide group, decoding what cannot be read: the basis of degraded reads (the
 * bytes are returned) and of repair (the one wanted unit is rebuilt whole and stored on a new
 * DataNode under its own block id). A unit that fails to read (DataNode down, replica missing,
 * checksum error) is treated as lost from then on; with more lost units than the code's m the
 * operation fails naming them, and never returns wrong bytes.
 *
 * <p>The units a chunk of rows needs are read in parallel, and a unit read slower than the
 * straggler timeout is replaced by another unit ({@link UnitReads}). Units are read through a
 * {@link UnitSource} and a rebuilt unit is stored through a
 * {@link UnitSink}, so the same code runs on a DataNode and over in-memory units in the tests.
 * Thread-safe if they are: concurrent requests share only the decoders.
 */
public final class WideRead {

  private static final long UNREADABLE_MIN_MS = 30_000;
  /** Idle chunk buffers kept for reuse: two concurrent degraded reads of (6,3,3) use about 70. */
  private static final int IDLE_CHUNKS = 64;

  private final UnitSource source;
  private final UnitSink sink;
  private final int chunkBytes;
  private final ExecutorService readPool;
  private final long stragglerMs;
  private final Map<WideCode, WideDecoder> decoders = new ConcurrentHashMap<>();
  private final RecentlyUnreadable unreadable;
  private final ChunkBuffers chunks;

  /**
   * @param chunkBytes bytes of a row read, decoded and written at a time (the memory per unit)
   * @param readPool runs the unit reads of a chunk in parallel (up to lambda*k + m per request)
   * @param stragglerMs how long a unit read may run before another unit is read in its place
   */
  public WideRead(UnitSource source, UnitSink sink, int chunkBytes, ExecutorService readPool,
      long stragglerMs) {
    this.source = source;
    this.sink = sink;
    this.chunkBytes = chunkBytes;
    this.readPool = readPool;
    this.stragglerMs = stragglerMs;
    // As long as a few stragglers' timeouts, at least 30 s: a DataNode down stays down a while.
    this.unreadable = new RecentlyUnreadable(Math.max(UNREADABLE_MIN_MS, 4 * stragglerMs));
    this.chunks = new ChunkBuffers(chunkBytes, IDLE_CHUNKS);
  }

  /**
   * Takes back the buffers of a read's result once its caller has copied them out (optional:
   * those not given back are collected as garbage). The result must not be used afterwards.
   */
  public void release(WideReadResult result) {
    for (ByteBuffer b : result.data()) {
      chunks.give(b);
    }
  }

  /**
   * Runs the request: a check, a rebuild or a read (see {@link WideReadRequest}).
   *
   * @throws BartAgentException if the request does not fit its code, a check finds a difference,
   *     or too many units are lost to decode (naming them)
   * @throws IOException if a rebuilt unit cannot be stored
   */
  public WideReadResult run(WideReadRequest req) throws IOException {
    WideDecoder decoder = decoder(req);
    Session s = new Session(req, decoder.code());
    try {
      if (req.isCheck()) {
        return s.result(check(req, decoder, s), Collections.<ByteBuffer>emptyList(),
            Collections.<Integer>emptyList());
      }
      if (req.isRebuild()) {
        return s.result(rebuild(req, decoder, s), Collections.<ByteBuffer>emptyList(), s.decoded);
      }
      List<ByteBuffer> out = new ArrayList<>();
      for (int w : req.wanted()) {
        int bytes = (int) s.clip(w, req.offset(), req.length());
        ByteBuffer b = bytes == chunkBytes ? chunks.take() : ByteBuffer.allocate(bytes);
        out.add(b);
      }
      for (long o = req.offset(); o < req.offset() + req.length(); ) {
        int n = (int) Math.min(chunkBytes, req.offset() + req.length() - o);
        ByteBuffer[] rows = s.chunk(decoder, o, n);
        for (int i = 0; i < rows.length; i++) {
          ByteBuffer row = rows[i].duplicate();
          row.limit(row.position() + (int) s.clip(req.wanted(i), o, n));
          out.get(i).put(row);
        }
        o += n;
      }
      for (ByteBuffer buf : out) {
        buf.flip();
      }
      return s.result(s.decoded.isEmpty() ? Path.TRANSFERRED : Path.COMPUTED, out, s.decoded);
    } finally {
      s.close();
    }
  }

  /** Compares each wanted unit, as stored, with its decoding from the other units. */
  private Path check(WideReadRequest req, WideDecoder decoder, Session s) throws IOException {
    for (long o = req.offset(); o < req.offset() + req.length(); ) {
      int n = (int) Math.min(chunkBytes, req.offset() + req.length() - o);
      for (int w : req.wanted()) {
        ByteBuffer stored = s.read(w, o, n);
        if (stored == null) {
          throw new BartAgentException("check of " + decoder.code() + ": unit " + w + " ("
              + req.unit(w).replica() + ") cannot be read");
        }
        byte[] kept = new byte[stored.remaining()];
        stored.get(kept);
        ByteBuffer fresh = s.decodeAlone(decoder, w, o, n);
        for (int i = 0; i < n; i++) {
          byte expected = i < kept.length ? kept[i] : 0;
          if (fresh.get(i) != expected) {
            throw new BartAgentException("unit " + w + " (" + req.unit(w).replica() + ") of "
                + decoder.code() + " differs from its decoding at offset " + (o + i));
          }
        }
      }
      o += n;
    }
    return Path.CHECKED;
  }

  /** Rebuilds the one wanted unit whole and stores it on the target DataNode. */
  private Path rebuild(WideReadRequest req, WideDecoder decoder, Session s) throws IOException {
    Replica target = req.target();
    int w = req.wanted(0);
    if (req.wanted().size() != 1 || req.offset() != 0
        || req.length() != req.unit(w).length()
        || target.numBytes() != req.unit(w).length()) {
      throw new BartAgentException("rebuild of " + target
          + ": a rebuild wants exactly one unit, whole");
    }
    if (sink.alreadyStored(target, req.targetNode())) {
      return Path.ALREADY_DONE;
    }
    try (UnitSink.Writer out = sink.open(target, req.targetNode())) {
      for (long o = 0; o < target.numBytes(); ) {
        int n = (int) Math.min(chunkBytes, target.numBytes() - o);
        out.write(s.chunk(decoder, o, n)[0]);
        if (out.isRemote()) {
          s.bytesSent += n;
        }
        o += n;
      }
      out.finish();
    }
    s.bytesWritten += target.numBytes();
    return Path.COMPUTED;
  }

  private WideDecoder decoder(WideReadRequest req) throws BartAgentException {
    WideCode code = req.code();
    WideDecoder decoder = decoders.computeIfAbsent(code, WideDecoder::new);
    if (req.units().size() != code.totalUnits()) {
      throw new BartAgentException("wide read: " + req.units().size() + " units given for "
          + code + " (" + code.totalUnits() + " expected)");
    }
    for (int w : req.wanted()) {
      if (w >= code.totalUnits()) {
        throw new BartAgentException("wide read: unit " + w + " out of range for " + code);
      }
    }
    long max = 0;
    for (WideUnit u : req.units()) {
      max = Math.max(max, u.length());
    }
    if (req.offset() + req.length() > max) {
      throw new BartAgentException("wide read: range [" + req.offset() + ", "
          + (req.offset() + req.length()) + ") beyond the group's " + max + "-byte rows");
    }
    return decoder;
  }

  /** The reads of one request, the units it decoded, and the bytes it moved. */
  private final class Session {
    final WideReadRequest req;
    final WideCode code;
    final UnitReads reads;
    final List<Integer> decoded = new ArrayList<>();
    /** What the decodes of a read used, chunk by chunk (equal neighbours merged). */
    final List<DecodeSources> sources = new ArrayList<>();
    final ByteBuffer[] results;
    long bytesWritten;
    long bytesSent;

    Session(WideReadRequest req, WideCode code) {
      this.req = req;
      this.code = code;
      this.reads = new UnitReads(req, source, readPool, stragglerMs, unreadable, chunks);
      results = new ByteBuffer[req.wanted().size() + 1];
    }

    WideReadResult result(Path path, List<ByteBuffer> data, List<Integer> decodedUnits) {
      return new WideReadResult(path, data, decodedUnits, reads.bytesRead, bytesWritten,
          bytesSent, reads.bytesReceived, sources);
    }

    /** Bytes of unit {@code u} in [o, o + n): fewer past the unit's end. */
    long clip(int u, long o, long n) {
      return reads.clip(u, o, n);
    }

    /** Unit {@code u}'s bytes of [o, o + n) as stored, or null if it cannot be read. */
    ByteBuffer read(int u, long o, int n) {
      return reads.readOne(u, o, n);
    }

    /**
     * The wanted units' bytes of rows [o, o + n), one full-length buffer each (bytes past a
     * unit's end are zero): read where possible, decoded otherwise. Valid until the next chunk.
     */
    ByteBuffer[] chunk(WideDecoder decoder, long o, int n) throws IOException {
      ByteBuffer[] units = gather(o, n, req.wanted(), -1);
      ByteBuffer[] wanted = new ByteBuffer[req.wanted().size()];
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < wanted.length; i++) {
        ByteBuffer got = units[req.wanted(i)];
        if (got != null && got.remaining() == n) {
          wanted[i] = got.duplicate(); // read whole: its buffer serves until the next chunk
        } else if (got != null) {
          ByteBuffer full = result(i, n);
          full.put(got.duplicate());
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
        int[] erased = new int[missing.size()];
        ByteBuffer[] outputs = new ByteBuffer[missing.size()];
        for (int i = 0; i < erased.length; i++) {
          erased[i] = req.wanted(missing.get(i));
          outputs[i] = result(missing.get(i), n);
          wanted[missing.get(i)] = outputs[i];
        }
        noteSources(decoder.sourcesOf(units), n);
        decode(decoder, units, erased, outputs);
      }
      return wanted;
    }

    private void noteSources(int[] used, int n) {
      int last = sources.size() - 1;
      if (last >= 0 && sources.get(last).sameUnits(used)) {
        sources.set(last, sources.get(last).longer(n));
      } else {
        sources.add(new DecodeSources(n, used));
      }
    }

    /** Unit {@code w}'s bytes of [o, o + n) decoded from the other units only. */
    ByteBuffer decodeAlone(WideDecoder decoder, int w, long o, int n) throws IOException {
      ByteBuffer[] units = gather(o, n, Collections.<Integer>emptyList(), w);
      ByteBuffer out = result(req.wanted().size(), n);
      decode(decoder, units, new int[] {w}, new ByteBuffer[] {out});
      return out;
    }

    private ByteBuffer[] gather(long o, int n, List<Integer> wanted, int exclude)
        throws BartAgentException {
      try {
        return reads.gather(o, n, wanted, exclude);
      } catch (NotEnoughUnitsException e) {
        List<Integer> cannot = new ArrayList<>();
        for (int w : exclude >= 0 ? Collections.singletonList(exclude) : wanted) {
          if (reads.lost.contains(w) || w == exclude) {
            cannot.add(w);
          }
        }
        throw new BartAgentException("cannot rebuild unit(s) " + cannot + " of " + code
            + ": units " + reads.lost + " are lost and only " + e.readable + " of the "
            + code.dataUnits() + " needed could be read");
      }
    }

    /** Decodes {@code erased} from the units read (only the first lambda*k are used). */
    private void decode(WideDecoder decoder, ByteBuffer[] read, int[] erased,
        ByteBuffer[] outputs) {
      ByteBuffer[] units = new ByteBuffer[read.length];
      for (int u = 0; u < units.length; u++) {
        units[u] = read[u] == null ? null : read[u].duplicate();
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
        results[i] = chunks.take();
      }
      results[i].clear();
      results[i].limit(n);
      return results[i];
    }

    void close() {
      reads.close();
      for (int i = 0; i < results.length; i++) {
        chunks.give(results[i]);
        results[i] = null;
      }
    }
  }
}
