package org.bart.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.server.namenode.FSNamesystem;
import org.apache.hadoop.hdfs.tools.DFSck;

/** What the NameNode says about the health of an (embedded) cluster. */
public final class ClusterHealth {

  public final long missing;
  public final long corrupt;
  public final long lowRedundancy;
  public final long pendingDeletion;

  private ClusterHealth(FSNamesystem fsn) {
    this.missing = fsn.getMissingBlocksCount();
    this.corrupt = fsn.getCorruptReplicaBlocks();
    this.lowRedundancy = fsn.getLowRedundancyBlocks();
    this.pendingDeletion = fsn.getPendingDeletionBlocks();
  }

  public static ClusterHealth of(FSNamesystem fsn) {
    return new ClusterHealth(fsn);
  }

  /** No missing, corrupt or low-redundancy block. */
  public boolean isClean() {
    return missing == 0 && corrupt == 0 && lowRedundancy == 0;
  }

  @Override
  public String toString() {
    return "missing=" + missing + " corrupt=" + corrupt + " lowRedundancy=" + lowRedundancy
        + " pendingDeletion=" + pendingDeletion;
  }

  /** The output of {@code hdfs fsck PATH}. */
  public static String fsck(Configuration conf, String path) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(buf, true, "UTF-8")) {
      new DFSck(conf, out).run(new String[] {path});
    }
    return new String(buf.toByteArray(), StandardCharsets.UTF_8);
  }

  /** Whether fsck says the tree is healthy. */
  public static boolean fsckHealthy(Configuration conf, String path) throws IOException {
    return fsck(conf, path).contains("is HEALTHY");
  }
}
