package org.bart.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads several unit files in lock step, one chunk at a time, so that 256 MiB block files are
 * coded in bounded memory. A null path is an absent unit (its buffer stays null). A file that ends
 * early simply supplies a shorter (or empty) chunk; the coders count the missing bytes as zero.
 */
final class UnitFiles implements Closeable {

  private final FileChannel[] channels;
  private final ByteBuffer[] buffers;
  private final long[] sizes;

  UnitFiles(List<Path> paths, int chunk) throws IOException {
    int n = paths.size();
    channels = new FileChannel[n];
    buffers = new ByteBuffer[n];
    sizes = new long[n];
    try {
      for (int i = 0; i < n; i++) {
        if (paths.get(i) != null) {
          channels[i] = FileChannel.open(paths.get(i), StandardOpenOption.READ);
          sizes[i] = channels[i].size();
        }
      }
    } catch (IOException e) {
      close();
      throw e;
    }
    long longest = longest();
    for (int i = 0; i < n; i++) {
      if (channels[i] != null) {
        // No file needs more than its own size: tiny units do not allocate a whole chunk.
        buffers[i] = ByteBuffer.allocate((int) Math.min(chunk, Math.max(longest, 1)));
      }
    }
  }

  /** The longest present file, in bytes: the length of the row. */
  long longest() {
    long longest = 0;
    for (long size : sizes) {
      longest = Math.max(longest, size);
    }
    return longest;
  }

  /** Size of unit i's file (0 when absent). */
  long size(int i) {
    return sizes[i];
  }

  /**
   * Reads the next chunk of every present file into its buffer (position 0, limit = bytes read)
   * and returns the most bytes any file supplied; 0 when every file is exhausted.
   */
  int next() throws IOException {
    int most = 0;
    for (int i = 0; i < channels.length; i++) {
      if (channels[i] == null) {
        continue;
      }
      ByteBuffer b = buffers[i];
      b.clear();
      // FileChannel.read may return fewer bytes than asked before the end of the file.
      int read = 0;
      while (b.hasRemaining() && read >= 0) {
        read = channels[i].read(b);
      }
      b.flip();
      most = Math.max(most, b.remaining());
    }
    return most;
  }

  /** The current chunk of every unit, null for absent ones; the array the coders take. */
  ByteBuffer[] buffers() {
    return buffers;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (FileChannel c : channels) {
      if (c != null) {
        try {
          c.close();
        } catch (IOException e) {
          first = first == null ? e : first;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Writes the whole buffer to the channel. */
  static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }
}
