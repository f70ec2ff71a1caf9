package org.bart.datanode.wide;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.io.IOUtils;
import org.bart.codec.WideCode;
import org.bart.codec.WideDecoder;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult.Path;
import org.bart.protocol.wide.WideReadResult;
import org.bart.protocol.wide.WideUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads units of a wide group, decoding what cannot be read: the basis of degraded reads (the
 * bytes are returned) and of repair (the one wanted unit is rebuilt whole and stored on a new
 * DataNode under its own block id). A unit that fails to read (DataNode down, replica missing,
 * checksum error) is treated as lost from then on; with more lost units than the code's m the
 * operation fails naming them, and never returns wrong bytes.
 *
 * <p>Units are read through a {@link UnitSource} and a rebuilt unit is stored through a
 * {@link UnitSink}, so the same code runs on a DataNode and over in-memory units in the tests.
 * Thread-safe if they are: concurrent requests share only the decoders.
 */
public final class WideRead {

  private static final Logger LOG = LoggerFactory.getLogger(WideRead.class);

  private final UnitSource source;
  private final UnitSink sink;
  private final int chunkBytes;
  private final Map<WideCode, WideDecoder> decoders = new ConcurrentHashMap<>();

  /**
   * @param chunkBytes bytes of a row read, decoded and written at a time (the memory per unit)
   */
  public WideRead(UnitSource source, UnitSink sink, int chunkBytes) {
    this.source = source;
    this.sink = sink;
    this.chunkBytes = chunkBytes;
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
        out.add(ByteBuffer.allocate((int) s.clip(w, req.offset(), req.length())));
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

  /** The open reads of one request, which units are known to be lost, and the bytes moved. */
  private final class Session {
    final WideReadRequest req;
    final WideCode code;
    final TreeSet<Integer> lost = new TreeSet<>();
    final List<Integer> decoded = new ArrayList<>();
    final UnitSource.Reader[] readers;
    final ByteBuffer[] buffers;
    final ByteBuffer[] results;
    long bytesRead;
    long bytesWritten;
    long bytesSent;
    long bytesReceived;

    Session(WideReadRequest req, WideCode code) {
      this.req = req;
      this.code = code;
      int n = code.totalUnits();
      readers = new UnitSource.Reader[n];
      buffers = new ByteBuffer[n];
      results = new ByteBuffer[req.wanted().size() + 1];
      for (int u = 0; u < n; u++) {
        if (req.unit(u).isKnownLost()) {
          lost.add(u);
        }
      }
    }

    WideReadResult result(Path path, List<ByteBuffer> data, List<Integer> decodedUnits) {
      return new WideReadResult(path, data, decodedUnits, bytesRead, bytesWritten, bytesSent,
          bytesReceived);
    }

    /** Bytes of unit {@code u} in [o, o + n): fewer past the unit's end. */
    long clip(int u, long o, long n) {
      return Math.max(0, Math.min(n, req.unit(u).length() - o));
    }

    /**
     * The wanted units' bytes of rows [o, o + n), one full-length buffer each (bytes past a
     * unit's end are zero): read where possible, decoded otherwise.
     */
    ByteBuffer[] chunk(WideDecoder decoder, long o, int n) throws IOException {
      ByteBuffer[] wanted = new ByteBuffer[req.wanted().size()];
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < wanted.length; i++) {
        int w = req.wanted(i);
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
      ByteBuffer[] out = new ByteBuffer[] {result(req.wanted().size(), n)};
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
        erased[i] = alone >= 0 ? alone : req.wanted(missing.get(i));
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
        results[i] = ByteBuffer.allocate(chunkBytes);
      }
      results[i].clear();
      results[i].limit(n);
      return results[i];
    }

    private String wantedUnits(List<Integer> idx) {
      List<Integer> u = new ArrayList<>();
      for (int i : idx) {
        u.add(req.wanted(i));
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
        buffers[u] = ByteBuffer.allocate(chunkBytes);
      }
      ByteBuffer b = buffers[u];
      b.clear();
      b.limit((int) len);
      if (len == 0) {
        return b;
      }
      WideUnit unit = req.unit(u);
      if (unit.replica() == null) {
        return b; // a zero unit past its (zero) length: read as zeros by the coder
      }
      try {
        if (readers[u] == null || readers[u].position() != o) {
          IOUtils.closeStream(readers[u]);
          readers[u] = source.open(unit, o);
        }
        int got = readers[u].readFully(b);
        bytesRead += got;
        if (readers[u].isRemote()) {
          bytesReceived += got;
        }
        b.flip();
        return b;
      } catch (IOException e) {
        LOG.info("Unit {} ({}) unreadable on {}, decoding around it: {}", u, unit.replica(),
            unit.node(), e.toString());
        IOUtils.closeStream(readers[u]);
        readers[u] = null;
        lost.add(u);
        return null;
      }
    }

    void close() {
      for (UnitSource.Reader r : readers) {
        IOUtils.closeStream(r);
      }
    }
  }
}
