package org.bart.client;

import java.io.Closeable;
import java.io.IOException;

/** Bytes of a transitioned file decoded across its wide group (planned by the NameNode plugin, read by an agent). */
interface DegradedSource extends Closeable {

  /**
   * Reads up to {@code length} bytes of {@code path} at {@code offset} into {@code b[off..]}.
   *
   * @return the bytes read: at least 1, or 0 at the end of the file
   * @throws org.bart.protocol.UnreadableRangeException if more blocks are lost than the wide
   *     code rebuilds
   */
  int read(String path, long offset, byte[] b, int off, int length) throws IOException;

  /**
   * File bytes of one row of the block group holding {@code offset} (k cells: one cell of each
   * data block). A decode reads whole rows of every unit, so reads of whole rows waste nothing.
   *
   * @throws IOException if the file has no block group at {@code offset}
   */
  long rowBytes(String path, long offset) throws IOException;
}
