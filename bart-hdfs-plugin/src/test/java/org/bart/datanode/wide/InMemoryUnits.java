package org.bart.datanode.wide;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.ChecksumException;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideUnit;

/**
 * An in-memory fake of both seams of the wide read: replicas held in a map by block id, each on
 * one node, with injected faults; rebuilt units stored in another map once finished. A node whose
 * uuid is {@link #SELF} is "this DataNode" (its bytes are local), every other one is remote.
 *
 * <p>The faults model what the HDFS implementation sees: an open that fails (DataNode down,
 * replica missing), a read that breaks halfway (connection reset), and a corrupt replica, which
 * HDFS's block reader detects by checksum and reports as a {@link ChecksumException} at the
 * corrupt offset. {@link #overwrite} models the one corruption checksums do not catch (bytes
 * written wrong under valid checksums), which only a check finds. Faults are injected before
 * a read starts; then its replicas may be read by several threads at once (each reader by one).
 */
public final class InMemoryUnits implements UnitSource, UnitSink {

  public static final String SELF = "dn-self";

  /** What goes wrong when a replica is read. */
  public enum Fault {
    /** open() throws. */
    OPEN_FAILS,
    /** Reads throw from the middle of the replica on. */
    FAILS_MID_READ,
    /** The block reader's checksum check fails two thirds into the replica. */
    CORRUPT
  }

  private static final class Stored {
    final byte[] bytes;
    final String node;
    Fault fault;

    Stored(byte[] bytes, String node) {
      this.bytes = bytes;
      this.node = node;
    }
  }

  private final Map<Long, Stored> replicas = new HashMap<>();
  private final Map<Long, byte[]> written = new HashMap<>();
  /** Block ids of the replicas opened for reading (by any thread). */
  private final Set<Long> opened = ConcurrentHashMap.newKeySet();
  private int writersOpened;

  /** Stores {@code bytes} as replica {@code blockId} on the node with uuid {@code node}. */
  void put(long blockId, String node, byte[] bytes) {
    replicas.put(blockId, new Stored(bytes.clone(), node));
  }

  public void inject(long blockId, Fault fault) {
    replicas.get(blockId).fault = fault;
  }

  /** Changes one stored byte without any fault showing: silent corruption. */
  void overwrite(long blockId, int offset, byte value) {
    replicas.get(blockId).bytes[offset] = value;
  }

  /** Whether replica {@code blockId} was opened for reading (whether or not that failed). */
  public boolean wasOpened(long blockId) {
    return opened.contains(blockId);
  }

  /** The finished replica {@code blockId} a rebuild stored, or null. */
  byte[] written(long blockId) {
    return written.get(blockId);
  }

  int writersOpened() {
    return writersOpened;
  }

  @Override
  public Reader open(WideUnit unit, long offset) throws IOException {
    opened.add(unit.replica().blockId());
    Stored s = replicas.get(unit.replica().blockId());
    if (s == null || unit.node() == null || !s.node.equals(unit.node().uuid())) {
      throw new IOException("injected: no replica " + unit.replica() + " on " + unit.node());
    }
    if (s.fault == Fault.OPEN_FAILS) {
      throw new IOException("injected: DataNode of " + unit.replica() + " is down");
    }
    int end = (int) unit.length();
    int breakAt = s.fault == Fault.FAILS_MID_READ ? end / 2
        : s.fault == Fault.CORRUPT ? end * 2 / 3 : end;
    boolean remote = !SELF.equals(s.node);
    return new Reader() {
      private int position = (int) offset;

      @Override
      public long position() {
        return position;
      }

      @Override
      public int readFully(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int n = Math.min(dst.remaining(), Math.min(end, breakAt) - position);
        if (n > 0) {
          dst.put(s.bytes, position, n);
          position += n;
        }
        if (dst.hasRemaining() && position >= breakAt && breakAt < end) {
          if (s.fault == Fault.CORRUPT) {
            throw new ChecksumException("injected: checksum error in " + unit.replica(),
                position);
          }
          throw new IOException("injected: connection reset reading " + unit.replica());
        }
        return dst.position() - start;
      }

      @Override
      public boolean isRemote() {
        return remote;
      }

      @Override
      public void close() {
      }
    };
  }

  @Override
  public boolean alreadyStored(Replica target, AgentNode node) {
    byte[] done = written.get(target.blockId());
    return done != null && done.length == target.numBytes();
  }

  @Override
  public Writer open(Replica target, AgentNode node) {
    writersOpened++;
    boolean remote = !SELF.equals(node.uuid());
    return new Writer() {
      private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

      @Override
      public void write(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        bytes.write(b, 0, b.length);
      }

      @Override
      public void finish() throws IOException {
        if (bytes.size() != target.numBytes()) {
          throw new IOException("wrote " + bytes.size() + " bytes of " + target);
        }
        written.put(target.blockId(), bytes.toByteArray());
      }

      @Override
      public boolean isRemote() {
        return remote;
      }

      @Override
      public void close() {
      }
    };
  }
}
