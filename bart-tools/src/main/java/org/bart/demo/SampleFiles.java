package org.bart.demo;

import java.io.IOException;
import java.util.Random;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.io.IOUtils;

/** Files of seeded random bytes, written and read with the stock HDFS client. */
public final class SampleFiles {

  private SampleFiles() {
  }

  /** {@code length} bytes from a generator seeded with {@code seed}. */
  public static byte[] randomBytes(long seed, int length) {
    byte[] b = new byte[length];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Writes {@code data} to a new file {@code path} (with its directory's EC policy). */
  public static void write(DistributedFileSystem dfs, Path path, byte[] data) throws IOException {
    try (FSDataOutputStream out = dfs.create(path, false)) {
      out.write(data);
    }
  }

  /** The whole content of {@code path}. */
  public static byte[] read(DistributedFileSystem dfs, Path path) throws IOException {
    int len = (int) dfs.getFileStatus(path).getLen();
    byte[] b = new byte[len];
    try (FSDataInputStream in = dfs.open(path)) {
      IOUtils.readFully(in, b, 0, len);
    }
    return b;
  }
}
