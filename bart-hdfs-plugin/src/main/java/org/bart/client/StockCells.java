package org.bart.client;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.io.IOUtils;

/**
 * A degraded stream's positional reads of the member's own data blocks on the stock path: a stock
 * stream of its own, opened on first use, so that its reader's failures (and the DataNodes it
 * then knows dead) are not the stream's. A positional read of the stock striped stream within one
 * cell reads only that cell's internal block, whatever the other blocks' state (Hadoop 3.3's
 * {@code DFSStripedInputStream.fetchBlockByteRange}); with a data-only policy an unreadable block
 * fails the read. Thread-safe.
 */
final class StockCells implements PartialDecode.OwnCells, Closeable {

  private final WideGroupInputStream.StockOpener opener;
  private FSDataInputStream in;
  private boolean closed;

  StockCells(WideGroupInputStream.StockOpener opener) {
    this.opener = opener;
  }

  @Override
  public void readFully(long position, byte[] b, int off, int len) throws IOException {
    stream().readFully(position, b, off, len);
  }

  private synchronized FSDataInputStream stream() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (in == null) {
      in = opener.open();
    }
    return in;
  }

  @Override
  public synchronized void close() {
    closed = true;
    IOUtils.closeStream(in);
    in = null;
  }
}
