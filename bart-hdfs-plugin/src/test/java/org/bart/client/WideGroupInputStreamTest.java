package org.bart.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.bart.protocol.UnreadableRangeException;
import org.junit.jupiter.api.Test;

/**
 * The client stream's choice between the stock path and decoding, over fakes of both: a block
 * group that failed once on the stock path is decoded from then on, a window at a time; the other
 * groups stay on the stock path; the bytes are always the file's; windows are whole rows, and
 * the next one is decoded ahead for a sequential reader.
 */
class WideGroupInputStreamTest {

  private static final long SEED = Long.getLong("bart.test.seed", 20261204L);
  private static final int GROUP = 6 * 64 * 1024;   // k = 6, 64 KiB blocks
  private static final int LENGTH = 3 * GROUP + 12345;
  private static final int ROW = 6 * 16 * 1024;     // 16 KiB cells
  private static final int READAHEAD = 100_000;     // one row per window

  private final byte[] file = new byte[LENGTH];
  /** Positional reads of every stock stream of the test. */
  private final AtomicInteger positionalStockReads = new AtomicInteger();

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
      positionalStockReads.incrementAndGet();
      return copy(position, b, off, len);
    }

    /** A stateful read, as the stock stream serves it from the block readers it keeps open. */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = copy(pos, b, off, len);
      pos += Math.max(n, 0);
      return n;
    }

    private int copy(long position, byte[] b, int off, int len) throws IOException {
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
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
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
    /** Times each byte of the file was decoded. */
    final int[] decoded = new int[LENGTH];
    long unreadableFrom = Long.MAX_VALUE;

    @Override
    public synchronized int read(String path, long offset, byte[] b, int off, int length)
        throws IOException {
      calls.incrementAndGet();
      if (unreadable.contains(offset / GROUP) || offset >= unreadableFrom) {
        throw new UnreadableRangeException(path + " at " + offset + ": 4 units lost");
      }
      int n = (int) Math.max(0, Math.min(Math.min(length, 40_000), LENGTH - offset));
      System.arraycopy(file, (int) offset, b, off, n);
      for (int i = 0; i < n; i++) {
        decoded[(int) offset + i]++;
      }
      return n;
    }

    @Override
    public long rowBytes(String path, long offset) {
      return ROW;
    }

    @Override
    public void close() {
    }
  }

  /** Runs the prefetches on one thread and counts them. */
  private static final class CountingPrefetcher extends ThreadPoolExecutor {
    final AtomicInteger submitted = new AtomicInteger();

    CountingPrefetcher() {
      super(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    }

    @Override
    public void execute(Runnable command) {
      submitted.incrementAndGet();
      super.execute(command);
    }
  }

  private WideGroupInputStream open(Set<Long> lost, AtomicInteger stockReads,
      DegradedSource decoder, ExecutorService prefetcher) {
    return new WideGroupInputStream("/f", LENGTH, GROUP, null,
        () -> new FSDataInputStream(new FakeStock(lost, stockReads)), decoder, READAHEAD,
        prefetcher);
  }

  private static byte[] readWhole(FSDataInputStream in) throws IOException {
    byte[] got = new byte[LENGTH];
    byte[] buf = new byte[4096];
    int at = 0;
    for (int n; (n = in.read(buf)) > 0; at += n) {
      System.arraycopy(buf, 0, got, at, n);
    }
    assertEquals(LENGTH, at);
    return got;
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
    byte[] got;
    try (FSDataInputStream in = new FSDataInputStream(open(groups(1), stockReads, decoder,
        null))) {
      got = readWhole(in);
    }
    assertArrayEquals(file, got, "seed " + SEED);
    // Groups 0 and 2 (96 reads each) and 3 (4 reads) on the stock path, group 1 tried once.
    int readsPerGroup = GROUP / 4096;
    int tailReads = (LENGTH - 3 * GROUP + 4095) / 4096;
    assertEquals(2 * readsPerGroup + tailReads + 1, stockReads.get(), "stock reads");
    // Group 1 decoded in windows of one row (READAHEAD < 2 rows), each in pieces of at most
    // 40 000 bytes.
    int windows = (GROUP + ROW - 1) / ROW;
    int pieces = 0;
    for (int w = 0; w < windows; w++) {
      int bytes = Math.min(ROW, GROUP - w * ROW);
      pieces += (bytes + 39_999) / 40_000;
    }
    assertEquals(pieces, decoder.calls.get(), "decoder calls");
  }

  /**
   * Healthy groups are read as the stock client reads them: a stateful reader goes through the
   * stock stream's stateful reads (which keep their block readers open from one read to the
   * next), a positional reader through its positional reads (a new block reader each).
   */
  @Test
  void aStatefulReaderOfHealthyGroupsReadsTheStockStreamStatefully() throws IOException {
    byte[] got;
    byte[] part = new byte[100];
    try (FSDataInputStream in = new FSDataInputStream(open(groups(), new AtomicInteger(),
        new FakeDecoder(), null))) {
      got = readWhole(in);
      in.readFully(GROUP + 5, part);
    }
    assertArrayEquals(file, got, "seed " + SEED);
    assertArrayEquals(Arrays.copyOfRange(file, GROUP + 5, GROUP + 105), part);
    assertEquals(1, positionalStockReads.get(), "positional stock reads");
  }

  @Test
  void aSequentialReaderHasEachRowDecodedOnceAndTheNextWindowDecodedAhead() throws Exception {
    FakeDecoder decoder = new FakeDecoder();
    CountingPrefetcher prefetcher = new CountingPrefetcher();
    byte[] got;
    try (FSDataInputStream in = new FSDataInputStream(open(groups(0, 1, 2, 3),
        new AtomicInteger(), decoder, prefetcher))) {
      in.seek(GROUP + ROW / 2); // the middle of a row: that window alone, nothing ahead
      assertEquals(file[GROUP + ROW / 2], (byte) in.read());
      assertEquals(0, prefetcher.submitted.get(), "prefetches after a read inside a row");
      in.seek(0);
      got = readWhole(in);
    } finally {
      prefetcher.shutdown();
    }
    assertArrayEquals(file, got, "seed " + SEED);
    // Every window after the first of each group was decoded ahead; the tail group is one
    // short window.
    int rowsPerGroup = (GROUP + ROW - 1) / ROW;
    assertEquals(3 * (rowsPerGroup - 1), prefetcher.submitted.get(), "prefetches");
    for (int i = 0; i < LENGTH; i++) {
      int expected = i >= GROUP && i < GROUP + ROW ? 2 : 1; // that row was read inside first
      assertEquals(expected, decoder.decoded[i], "decodes of byte " + i);
    }
  }

  @Test
  void aStreamsFirstWindowIsDecodedAlongsideTheNext() throws Exception {
    FakeDecoder decoder = new FakeDecoder();
    CountDownLatch nextAskedFor = new CountDownLatch(1);
    AtomicBoolean together = new AtomicBoolean();
    DegradedSource watching = new DegradedSource() {
      @Override
      public int read(String path, long offset, byte[] b, int off, int length)
          throws IOException {
        if (offset >= ROW) {
          nextAskedFor.countDown();
        } else if (offset == 0) {
          try { // the first window waits (up to a generous deadline) for the next to be asked
            together.set(nextAskedFor.await(20, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            throw new InterruptedIOException();
          }
        }
        return decoder.read(path, offset, b, off, length);
      }

      @Override
      public long rowBytes(String path, long offset) {
        return ROW;
      }

      @Override
      public void close() {
      }
    };
    ExecutorService prefetcher = Executors.newSingleThreadExecutor();
    byte[] got;
    try (FSDataInputStream in = new FSDataInputStream(open(groups(0), new AtomicInteger(),
        watching, prefetcher))) {
      got = readWhole(in);
    } finally {
      prefetcher.shutdown();
    }
    assertTrue(together.get(), "the second window was asked for while the first was decoded");
    assertArrayEquals(file, got, "seed " + SEED);
  }

  @Test
  void aRowThatCannotBeDecodedAheadFailsWhenTheReaderGetsThere() throws Exception {
    FakeDecoder decoder = new FakeDecoder();
    decoder.unreadableFrom = 2L * ROW;
    CountingPrefetcher prefetcher = new CountingPrefetcher();
    try (FSDataInputStream in = new FSDataInputStream(open(groups(0), new AtomicInteger(),
        decoder, prefetcher))) {
      byte[] buf = new byte[2 * ROW];
      in.readFully(buf, 0, ROW);
      in.readFully(buf, ROW, ROW); // row 2's decode failed ahead meanwhile
      byte[] want = new byte[2 * ROW];
      System.arraycopy(file, 0, want, 0, want.length);
      assertArrayEquals(want, buf, "seed " + SEED);
      assertThrows(UnreadableRangeException.class, () -> in.read(buf, 0, 1));
    } finally {
      prefetcher.shutdown();
    }
  }

  @Test
  void positionalReadsAcrossGroupsReturnTheFilesBytes() throws IOException {
    Random r = new Random(SEED + 1);
    FakeDecoder decoder = new FakeDecoder();
    ExecutorService prefetcher = Executors.newSingleThreadExecutor();
    try (FSDataInputStream in = new FSDataInputStream(open(groups(0, 3), new AtomicInteger(),
        decoder, prefetcher))) {
      for (int i = 0; i < 200; i++) {
        int at = r.nextInt(LENGTH);
        byte[] buf = new byte[Math.min(LENGTH - at, 1 + r.nextInt(3 * READAHEAD))];
        in.readFully(at, buf);
        byte[] want = new byte[buf.length];
        System.arraycopy(file, at, want, 0, buf.length);
        assertArrayEquals(want, buf, "at " + at + ", seed " + SEED);
      }
    } finally {
      prefetcher.shutdown();
    }
    assertTrue(decoder.calls.get() > 0);
  }

  @Test
  void aGroupBeyondTheWideCodeFailsWithTheDecodersException() throws IOException {
    FakeDecoder decoder = new FakeDecoder();
    decoder.unreadable.add(2L);
    try (FSDataInputStream in = new FSDataInputStream(open(groups(2), new AtomicInteger(),
        decoder, null))) {
      byte[] buf = new byte[4096];
      in.readFully(0, buf); // group 0 is healthy
      assertThrows(UnreadableRangeException.class, () -> in.readFully(2L * GROUP + 10, buf));
    }
  }
}
