package org.bart.bench.hdfs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.client.HdfsClientConfigKeys;
import org.bart.demo.SampleFiles;

/**
 * Writes a tree of erasure-coded files of whole block groups, {@code writers} files at a time:
 * a striped write is mostly waiting (a block group allocated by the NameNode, a pipeline to each
 * of its DataNodes, the blocks reported back), so parallel writers fill the machine. Its own
 * client asks again for a file's completion (or its next block) 10 ms after the NameNode said
 * "not yet" instead of the default 400 ms: with one-cell blocks that wait, not the bytes, would
 * set the write time (the NameNode's configuration and the coordinator's client are left as they
 * are). Each file's bytes are seeded by its index; the method returns once the NameNode knows
 * every block.
 */
final class TreeWriter {

  private static final int COMPLETE_FIRST_RETRY_MS = 10;
  private static final int COMPLETE_RETRIES = 12;

  private final URI fs;
  private final Configuration conf;
  private final int writers;
  private final long seed;

  TreeWriter(URI fs, Configuration clusterConf, int writers, long seed) {
    this.fs = fs;
    this.conf = new Configuration(clusterConf);
    conf.setInt(HdfsClientConfigKeys.BlockWrite.LOCATEFOLLOWINGBLOCK_INITIAL_DELAY_MS_KEY,
        COMPLETE_FIRST_RETRY_MS);
    conf.setInt(HdfsClientConfigKeys.BlockWrite.LOCATEFOLLOWINGBLOCK_RETRIES_KEY,
        COMPLETE_RETRIES);
    this.writers = writers;
    this.seed = seed;
  }

  /**
   * Writes {@code files} files of {@code bytesPerFile} under {@code tree} (whose EC policy is
   * set) and waits until each internal block is reported on one DataNode.
   *
   * @return the paths written
   */
  List<Path> write(Path tree, int files, int bytesPerFile) throws Exception {
    try (DistributedFileSystem dfs = (DistributedFileSystem) FileSystem.newInstance(fs, conf)) {
      return write(dfs, tree, files, bytesPerFile);
    }
  }

  private List<Path> write(DistributedFileSystem dfs, Path tree, int files, int bytesPerFile)
      throws Exception {
    List<Path> paths = new ArrayList<>();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      Path p = new Path(tree, String.format(Locale.ROOT, "file-%05d", i));
      long fileSeed = seed * 1_000_003L + i;
      paths.add(p);
      tasks.add(() -> {
        SampleFiles.write(dfs, p, SampleFiles.randomBytes(fileSeed, bytesPerFile));
        BlocksReported.await(dfs, p.toString());
        return null;
      });
    }
    runAll(tasks, writers);
    return paths;
  }

  /** Runs {@code tasks} on {@code threads} threads; the first failure is thrown. */
  static void runAll(List<? extends Callable<?>> tasks, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Callable<?> t : tasks) {
        futures.add(pool.submit(t));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
