package org.bart.bench.hdfs;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.client.HdfsClientConfigKeys;

/**
 * The composite-CRC checksums of a list of files. A composite CRC depends only on a file's bytes,
 * not on its block layout or EC policy, so the checksums of the RS(6,3) originals and of their
 * data-only replacements are equal exactly when every byte is; the DataNodes compute them from
 * the blocks' stored CRCs, so no file is read through the client.
 */
final class TreeChecksums {

  private final URI fs;
  private final Configuration conf;
  private final int threads;

  TreeChecksums(URI fs, Configuration clusterConf, int threads) {
    this.fs = fs;
    this.conf = new Configuration(clusterConf);
    this.conf.set(HdfsClientConfigKeys.DFS_CHECKSUM_COMBINE_MODE_KEY, "COMPOSITE_CRC");
    this.threads = threads;
  }

  /** Each file's checksum, by path. */
  Map<Path, FileChecksum> of(List<Path> files) throws Exception {
    Map<Path, FileChecksum> sums = new ConcurrentHashMap<>();
    try (FileSystem fs = FileSystem.newInstance(this.fs, conf)) {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (Path p : files) {
        tasks.add(() -> {
          FileChecksum c = fs.getFileChecksum(p);
          if (c == null) {
            throw new IOException("no checksum for " + p);
          }
          sums.put(p, c);
          return null;
        });
      }
      TreeWriter.runAll(tasks, threads);
    }
    return sums;
  }

  /** How many of {@code files} have the same checksum in {@code after} as in {@code before}. */
  static int equal(List<Path> files, Map<Path, FileChecksum> before,
      Map<Path, FileChecksum> after) {
    int n = 0;
    for (Path p : files) {
      n += before.get(p).equals(after.get(p)) ? 1 : 0;
    }
    return n;
  }
}
