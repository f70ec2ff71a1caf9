package org.bart.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The rows of a degraded block group a stream decoded last, kept so that the reads that follow
 * (a 4 KiB buffer walking a block group) are served from memory instead of one decode each, and
 * the rows after them, decoded in the background while the reader consumes these.
 *
 * <p>A window is whole rows of the block group (one cell of each of its k data blocks): a decode
 * reads every unit of the rows it covers, so a window cut inside a row would have that row read
 * and decoded twice. It holds the rows of {@code readahead} bytes, at least one. When a reader
 * moves on sequentially (its read starts a row, or starts where the last window ended), the next
 * window of the same block group is decoded at once on the {@code prefetcher}, so the agent
 * reads and decodes it while the reader copies this one; when this window itself was not
 * decoded ahead (a stream's first), the next one is asked for alongside it. Thread-safe.
 */
final class DecodedWindow {

  /** Bytes [start, start + filled) of the file. */
  private static final class Rows {
    final byte[] data;
    long start = -1;
    int filled;

    Rows(int capacity) {
      data = new byte[capacity];
    }

    boolean holds(long position) {
      return start >= 0 && position >= start && position < start + filled;
    }
  }

  private final int readahead;
  private final ExecutorService prefetcher;
  private Rows current;
  /** A buffer free for the next decode. */
  private Rows spare;
  private Future<Rows> next;
  private long nextStart = -1;

  /**
   * @param readahead bytes decoded per window at least (rounded up to whole rows)
   * @param prefetcher decodes the next window in the background; null for none
   */
  DecodedWindow(int readahead, ExecutorService prefetcher) {
    this.readahead = readahead;
    this.prefetcher = prefetcher;
  }

  /**
   * Copies the window's bytes at {@code position} (up to {@code len}) into {@code b[off..]}.
   *
   * @return the bytes copied, 0 if the window does not hold {@code position}
   */
  synchronized int copy(long position, byte[] b, int off, int len) {
    if (current == null || !current.holds(position)) {
      return 0;
    }
    int n = (int) Math.min(len, current.start + current.filled - position);
    System.arraycopy(current.data, (int) (position - current.start), b, off, n);
    return n;
  }

  /**
   * Makes the window hold {@code position}: the rows of {@code source}'s bytes of {@code path}
   * around it, within the block group [{@code groupStart}, {@code groupEnd}); then starts
   * decoding the next window if the reader moves on sequentially.
   *
   * @return the bytes now held from {@code position}, 0 if the source has none there
   */
  synchronized int fill(DegradedSource source, String path, long position, long groupStart,
      long groupEnd) throws IOException {
    long row = source.rowBytes(path, position);
    long start = groupStart + (position - groupStart) / row * row;
    int length = windowLength(row, start, groupEnd);
    long lastEnd = current == null ? -1 : current.start + current.filled;
    boolean sequential = position == start || start == lastEnd;
    Rows ahead = next != null && nextStart == start ? takeAhead(path, start) : null;
    if (ahead != null) {
      spare = current;
      current = ahead;
    } else {
      dropPrefetch();
      Rows into = take(spare, length);
      spare = current;
      current = null;
      // A reader starting here goes on: the window after this one is decoded alongside it
      // rather than after it, so a stream's first two windows cost one round trip, not two.
      if (sequential && start + length < groupEnd) {
        prefetch(source, path, row, start + length, groupEnd);
      }
      decode(source, path, into, start, length);
      current = into;
    }
    long end = current.start + current.filled;
    if (next == null && end < groupEnd && current.filled == length && sequential) {
      prefetch(source, path, row, end, groupEnd);
    }
    return current.holds(position) ? (int) (end - position) : 0;
  }

  /** Starts decoding the window at {@code from} in the background (if there is a prefetcher). */
  private void prefetch(DegradedSource source, String path, long row, long from, long groupEnd) {
    if (prefetcher == null) {
      return;
    }
    int nextLength = windowLength(row, from, groupEnd);
    Rows into = take(spare, nextLength);
    spare = null;
    nextStart = from;
    next = prefetcher.submit(() -> decode(source, path, into, from, nextLength));
  }

  /** Whole rows of {@code readahead} bytes from {@code start}, at least one, within the group. */
  private int windowLength(long row, long start, long groupEnd) {
    long rows = Math.max(1, readahead / row);
    return (int) Math.min(rows * row, groupEnd - start);
  }

  private static Rows take(Rows free, int length) {
    return free != null && free.data.length >= length ? free : new Rows(length);
  }

  /** Fills {@code into} with up to {@code length} bytes from {@code start} (fewer at the end). */
  private static Rows decode(DegradedSource source, String path, Rows into, long start,
      int length) throws IOException {
    into.start = -1;
    int n = 0;
    while (n < length) {
      int got = source.read(path, start + n, into.data, n, length - n);
      if (got == 0) {
        break;
      }
      n += got;
    }
    into.filled = n;
    into.start = start;
    return into;
  }

  /**
   * The window decoded ahead, or null if its decode failed: the reader then decodes it itself,
   * and meets the failure itself if it was not passing (an agent busy a moment ago, say).
   */
  private Rows takeAhead(String path, long start) throws IOException {
    Future<Rows> f = next;
    next = null;
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for the decode of " + path + " at "
          + start);
    } catch (ExecutionException e) {
      return null;
    }
  }

  /** A decode in the background nobody wants: it runs out into its own buffer, left to it. */
  private void dropPrefetch() {
    if (next != null) {
      next.cancel(false);
      next = null;
      nextStart = -1;
    }
  }

  /** Stops waiting for the next window (a decode under way ends on its own). */
  synchronized void close() {
    dropPrefetch();
  }
}
