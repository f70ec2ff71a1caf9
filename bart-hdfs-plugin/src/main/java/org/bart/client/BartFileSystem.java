package org.bart.client;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.conf.BartConfigCheck;

/**
 * HDFS as the stock client sees it, except that a transitioned file (data-only EC policy) is
 * opened so that reads survive unavailable blocks by decoding across its wide group. Configure
 * with {@code fs.hdfs.impl = org.bart.client.BartFileSystem} (as ViewDistributedFileSystem and
 * HDFS-RAID's DistributedRaidFileSystem were); everything else is DistributedFileSystem's.
 */
public class BartFileSystem extends DistributedFileSystem {

  private DegradedReads degradedReads;
  /**
   * Decodes the next window of streams read sequentially through their degraded groups, and runs
   * a window's reads of the member's own blocks beside its agent call (unbounded: those tasks
   * wait for one another).
   */
  private final ExecutorService prefetcher = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "bart-degraded-read");
    t.setDaemon(true);
    return t;
  });

  /**
   * Also remembers the current user, as the DFSClient does: degraded reads are made as that user
   * (the NameNode plugin checks that user's permissions), whichever thread reads.
   */
  @Override
  public void initialize(URI uri, Configuration conf) throws IOException {
    super.initialize(uri, conf);
    degradedReads = new DegradedReads(getConf(), UserGroupInformation.getCurrentUser());
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    FSDataInputStream stock = super.open(f, bufferSize);
    String path = makeQualified(f).toUri().getPath();
    HdfsFileStatus st = getClient().getFileInfo(path);
    ErasureCodingPolicy p = st == null ? null : st.getErasureCodingPolicy();
    if (p == null || p.isReplicationPolicy() || p.getNumParityUnits() > 0) {
      return stock; // not transitioned: exactly the stock stream
    }
    long groupBytes = (long) p.getNumDataUnits() * st.getBlockSize();
    int readahead = BartConfigCheck.clientReadahead(getConf());
    StockCells cells = new StockCells(() -> openStock(f, bufferSize));
    KeptPlans plans = degradedReads.plansOf(st.getFileId());
    PluginDegradedSource degraded = new PluginDegradedSource(degradedReads, plans,
        new PartialDecode(cells, prefetcher, degradedReads::decoder, plans.unreadable()), cells);
    return new FSDataInputStream(new WideGroupInputStream(path, st.getLen(), groupBytes, stock,
        () -> openStock(f, bufferSize), degraded, readahead, prefetcher));
  }

  @Override
  public void close() throws IOException {
    prefetcher.shutdown();
    if (degradedReads != null) {
      degradedReads.close();
    }
    super.close();
  }

  /** The stock stream of {@code f}, for {@link WideGroupInputStream} to start over with. */
  private FSDataInputStream openStock(Path f, int bufferSize) throws IOException {
    return super.open(f, bufferSize);
  }
}
