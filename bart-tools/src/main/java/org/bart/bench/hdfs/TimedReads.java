package org.bart.bench.hdfs;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Whole-file reads with a fixed client buffer, timed and checked byte for byte: the median
 * throughput of a few runs, each on a fresh stream, after one that is not timed.
 */
final class TimedReads {

  private TimedReads() {
  }

  /**
   * MiB/s of reading {@code path} front to back with {@code buffer}-byte reads, the median of
   * {@code runs} after one run that is not timed.
   *
   * @throws IOException if a run returns other bytes than {@code expected}
   */
  static double mibPerSec(FileSystem fs, Path path, byte[] expected, int buffer, int runs)
      throws IOException {
    double[] rates = new double[runs + 1];
    byte[] got = new byte[expected.length];
    byte[] buf = new byte[buffer];
    for (int r = 0; r <= runs; r++) {
      Arrays.fill(got, (byte) 0);
      long start = System.nanoTime();
      try (FSDataInputStream in = fs.open(path)) {
        int done = 0;
        for (int n; (n = in.read(buf, 0, buf.length)) > 0; done += n) {
          System.arraycopy(buf, 0, got, done, n);
        }
        if (done != expected.length) {
          throw new IOException(path + ": read " + done + " of " + expected.length + " bytes");
        }
      }
      double secs = (System.nanoTime() - start) / 1e9;
      if (!Arrays.equals(expected, got)) {
        throw new IOException(path + ": the bytes read differ from those written");
      }
      rates[r] = expected.length / 1048576.0 / secs;
    }
    double[] timed = Arrays.copyOfRange(rates, 1, rates.length); // the first warmed up
    Arrays.sort(timed);
    return timed[runs / 2];
  }
}
