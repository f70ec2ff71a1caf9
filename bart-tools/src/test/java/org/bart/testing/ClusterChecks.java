package org.bart.testing;

import java.util.Set;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.client.HdfsClientConfigKeys;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.bart.demo.EmbeddedCluster;

/** Checks on an embedded cluster shared by the transition tests. */
public final class ClusterChecks {

  private ClusterChecks() {
  }

  /** The file's COMPOSITE_CRC checksum, which does not depend on its block layout. */
  public static FileChecksum compositeCrc(EmbeddedCluster cluster, String path) throws Exception {
    HdfsConfiguration conf = new HdfsConfiguration(cluster.conf());
    conf.set(HdfsClientConfigKeys.DFS_CHECKSUM_COMBINE_MODE_KEY, "COMPOSITE_CRC");
    try (DistributedFileSystem fs = (DistributedFileSystem) DistributedFileSystem.newInstance(
        cluster.dfs().getUri(), conf)) {
      return fs.getFileChecksum(new Path(path));
    }
  }

  /** Whether no DataNode holds a replica of any of {@code ids}. */
  public static boolean noReplicaOf(EmbeddedCluster cluster, Set<Long> ids) {
    String pool = cluster.mini().getNamesystem().getBlockPoolId();
    for (DataNode dn : cluster.mini().getDataNodes()) {
      for (long id : ids) {
        if (dn.getFSDataset().getReplica(pool, id) != null) {
          return false;
        }
      }
    }
    return true;
  }
}
