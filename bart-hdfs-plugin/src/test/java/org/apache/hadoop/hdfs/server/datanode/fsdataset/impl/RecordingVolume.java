package org.apache.hadoop.hdfs.server.datanode.fsdataset.impl;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.server.common.Storage.StorageDirectory;
import org.apache.hadoop.hdfs.server.datanode.StorageLocation;

/**
 * A volume of no dataset that records what the relabel accounts on it. In Hadoop's package
 * because only there can a test call FsVolumeImpl's constructor and override the package-private
 * method BART reaches by reflection.
 */
public final class RecordingVolume extends FsVolumeImpl {

  /** "pool +bytes" for each call of incDfsUsedAndNumBlocks, in order. */
  public final List<String> added = new ArrayList<>();

  public RecordingVolume(File dir) throws IOException {
    super(null, "bart-test", new StorageDirectory(StorageLocation.parse(dir.toString())), null,
        new Configuration(false));
  }

  /** None: the real one asks the (absent) dataset's DataNode for its size. */
  @Override
  protected ThreadPoolExecutor initializeCacheExecutor(File parent) {
    return null;
  }

  @Override
  void incDfsUsedAndNumBlocks(String bpid, long value) {
    added.add(bpid + " +" + value);
  }
}
