package org.bart.fake;

import org.apache.hadoop.fs.StorageType;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo.DatanodeInfoBuilder;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedStripedBlock;
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.bart.namenode.hdfs.BlockGroup;

/** RS(6,3) block groups located as a NameNode could list them, without a cluster. */
public final class LocatedGroups {

  public static final ErasureCodingPolicy RS_6_3 =
      SystemErasureCodingPolicies.getByID(SystemErasureCodingPolicies.RS_6_3_POLICY_ID);

  private LocatedGroups() {
  }

  /**
   * A group of {@code bytes} whose listed copy {@code at} is internal block {@code indices[at]}
   * on DataNode {@code nodes[at]} (uuid "dn-N", address 10.0.0.N:9866).
   */
  public static BlockGroup rs63(byte[] indices, int[] nodes, long bytes) {
    DatanodeInfo[] locations = new DatanodeInfo[indices.length];
    String[] storages = new String[indices.length];
    StorageType[] types = new StorageType[indices.length];
    for (int at = 0; at < indices.length; at++) {
      locations[at] = new DatanodeInfoBuilder().setNodeID(new DatanodeID("10.0.0." + nodes[at],
          "host" + nodes[at], "dn-" + nodes[at], 9866, 9864, 9865, 9867)).build();
      storages[at] = "storage-" + nodes[at];
      types[at] = StorageType.DEFAULT;
    }
    ExtendedBlock group = new ExtendedBlock("bp", -1024L, bytes, 1001L);
    return BlockGroup.of(RS_6_3, new LocatedStripedBlock(group, locations, storages, types,
        indices, 0, false, null));
  }
}
