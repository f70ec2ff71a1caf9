package org.bart.namenode.transition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.fs.StorageType;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.hdfs.protocol.LocatedStripedBlock;
import org.bart.fake.FakeCluster;
import org.bart.fake.FakeInode;
import org.bart.namenode.hdfs.BlockGroup;

/**
 * A tree of erasure-coded files of full block groups written into a sizes-only {@link
 * FakeCluster}: no byte is kept, each internal block is {@code blockSize} long and the k + m of a
 * group are on distinct random DataNodes. For simulations at scale.
 */
final class SizedTree {

  private SizedTree() {
  }

  /**
   * Writes {@code files} files {@code tree/fN} of {@code groupsPerFile} groups each.
   *
   * @return the candidates discovery would find, in path order
   */
  static List<CandidateFile> write(FakeCluster cluster, String tree, ErasureCodingPolicy policy,
      int files, int groupsPerFile, long blockSize, SplittableRandom random) throws IOException {
    cluster.namespace().addPolicy(policy);
    int k = policy.getNumDataUnits();
    int width = k + policy.getNumParityUnits();
    List<CandidateFile> candidates = new ArrayList<>(files);
    int digits = String.valueOf(Math.max(files - 1, 0)).length();
    for (int f = 0; f < files; f++) {
      String path = String.format("%s/f%0" + digits + "d", tree, f);
      FakeInode inode = cluster.namespace().createFile(path, "etl", "warehouse", (short) 0644,
          policy, blockSize);
      List<BlockGroup> groups = new ArrayList<>(groupsPerFile);
      for (int g = 0; g < groupsPerFile; g++) {
        FakeInode.Block b = cluster.namespace().addGroup(inode, k * blockSize);
        int[] nodes = distinctNodes(cluster.size(), width, random);
        DatanodeInfo[] locations = new DatanodeInfo[width];
        byte[] indices = new byte[width];
        String[] storages = new String[width];
        StorageType[] types = new StorageType[width];
        for (int i = 0; i < width; i++) {
          cluster.putSize(nodes[i], b.id + i, b.genStamp, blockSize);
          locations[i] = cluster.datanode(nodes[i]);
          indices[i] = (byte) i;
          storages[i] = "storage-" + nodes[i];
          types[i] = StorageType.DEFAULT;
        }
        groups.add(BlockGroup.of(policy, new LocatedStripedBlock(
            new ExtendedBlock(FakeCluster.POOL, b.id, k * blockSize, b.genStamp), locations,
            storages, types, indices, 0, false, null)));
      }
      HdfsFileStatus status = new HdfsFileStatus.Builder().length(groupsPerFile * k * blockSize)
          .isdir(false).blocksize(blockSize).mtime(inode.mtime()).atime(inode.mtime())
          .perm(new FsPermission((short) 0644)).owner("etl").group("warehouse")
          .path(path.getBytes(StandardCharsets.UTF_8)).fileId(inode.id()).ecPolicy(policy)
          .build();
      candidates.add(new CandidateFile(path, status, groups));
    }
    return candidates;
  }

  private static int[] distinctNodes(int n, int count, SplittableRandom random) {
    int[] chosen = new int[count];
    for (int i = 0; i < count; i++) {
      boolean fresh;
      do {
        chosen[i] = random.nextInt(n);
        fresh = true;
        for (int j = 0; j < i; j++) {
          fresh &= chosen[j] != chosen[i];
        }
      } while (!fresh);
    }
    return chosen;
  }
}
