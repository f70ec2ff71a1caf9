package org.bart.datanode.wide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideUnit;
import org.junit.jupiter.api.Test;

/** A reader closed mid-unit is parked and continues the next read of that unit from there. */
class ReusedReadersTest {

  private static final int LENGTH = 64;

  /** Replicas of LENGTH bytes (byte i of block b is b + i); counts opens and real closes. */
  private static final class CountingSource implements UnitSource {
    int opened;
    int closed;
    boolean failReads;

    @Override
    public Reader open(WideUnit unit, long offset) {
      opened++;
      long block = unit.replica().blockId();
      return new Reader() {
        long position = offset;

        @Override
        public long position() {
          return position;
        }

        @Override
        public int readFully(ByteBuffer dst) throws IOException {
          if (failReads) {
            throw new IOException("connection reset");
          }
          int n = 0;
          while (dst.hasRemaining() && position < LENGTH) {
            dst.put((byte) (block + position++));
            n++;
          }
          return n;
        }

        @Override
        public boolean isRemote() {
          return true;
        }

        @Override
        public void close() {
          closed++;
        }
      };
    }
  }

  private final CountingSource source = new CountingSource();

  private static WideUnit unit(long blockId, String node) {
    return new WideUnit(LENGTH, new Replica("BP-1", blockId, 1001, LENGTH),
        new AgentNode(new DatanodeID("10.0.0.1", "host", node, 9866, 9864, 9865, 9867),
            "10.0.0.1:50200"));
  }

  private static byte[] read(UnitSource s, WideUnit u, long offset, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    try (UnitSource.Reader r = s.open(u, offset)) {
      r.readFully(b);
    }
    return b.array();
  }

  private static byte[] expected(long block, int offset, int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (block + offset + i);
    }
    return out;
  }

  @Test
  void consecutiveReadsOfAUnitShareOneReader() throws IOException {
    ReusedReaders readers = new ReusedReaders(source, 8, 60_000);
    WideUnit u = unit(7, "dn-1");
    List<byte[]> got = new ArrayList<>();
    for (int offset = 0; offset < LENGTH; offset += 16) {
      got.add(read(readers, u, offset, 16));
    }
    assertEquals(1, source.opened);
    for (int i = 0; i < got.size(); i++) {
      assertArrayEquals(expected(7, 16 * i, 16), got.get(i));
    }
    assertEquals(1, source.closed, "a reader at the unit's end is closed, not parked");
    assertEquals(0, readers.parkedCount());
  }

  @Test
  void aReaderGoesOnlyToAReadOfItsReplicaNodeAndNextByte() throws IOException {
    ReusedReaders readers = new ReusedReaders(source, 8, 60_000);
    read(readers, unit(7, "dn-1"), 0, 16);
    assertArrayEquals(expected(7, 32, 8), read(readers, unit(7, "dn-1"), 32, 8));
    assertArrayEquals(expected(8, 16, 8), read(readers, unit(8, "dn-1"), 16, 8));
    assertArrayEquals(expected(7, 16, 8), read(readers, unit(7, "dn-2"), 16, 8));
    assertEquals(4, source.opened);
    assertArrayEquals(expected(7, 16, 8), read(readers, unit(7, "dn-1"), 16, 8));
    assertEquals(4, source.opened, "the reader parked at byte 16 of block 7 on dn-1 went on");
  }

  @Test
  void aReaderThatFailedIsClosedNotParked() throws IOException {
    ReusedReaders readers = new ReusedReaders(source, 8, 60_000);
    read(readers, unit(7, "dn-1"), 0, 16);
    source.failReads = true;
    assertThrows(IOException.class, () -> read(readers, unit(7, "dn-1"), 16, 16));
    assertEquals(0, readers.parkedCount());
    assertEquals(1, source.closed);
    source.failReads = false;
    assertArrayEquals(expected(7, 16, 16), read(readers, unit(7, "dn-1"), 16, 16));
    assertEquals(2, source.opened, "the failed reader was not handed out again");
  }

  @Test
  void parkedReadersAreBoundedAndExpire() throws IOException, InterruptedException {
    ReusedReaders bounded = new ReusedReaders(source, 2, 60_000);
    for (long block = 1; block <= 3; block++) {
      read(bounded, unit(block, "dn-1"), 0, 8);
    }
    assertEquals(2, bounded.parkedCount());
    assertEquals(1, source.closed, "the oldest reader made room");
    read(bounded, unit(1, "dn-1"), 8, 8);
    assertEquals(4, source.opened, "block 1's reader was the one closed");

    ReusedReaders brief = new ReusedReaders(source, 8, 0);
    read(brief, unit(9, "dn-1"), 0, 8);
    brief.closeIdle();
    assertEquals(0, brief.parkedCount());
    bounded.closeAll();
    assertEquals(0, bounded.parkedCount());
    assertEquals(source.opened, source.closed, "every reader opened was closed in the end");
  }
}
