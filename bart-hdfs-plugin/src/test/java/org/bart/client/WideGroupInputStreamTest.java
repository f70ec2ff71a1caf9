package org.bart.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.bart.protocol.UnreadableRangeException;
import org.junit.jupiter.api.Test;

/**
 * The client stream's choice between the stock path and decoding, over fakes of both: a block
 * group that failed once on the stock path is decoded from then on, a window at a time; the other
 * groups stay on the stock path; the bytes are always the file's.
 */
class WideGroupInputStreamTest {

  private static final long SEED = Long.getLong("bart.test.seed", 20261204L);
  private static final int GROUP = 6 * 64 * 1024;   // k = 6, 64 KiB blocks
  private static final int LENGTH = 3 * GROUP + 12345;
  private static final int READAHEAD = 100_000;

  private final byte[] file = new byte[LENGTH];

  WideGroupInputStreamTest() {
    new Random(SEED).nextBytes(file);
  }

  /** The stock striped stream: fails on every read that touches a lost block group. */
  private final class FakeStock extends FSInputStream {
    final Set<Long> lostGroups;
    final AtomicInteger reads;
    long pos;

    FakeStock(Set<Long> lostGroups, AtomicInteger reads) {
      this.lostGroups = lostGroups;
      this.reads = reads;
    }

    @Override
    public int read(long position, byte[] b, int off, int len) throws IOException {
      reads.incrementAndGet();
      if (lostGroups.contains(position / GROUP)
          || lostGroups.contains((position + len - 1) / GROUP)) {
        throw new IOException("fake: block group of " + position + " has lost blocks");
      }
      int n = (int) Math.min(len, LENGTH - position);
      System.arraycopy(file, (int) position, b, off, n);
      return n;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(pos++, one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void seek(long p) {
      pos = p;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public boolean seekToNewSource(long targetPos) {
      return false;
    }
  }

  /** The plugin: the file's bytes, at most 40 000 per call (as the server caps pieces). */
  private final class FakeDecoder implements DegradedSource {
    final AtomicInteger calls = new AtomicInteger();
    final Set<Long> unreadable = new HashSet<>();

    @Override
    public int read(String path, long offset, byte[] b, int off, int length) throws IOException {
      calls.incrementAndGet();
      if (unreadable.contains(offset / GROUP)) {
        throw new UnreadableRangeException(path + " at " + offset + ": 4 units lost");
      }
      int n = (int) Math.max(0, Math.min(Math.min(length, 40_000), LENGTH - offset));
      System.arraycopy(file, (int) offset, b, off, n);
      return n;
    }

    @Override
    public void close() {
    }
  }

  private WideGroupInputStream open(Set<Long> lost, AtomicInteger stockReads,
      FakeDecoder decoder) {
    return new WideGroupInputStream("/f", LENGTH, GROUP, null,
        () -> new FSDataInputStream(new FakeStock(lost, stockReads)), decoder, READAHEAD);
  }

  private static Set<Long> groups(long... g) {
    Set<Long> s = new HashSet<>();
    for (long x : g) {
      s.add(x);
    }
    return s;
  }

  @Test
  void smallReadsOfALostGroupTryTheStockPathOnceAndDecodeAWindowAtATime() throws IOException {
    AtomicInteger stockReads = new AtomicInteger();
    FakeDecoder decoder = new FakeDecoder();
    byte[] got = new byte[LENGTH];
    try (FSDataInputStream in = new FSDataInputStream(open(groups(1), stockReads, decoder))) {
      byte[] buf = new byte[4096];
      int at = 0;
      for (int n; (n = in.read(buf)) > 0; at += n) {
        System.arraycopy(buf, 0, got, at, n);
      }
      assertEquals(LENGTH, at);
    }
    assertArrayEquals(file, got, "seed " + SEED);
    // Groups 0 and 2 (96 reads each) and 3 (4 reads) on the stock path, group 1 tried once.
    int readsPerGroup = GROUP / 4096;
    int tailReads = (LENGTH - 3 * GROUP + 4095) / 4096;
    assertEquals(2 * readsPerGroup + tailReads + 1, stockReads.get(), "stock reads");
    // Group 1 decoded in windows of READAHEAD, each in pieces of at most 40 000 bytes.
    int windows = (GROUP + READAHEAD - 1) / READAHEAD;
    int pieces = 0;
    for (int w = 0; w < windows; w++) {
      int bytes = Math.min(READAHEAD, GROUP - w * READAHEAD);
      pieces += (bytes + 39_999) / 40_000;
    }
    assertEquals(pieces, decoder.calls.get(), "decoder calls");
  }

  @Test
  void positionalReadsAcrossGroupsReturnTheFilesBytes() throws IOException {
    Random r = new Random(SEED + 1);
    FakeDecoder decoder = new FakeDecoder();
    try (FSDataInputStream in = new FSDataInputStream(open(groups(0, 3), new AtomicInteger(),
        decoder))) {
      for (int i = 0; i < 200; i++) {
        int at = r.nextInt(LENGTH);
        byte[] buf = new byte[Math.min(LENGTH - at, 1 + r.nextInt(3 * READAHEAD))];
        in.readFully(at, buf);
        byte[] want = new byte[buf.length];
        System.arraycopy(file, at, want, 0, buf.length);
        assertArrayEquals(want, buf, "at " + at + ", seed " + SEED);
      }
    }
    assertTrue(decoder.calls.get() > 0);
  }

  @Test
  void aGroupBeyondTheWideCodeFailsWithTheDecodersException() throws IOException {
    FakeDecoder decoder = new FakeDecoder();
    decoder.unreadable.add(2L);
    try (FSDataInputStream in = new FSDataInputStream(open(groups(2), new AtomicInteger(),
        decoder))) {
      byte[] buf = new byte[4096];
      in.readFully(0, buf); // group 0 is healthy
      assertThrows(UnreadableRangeException.class, () -> in.readFully(2L * GROUP + 10, buf));
    }
  }
}
