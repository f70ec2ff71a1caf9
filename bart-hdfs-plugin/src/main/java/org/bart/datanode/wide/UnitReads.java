package org.bart.datanode.wide;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.io.IOUtils;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit reads of one wide read, front to back, chunk by chunk: {@link #gather} reads what a
 * chunk of rows needs in parallel, as Hadoop's {@code StripedReader} does. It starts the wanted
 * units (or, when one must be decoded, the first lambda*k units that can be read); a read that
 * fails, or is still running {@code stragglerMs} after it started, marks its unit lost for the
 * rest of the request and another unit is started in its place, and the first lambda*k that
 * finish are used. Such a unit is remembered ({@link RecentlyUnreadable}): the requests that
 * follow decode it from the start instead of waiting for it to fail again. Used by one thread (the request's); the reads themselves run on the pool.
 */
final class UnitReads implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(UnitReads.class);

  /** One finished read: the unit, its bytes (null if it failed) and how it failed. */
  private static final class Done {
    final int unit;
    final long chunk;
    final ByteBuffer bytes;
    final IOException failure;

    Done(int unit, long chunk, ByteBuffer bytes, IOException failure) {
      this.unit = unit;
      this.chunk = chunk;
      this.bytes = bytes;
      this.failure = failure;
    }
  }

  private final WideReadRequest req;
  private final UnitSource source;
  private final ExecutorService pool;
  private final long stragglerNanos;
  private final int dataUnits;
  /** Units known or found unreadable (failed, or abandoned as stragglers). */
  final TreeSet<Integer> lost = new TreeSet<>();
  /** Units of {@link #lost} only because they were unreadable lately, not yet tried here. */
  private final List<Integer> presumedLost = new ArrayList<>();
  private final UnitSource.Reader[] readers;
  private final ByteBuffer[] buffers;
  /** Units whose read runs on the pool now; their readers belong to that read meanwhile. */
  private final boolean[] busy;
  private final boolean[] abandoned;
  private final Object lock = new Object();
  private final RecentlyUnreadable unreadable;
  private final ChunkBuffers chunks;
  private boolean closed;
  private final BlockingQueue<Done> finished = new LinkedBlockingQueue<>();
  private long chunkSerial;
  long bytesRead;
  long bytesReceived;

  UnitReads(WideReadRequest req, UnitSource source, ExecutorService pool, long stragglerMs,
      RecentlyUnreadable unreadable, ChunkBuffers chunks) {
    this.req = req;
    this.unreadable = unreadable;
    this.chunks = chunks;
    this.source = source;
    this.pool = pool;
    this.stragglerNanos = TimeUnit.MILLISECONDS.toNanos(stragglerMs);
    this.dataUnits = req.code().dataUnits();
    int n = req.code().totalUnits();
    readers = new UnitSource.Reader[n];
    buffers = new ByteBuffer[n];
    busy = new boolean[n];
    abandoned = new boolean[n];
    for (int u = 0; u < n; u++) {
      if (req.unit(u).isKnownLost()) {
        lost.add(u);
      }
    }
    // Units found unreadable lately are decoded instead of tried first, while that leaves enough
    // (a check reads every unit it checks); they are tried after all if too few others can be read.
    for (int u = 0; u < n && !req.isCheck() && lost.size() < req.code().m(); u++) {
      if (!lost.contains(u) && unreadable.contains(req.unit(u))) {
        lost.add(u);
        presumedLost.add(u);
      }
    }
  }

  /** Bytes of unit {@code u} in [o, o + n): fewer past its end. */
  long clip(int u, long o, long n) {
    return Math.max(0, Math.min(n, req.unit(u).length() - o));
  }

  /**
   * The units' bytes of rows [o, o + n), read in parallel: every one of {@code wanted} if all can
   * be read, else at least lambda*k units (wanted ones first) from which the others decode. With
   * {@code exclude} at least 0, that unit is never read and lambda*k others are (a check decodes
   * it alone). Entries not read are null; a unit past its end is an empty buffer.
   *
   * @throws NotEnoughUnitsException if fewer than lambda*k units can be read when some wanted one
   *     cannot, with the count that could
   */
  ByteBuffer[] gather(long o, int n, List<Integer> wanted, int exclude)
      throws NotEnoughUnitsException {
    long chunk = ++chunkSerial;
    ByteBuffer[] got = new ByteBuffer[readers.length];
    List<Integer> order = new ArrayList<>(wanted);
    for (int u = 0; u < readers.length; u++) {
      if (!wanted.contains(u)) {
        order.add(u);
      }
    }
    order.remove(Integer.valueOf(exclude));
    long[] started = new long[readers.length];
    List<Integer> inFlight = new ArrayList<>();
    int next = 0;
    int have = 0;
    boolean retried = false;
    while (true) {
      boolean decoding = retried || exclude >= 0 || anyLost(wanted);
      // Start what is still needed: every wanted unit, and enough others to decode from.
      while (next < order.size()
          && (next < wanted.size() || decoding && have + inFlight.size() < dataUnits)) {
        int u = order.get(next++);
        if (lost.contains(u)) {
          continue;
        }
        ByteBuffer now = withoutIo(u, o, n);
        if (now != null) {
          got[u] = now;
          have++;
        } else {
          started[u] = System.nanoTime();
          start(u, o, n, chunk);
          inFlight.add(u);
        }
      }
      boolean satisfied = decoding ? have >= dataUnits || allRead(wanted, got)
          : allRead(wanted, got);
      if (inFlight.isEmpty()) {
        if (satisfied) {
          return got;
        }
        if (!presumedLost.isEmpty()) {
          // Too few without them: the units only presumed unreadable are read after all.
          lost.removeAll(presumedLost);
          order.addAll(presumedLost);
          presumedLost.clear();
          retried = true;
          continue;
        }
        throw new NotEnoughUnitsException(have);
      }
      Done d = next(inFlight, started);
      if (d == null) {
        continue; // a straggler was abandoned: start another unit in its place
      }
      inFlight.remove(Integer.valueOf(d.unit));
      if (d.failure != null) {
        LOG.info("Unit {} ({}) unreadable on {}, decoding around it: {}", d.unit,
            req.unit(d.unit).replica(), req.unit(d.unit).node(), d.failure.toString());
        IOUtils.closeStream(readers[d.unit]);
        readers[d.unit] = null;
        lost.add(d.unit);
        unreadable.add(req.unit(d.unit));
      } else {
        got[d.unit] = d.bytes;
        have++;
        bytesRead += d.bytes.remaining();
        if (readers[d.unit].isRemote()) {
          bytesReceived += d.bytes.remaining();
        }
      }
    }
  }

  /**
   * Unit {@code u}'s bytes of [o, o + n), read on this thread, or null if it cannot be read (then
   * it is marked lost).
   */
  ByteBuffer readOne(int u, long o, int n) {
    if (lost.contains(u)) {
      return null;
    }
    ByteBuffer now = withoutIo(u, o, n);
    if (now != null) {
      return now;
    }
    long chunk = ++chunkSerial;
    start(u, o, n, chunk);
    try {
      Done d = finished.take();
      while (d.chunk != chunk) {
        dropStale(d);
        d = finished.take();
      }
      if (d.failure == null) {
        bytesRead += d.bytes.remaining();
        bytesReceived += readers[u].isRemote() ? d.bytes.remaining() : 0;
        return d.bytes;
      }
      LOG.info("Unit {} ({}) unreadable on {}: {}", u, req.unit(u).replica(), req.unit(u).node(),
          d.failure.toString());
      IOUtils.closeStream(readers[u]);
      readers[u] = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lost.add(u);
    return null;
  }

  /** An empty buffer for a unit past its end or a zero unit of a gone member, else null. */
  private ByteBuffer withoutIo(int u, long o, int n) {
    long len = clip(u, o, n);
    WideUnit unit = req.unit(u);
    if (len > 0 && unit.replica() != null) {
      return null;
    }
    ByteBuffer b = buffer(u);
    b.limit((int) len); // zeros: the coder reads a missing tail as zeros
    return b;
  }

  private ByteBuffer buffer(int u) {
    if (buffers[u] == null) {
      buffers[u] = chunks.take();
    }
    buffers[u].clear();
    return buffers[u];
  }

  private void start(int u, long o, int n, long chunk) {
    ByteBuffer b = buffer(u);
    b.limit((int) clip(u, o, n));
    synchronized (lock) {
      busy[u] = true;
    }
    pool.execute(() -> {
      Done d;
      try {
        if (readers[u] == null || readers[u].position() != o) {
          IOUtils.closeStream(readers[u]);
          readers[u] = source.open(req.unit(u), o);
        }
        readers[u].readFully(b);
        b.flip();
        d = new Done(u, chunk, b, null);
      } catch (IOException e) {
        d = new Done(u, chunk, null, e);
      } catch (RuntimeException e) {
        d = new Done(u, chunk, null, new IOException(e));
      }
      synchronized (lock) {
        busy[u] = false;
        if (closed) { // the request is over: nobody takes this read
          IOUtils.closeStream(readers[u]);
          readers[u] = null;
          return;
        }
      }
      finished.add(d);
    });
  }

  /** A straggler abandoned earlier has finished at last: its reader is of no more use. */
  private void dropStale(Done d) {
    IOUtils.closeStream(readers[d.unit]);
    readers[d.unit] = null;
  }

  /**
   * The next read of this chunk to finish, or null if a read in flight passed the straggler
   * timeout first (it is then abandoned: lost for the rest of the request).
   */
  private Done next(List<Integer> inFlight, long[] started) {
    while (true) {
      long now = System.nanoTime();
      int oldest = inFlight.get(0);
      for (int u : inFlight) {
        oldest = started[u] < started[oldest] ? u : oldest;
      }
      long wait = started[oldest] + stragglerNanos - now;
      Done d = null;
      try {
        d = wait > 0 ? finished.poll(wait, TimeUnit.NANOSECONDS) : null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (d == null) {
        LOG.info("Unit {} ({}) on {} still unread after {} ms: reading another unit instead",
            oldest, req.unit(oldest).replica(), req.unit(oldest).node(),
            TimeUnit.NANOSECONDS.toMillis(stragglerNanos));
        abandon(oldest);
        inFlight.remove(Integer.valueOf(oldest));
        return null;
      }
      if (d.chunk == chunkSerial && !abandoned[d.unit]) {
        return d;
      }
      dropStale(d);
    }
  }

  /** Its read goes on (bounded by the source's timeouts) and is dropped when it ends. */
  private void abandon(int u) {
    abandoned[u] = true;
    lost.add(u);
    unreadable.add(req.unit(u));
  }

  private boolean anyLost(List<Integer> wanted) {
    for (int w : wanted) {
      if (lost.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allRead(List<Integer> wanted, ByteBuffer[] got) {
    for (int w : wanted) {
      if (got[w] == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Closes every reader not in use and gives back its buffer; a read still running closes its
   * own when it ends, and its buffer is left to it.
   */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      for (int u = 0; u < readers.length; u++) {
        if (!busy[u]) {
          IOUtils.closeStream(readers[u]);
          readers[u] = null;
          chunks.give(buffers[u]);
          buffers[u] = null;
        }
      }
    }
  }
}
