package org.bart.client;

/**
 * The last range a stream decoded, kept so that the reads that follow (a 4 KiB buffer walking a
 * block group) are served from memory instead of one decode each. Thread-safe.
 */
final class DecodedWindow {

  private final byte[] data;
  private long start = -1;
  private int filled;

  DecodedWindow(int capacity) {
    this.data = new byte[capacity];
  }

  int capacity() {
    return data.length;
  }

  /**
   * Copies the window's bytes at {@code position} (up to {@code len}) into {@code b[off..]}.
   *
   * @return the bytes copied, 0 if the window does not hold {@code position}
   */
  synchronized int copy(long position, byte[] b, int off, int len) {
    if (start < 0 || position < start || position >= start + filled) {
      return 0;
    }
    int n = (int) Math.min(len, start + filled - position);
    System.arraycopy(data, (int) (position - start), b, off, n);
    return n;
  }

  /**
   * Refills the window with {@code source}'s bytes of {@code path} from {@code position}: at most
   * {@code max} (and the window's capacity), fewer at the end of the file.
   *
   * @return the bytes now held, 0 at the end of the file
   */
  synchronized int fill(DegradedSource source, String path, long position, long max)
      throws java.io.IOException {
    start = -1;
    int want = (int) Math.min(data.length, max);
    int n = 0;
    while (n < want) {
      int got = source.read(path, position + n, data, n, want - n);
      if (got == 0) {
        break;
      }
      n += got;
    }
    start = position;
    filled = n;
    return n;
  }
}
