package org.bart.client;

import java.io.EOFException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.io.IOUtils;
import org.bart.protocol.UnreadableRangeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream of a transitioned file. Reads go to the stock striped stream until it fails in a
 * block group (an internal block unavailable, a replica missing or corrupt); from then on that
 * block group is read through the {@link DegradedSource}, which decodes across the file's wide
 * group, a window of {@code readahead} bytes at a time (the decision is taken once per block
 * group, as Ozone's ECBlockInputStreamProxy does, so a small read neither retries the stock path
 * nor costs a decode); while a sequential reader consumes a window, the next one is decoded. Beyond what the wide code can rebuild the read fails with {@link
 * UnreadableRangeException}: never wrong bytes. Stateful and positional reads and seeks behave
 * as on the stock stream. Not thread-safe for stateful reads (like the stock stream); positional
 * reads may run concurrently.
 */
final class WideGroupInputStream extends FSInputStream {

  private static final Logger LOG = LoggerFactory.getLogger(WideGroupInputStream.class);

  /** Opens a fresh stock stream of the file. */
  interface StockOpener {
    FSDataInputStream open() throws IOException;
  }

  private final String path;
  private final long length;
  private final long groupBytes;
  private final StockOpener opener;
  private final DegradedSource degraded;
  private final DecodedWindow window;
  /** Block groups (index = offset / groupBytes) the stock stream failed to read. */
  private final Set<Long> degradedGroups = ConcurrentHashMap.newKeySet();
  private FSDataInputStream stock;
  private long pos;
  private boolean closed;

  /**
   * @param path the file's path, as the NameNode plugin is asked for it
   * @param length the file's length
   * @param groupBytes data bytes of a full block group (k times the block size)
   * @param stock the stock stream already opened, or null
   * @param readahead bytes decoded per degraded read at least
   * @param prefetcher decodes the next window while the reader consumes one; null for none
   */
  WideGroupInputStream(String path, long length, long groupBytes, FSDataInputStream stock,
      StockOpener opener, DegradedSource degraded, int readahead, ExecutorService prefetcher) {
    if (groupBytes <= 0 || readahead <= 0) {
      throw new IllegalArgumentException("stream of " + path + ": block group bytes "
          + groupBytes + " and readahead " + readahead + " must be positive");
    }
    this.path = path;
    this.length = length;
    this.groupBytes = groupBytes;
    this.stock = stock;
    this.opener = opener;
    this.degraded = degraded;
    this.window = new DecodedWindow(readahead, prefetcher);
  }

  @Override
  public synchronized int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    checkOpen();
    if (len == 0) {
      return 0;
    }
    if (pos >= length) {
      return -1;
    }
    int n = read(pos, b, off, len, true);
    if (n > 0) {
      pos += n;
    }
    return n;
  }

  @Override
  public int read(long position, byte[] b, int off, int len) throws IOException {
    checkOpen();
    if (position >= length) {
      return -1;
    }
    return read(position, b, off, len, false);
  }

  /**
   * Reads within one block group: the stock stream, or the decoder once that group failed. A
   * stateful reader reads the stock stream statefully, as the stock client would: its positional
   * reads open new block readers every call, which made healthy reads a third as fast.
   */
  private int read(long position, byte[] b, int off, int len, boolean stateful)
      throws IOException {
    long group = position / groupBytes;
    long groupEnd = Math.min(length, (group + 1) * groupBytes);
    len = (int) Math.min(len, groupEnd - position);
    if (!degradedGroups.contains(group)) {
      try {
        int n = stateful ? readStockAt(position, b, off, len)
            : stock().read(position, b, off, len);
        if (n >= 0) {
          return n;
        }
      } catch (UnreadableRangeException e) {
        throw e;
      } catch (IOException e) {
        LOG.info("Read of {} at {} failed on the stock stream ({}); block group {} is decoded "
            + "from now on", path, position, e.toString(), group);
        degradedGroups.add(group);
        reopen();
      }
    }
    return readDegraded(position, b, off, len, group * groupBytes, groupEnd);
  }

  /** A stateful read of the stock stream from {@code position} (called with this stream's lock). */
  private int readStockAt(long position, byte[] b, int off, int len) throws IOException {
    FSDataInputStream s = stock();
    if (s.getPos() != position) {
      s.seek(position);
    }
    return s.read(b, off, len);
  }

  private int readDegraded(long position, byte[] b, int off, int len, long groupStart,
      long groupEnd) throws IOException {
    int n = window.copy(position, b, off, len);
    if (n > 0) {
      return n;
    }
    if (window.fill(degraded, path, position, groupStart, groupEnd) == 0) {
      throw new EOFException("no bytes of " + path + " at " + position);
    }
    return window.copy(position, b, off, len);
  }

  @Override
  public synchronized void seek(long target) throws IOException {
    checkOpen();
    if (target < 0 || target > length) {
      throw new EOFException("cannot seek " + path + " to " + target + " (length " + length + ")");
    }
    pos = target;
  }

  @Override
  public synchronized long getPos() {
    return pos;
  }

  @Override
  public boolean seekToNewSource(long targetPos) {
    return false;
  }

  @Override
  public synchronized int available() throws IOException {
    checkOpen();
    return (int) Math.min(Integer.MAX_VALUE, length - pos);
  }

  private synchronized FSDataInputStream stock() throws IOException {
    if (stock == null) {
      stock = opener.open();
    }
    return stock;
  }

  /** Drops the stock stream after a failure: a later stock read starts from a fresh one. */
  private synchronized void reopen() {
    IOUtils.closeStream(stock);
    stock = null;
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("stream of " + path + " is closed");
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    window.close();
    IOUtils.closeStream(stock);
    degraded.close();
  }
}
