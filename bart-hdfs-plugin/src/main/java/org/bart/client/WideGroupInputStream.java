package org.bart.client;

import java.io.EOFException;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.bart.protocol.DegradedReadClient;
import org.bart.protocol.UnreadableRangeException;
import org.bart.protocol.proto.ClientProtos.ReadDegradedResponseProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream of a transitioned file: reads go to the stock striped stream, and a read that fails
 * there (an internal block unavailable, a replica missing or corrupt) is served instead by the
 * BART NameNode plugin, which decodes the range across the file's wide group. Beyond what the
 * wide code can rebuild the read fails with {@link UnreadableRangeException}: never wrong bytes.
 * Stateful and positional reads and seeks behave as on the stock stream. Not thread-safe for
 * stateful reads (like the stock stream); positional reads may run concurrently.
 */
final class WideGroupInputStream extends FSInputStream {

  private static final Logger LOG = LoggerFactory.getLogger(WideGroupInputStream.class);
  private static final int DEGRADED_PIECE = 1024 * 1024;

  private final BartFileSystem fs;
  private final Path file;
  private final int bufferSize;
  private final long length;
  private final String path;
  private FSDataInputStream stock;
  private DegradedReadClient degraded;
  private long pos;
  private boolean closed;

  WideGroupInputStream(BartFileSystem fs, Path file, int bufferSize, FSDataInputStream stock,
      long length, String path) {
    this.fs = fs;
    this.file = file;
    this.bufferSize = bufferSize;
    this.stock = stock;
    this.length = length;
    this.path = path;
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
    int n = read(pos, b, off, len);
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
    len = (int) Math.min(len, length - position);
    try {
      int n = stock().read(position, b, off, len);
      if (n >= 0) {
        return n;
      }
    } catch (UnreadableRangeException e) {
      throw e;
    } catch (IOException e) {
      LOG.info("Read of {} at {} failed on the stock stream ({}); decoding", path, position,
          e.toString());
      reopen();
    }
    return readDegraded(position, b, off, len);
  }

  /** Reads through the BART plugin, decoding; loops until {@code len} bytes or the end. */
  private int readDegraded(long position, byte[] b, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      ReadDegradedResponseProto r = degraded().read(path, position + done,
          Math.min(DEGRADED_PIECE, len - done));
      int n = r.getData().size();
      if (n == 0) {
        break;
      }
      r.getData().copyTo(b, off + done);
      done += n;
    }
    if (done == 0) {
      throw new EOFException("no bytes of " + path + " at " + position);
    }
    return done;
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
      stock = fs.openStock(file, bufferSize);
    }
    return stock;
  }

  /** Drops the stock stream after a failure: the next read starts from a fresh one. */
  private synchronized void reopen() {
    IOUtils.closeStream(stock);
    stock = null;
  }

  private synchronized DegradedReadClient degraded() throws IOException {
    if (degraded == null) {
      degraded = DegradedReadClient.connect(fs.getConf());
    }
    return degraded;
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("stream of " + path + " is closed");
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    IOUtils.closeStream(stock);
    if (degraded != null) {
      degraded.close();
    }
  }
}
