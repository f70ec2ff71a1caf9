package org.bart.datanode.wide;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.io.IOUtils;
import org.bart.protocol.wide.WideUnit;

/**
 * A {@link UnitSource} that keeps a reader its wide read closed open for a while, parked at the
 * unit's next byte, and hands it to the next read of the same replica on the same DataNode from
 * exactly there. A degraded reader asks for one window of rows after another, each a separate
 * request: its lambda*k unit reads so continue on the connections the last window opened instead
 * of each opening a new one (a socket, a block token, a DataNode thread and block sender each).
 *
 * <p>Only readers that never failed and have bytes left are parked; at most {@code capacity} at a
 * time (the oldest is closed for a newer one), each for at most {@code idleMs} (closed by {@link
 * #closeIdle}, which the owner calls periodically, or by the next open or park after that). A
 * parked reader is the agent's own: which bytes a request may read is decided before its unit
 * reads start, so reusing one grants nothing. Thread-safe.
 */
public final class ReusedReaders implements UnitSource {

  /** A replica on a node at an offset: where a parked reader continues. */
  private static final class Key {
    final String poolId;
    final long blockId;
    final long genStamp;
    final String node;
    final long offset;

    Key(WideUnit unit, long offset) {
      this.poolId = unit.replica().poolId();
      this.blockId = unit.replica().blockId();
      this.genStamp = unit.replica().genStamp();
      this.node = unit.node() == null ? "" : unit.node().uuid();
      this.offset = offset;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key)) {
        return false;
      }
      Key k = (Key) o;
      return blockId == k.blockId && genStamp == k.genStamp && offset == k.offset
          && poolId.equals(k.poolId) && node.equals(k.node);
    }

    @Override
    public int hashCode() {
      return Objects.hash(poolId, blockId, genStamp, node, offset);
    }
  }

  private static final class Parked {
    final Reader reader;
    final long since;

    Parked(Reader reader, long since) {
      this.reader = reader;
      this.since = since;
    }
  }

  private final UnitSource source;
  private final int capacity;
  private final long idleNanos;
  /** Parked readers, oldest first. */
  private final LinkedHashMap<Key, Parked> parked = new LinkedHashMap<>();

  /**
   * @param source opens the readers this one keeps
   * @param capacity readers parked at most (each holds a connection and a DataNode thread)
   * @param idleMs how long a reader stays parked unused before it is closed
   */
  public ReusedReaders(UnitSource source, int capacity, long idleMs) {
    this.source = source;
    this.capacity = capacity;
    this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMs);
  }

  @Override
  public Reader open(WideUnit unit, long offset) throws IOException {
    Parked p = null;
    if (unit.replica() != null) {
      synchronized (this) {
        p = parked.remove(new Key(unit, offset));
      }
    }
    closeIdle();
    return new Kept(unit, p != null ? p.reader : source.open(unit, offset));
  }

  /** Closes the readers parked longer than the idle time. */
  public void closeIdle() {
    long now = System.nanoTime();
    List<Reader> expired = new ArrayList<>();
    synchronized (this) {
      for (Iterator<Parked> it = parked.values().iterator(); it.hasNext(); ) {
        Parked p = it.next();
        if (now - p.since < idleNanos) {
          break; // the rest were parked later
        }
        expired.add(p.reader);
        it.remove();
      }
    }
    closeAll(expired);
  }

  /** Closes every parked reader (the agent stops). */
  public void closeAll() {
    List<Reader> all;
    synchronized (this) {
      all = new ArrayList<>();
      for (Parked p : parked.values()) {
        all.add(p.reader);
      }
      parked.clear();
    }
    closeAll(all);
  }

  /** Readers parked now (for the tests). */
  synchronized int parkedCount() {
    return parked.size();
  }

  private void park(WideUnit unit, Reader reader) {
    List<Reader> out = new ArrayList<>();
    synchronized (this) {
      Parked before = parked.put(new Key(unit, reader.position()),
          new Parked(reader, System.nanoTime()));
      if (before != null) {
        out.add(before.reader); // two reads ended at the same byte: the newer one is kept
      }
      for (Iterator<Parked> it = parked.values().iterator(); parked.size() > capacity; ) {
        out.add(it.next().reader);
        it.remove();
      }
    }
    closeAll(out);
    closeIdle();
  }

  private static void closeAll(List<Reader> readers) {
    for (Reader r : readers) {
      IOUtils.closeStream(r);
    }
  }

  /** A reader whose close parks the source's reader when it can go on. */
  private final class Kept implements Reader {
    private final WideUnit unit;
    private final Reader reader;
    private boolean failed;
    private boolean closed;

    Kept(WideUnit unit, Reader reader) {
      this.unit = unit;
      this.reader = reader;
    }

    @Override
    public long position() {
      return reader.position();
    }

    @Override
    public int readFully(ByteBuffer dst) throws IOException {
      try {
        return reader.readFully(dst);
      } catch (IOException | RuntimeException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public boolean isRemote() {
      return reader.isRemote();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      if (failed || capacity <= 0 || unit.replica() == null
          || reader.position() >= unit.length()) {
        reader.close();
      } else {
        park(unit, reader);
      }
    }
  }
}
