package org.bart.namenode.transition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.fs.StorageType;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.hdfs.protocol.LocatedStripedBlock;
import org.apache.hadoop.hdfs.util.StripedBlockUtil;
import org.apache.hadoop.io.erasurecode.ECSchema;
import org.bart.codec.Gf256;
import org.bart.codec.NarrowCodec;
import org.bart.fake.FakeCluster;
import org.bart.fake.FakeInode;
import org.bart.namenode.hdfs.BlockGroup;

/**
 * A tree of RS-LEGACY(6,3) files with 1 KiB cells written into a {@link FakeCluster} as HDFS
 * would have written them: random data, each block group's narrow parity computed from it, and
 * its k + m internal blocks on distinct random DataNodes. It keeps every data unit's bytes (or
 * sizes only) to compare with afterwards, and gives the candidate files discovery would find.
 */
public final class FakeTree {

  static final int K = 6;
  static final int M = 3;
  static final int CELL = 1024;
  static final ErasureCodingPolicy POLICY =
      new ErasureCodingPolicy(new ECSchema("rs-legacy", K, M), CELL, (byte) 64);
  static final String OWNER = "alice";
  static final String GROUP = "analysts";
  static final short MODE = 0640;
  static final String USER_XATTR = "user.origin";

  /** One file as written: its inode id, length, modification time and per group its data units. */
  public static final class Written {
    public final String path;
    final long fileId;
    final long length;
    final long mtime;
    final List<byte[][]> dataUnits = new ArrayList<>();

    Written(String path, long fileId, long length, long mtime) {
      this.path = path;
      this.fileId = fileId;
      this.length = length;
      this.mtime = mtime;
    }
  }

  public final String tree;
  public final List<Written> files = new ArrayList<>();
  private final FakeCluster cluster;
  private final List<CandidateFile> candidates = new ArrayList<>();

  /**
   * Writes {@code groupsPerFile.length} files {@code tree/f0, f1, ...}, file i with {@code
   * groupsPerFile[i]} block groups of 2 to 3 rows.
   */
  public FakeTree(FakeCluster cluster, String tree, int[] groupsPerFile, Random random)
      throws IOException {
    this(cluster, tree, groupsPerFile, null, random);
  }

  /**
   * Writes files {@code tree/f0, f1, ...} whose block group g of file i holds {@code
   * groupBytes[i][g]} bytes: a partial group (under k cells a row) has no internal block for a
   * data unit without bytes, as HDFS writes it.
   */
  FakeTree(FakeCluster cluster, String tree, long[][] groupBytes, Random random)
      throws IOException {
    this(cluster, tree, groupCounts(groupBytes), groupBytes, random);
  }

  private static int[] groupCounts(long[][] groupBytes) {
    int[] counts = new int[groupBytes.length];
    for (int f = 0; f < counts.length; f++) {
      counts[f] = groupBytes[f].length;
    }
    return counts;
  }

  private FakeTree(FakeCluster cluster, String tree, int[] groupsPerFile, long[][] groupBytes,
      Random random) throws IOException {
    this.cluster = cluster;
    this.tree = tree;
    cluster.namespace().addPolicy(POLICY);
    int[][] narrow = NarrowCodec.RS_LEGACY.parityMatrix(K, M);
    for (int f = 0; f < groupsPerFile.length; f++) {
      String path = tree + "/f" + f;
      FakeInode inode = cluster.namespace().createFile(path, OWNER, GROUP, MODE, POLICY,
          3L * CELL);
      inode.xattrs().put(USER_XATTR, ("file " + f).getBytes(StandardCharsets.UTF_8));
      List<BlockGroup> groups = new ArrayList<>();
      List<byte[][]> units = new ArrayList<>();
      long length = 0;
      for (int g = 0; g < groupsPerFile[f]; g++) {
        long numBytes = groupBytes != null ? groupBytes[f][g]
            : (K - 1) * CELL + 1 + random.nextInt(2 * K * CELL);
        FakeInode.Block b = cluster.namespace().addGroup(inode, numBytes);
        byte[][] data = writeGroup(b, numBytes, narrow, random, groups);
        units.add(data);
        length += numBytes;
      }
      Written w = new Written(path, inode.id(), length, inode.mtime());
      w.dataUnits.addAll(units);
      files.add(w);
      candidates.add(new CandidateFile(path, status(w), groups));
    }
  }

  /** Data and parity of one group, stored on k + m distinct random DataNodes. */
  private byte[][] writeGroup(FakeInode.Block b, long numBytes, int[][] narrow, Random random,
      List<BlockGroup> groups) throws IOException {
    List<Integer> nodes = new ArrayList<>();
    for (int i = 0; i < cluster.size(); i++) {
      nodes.add(i);
    }
    Collections.shuffle(nodes, random);
    byte[][] units = new byte[K + M][];
    for (int i = 0; i < K; i++) {
      units[i] = new byte[(int) StripedBlockUtil.getInternalBlockLength(numBytes, CELL, K, i)];
      random.nextBytes(units[i]);
    }
    for (int r = 0; r < M; r++) { // parity cells encode the data cells of their row, zero padded
      units[K + r] = new byte[units[0].length];
      for (int j = 0; j < K; j++) {
        byte[] times = products(narrow[r][j]);
        for (int o = 0; o < units[j].length; o++) {
          units[K + r][o] ^= times[units[j][o] & 0xff];
        }
      }
    }
    for (int i = 0; i < K + M; i++) {
      if (units[i].length > 0) { // an absent data unit: HDFS stores no internal block for it
        cluster.put(nodes.get(i), b.id + i, b.genStamp, units[i]);
      }
    }
    groups.add(locate(cluster, new ExtendedBlock(FakeCluster.POOL, b.id, numBytes, b.genStamp)));
    return java.util.Arrays.copyOf(units, K);
  }

  /** Block groups {@code planned} as the NameNode of {@code cluster} locates them now. */
  static List<BlockGroup> locatedNow(FakeCluster cluster, List<BlockGroup> planned) {
    List<BlockGroup> now = new ArrayList<>();
    for (BlockGroup g : planned) {
      now.add(locate(cluster, g.group()));
    }
    return now;
  }

  /** Block group {@code group} with each internal block where {@code cluster} holds it. */
  private static BlockGroup locate(FakeCluster cluster, ExtendedBlock group) {
    List<Integer> nodes = new ArrayList<>();
    List<Byte> present = new ArrayList<>();
    for (int i = 0; i < K + M; i++) {
      int node = cluster.location(group.getBlockId() + i);
      if (node >= 0) {
        nodes.add(node);
        present.add((byte) i);
      }
    }
    DatanodeInfo[] locations = new DatanodeInfo[nodes.size()];
    byte[] indices = new byte[nodes.size()];
    String[] storages = new String[nodes.size()];
    StorageType[] types = new StorageType[nodes.size()];
    for (int at = 0; at < nodes.size(); at++) {
      locations[at] = cluster.datanode(nodes.get(at));
      indices[at] = present.get(at);
      storages[at] = "storage-" + nodes.get(at);
      types[at] = StorageType.DEFAULT;
    }
    return BlockGroup.of(POLICY, new LocatedStripedBlock(group, locations, storages, types,
        indices, 0, false, null));
  }

  /** {@code c} times every byte value: one table per coefficient instead of a call per byte. */
  private static byte[] products(int c) {
    byte[] t = new byte[256];
    for (int x = 0; x < 256; x++) {
      t[x] = (byte) Gf256.mul(c, x);
    }
    return t;
  }

  private static HdfsFileStatus status(Written w) {
    return new HdfsFileStatus.Builder().length(w.length).isdir(false).blocksize(3L * CELL)
        .mtime(w.mtime).atime(w.mtime).perm(new FsPermission(MODE)).owner(OWNER).group(GROUP)
        .path(w.path.getBytes(StandardCharsets.UTF_8)).fileId(w.fileId).ecPolicy(POLICY)
        .build();
  }

  private FakeTree(FakeCluster cluster, String tree) {
    this.cluster = cluster;
    this.tree = tree;
  }

  /**
   * This tree addressed as a transition addresses it, by its inode ({@code root}, the inode path
   * of {@link #tree}): the same files and candidates, their paths under {@code root}.
   */
  FakeTree rootedAt(String root) {
    FakeTree r = new FakeTree(cluster, root);
    for (int i = 0; i < files.size(); i++) {
      Written w = files.get(i);
      Written moved = new Written(root + w.path.substring(tree.length()), w.fileId, w.length,
          w.mtime);
      moved.dataUnits.addAll(w.dataUnits);
      r.files.add(moved);
      CandidateFile c = candidates.get(i);
      r.candidates.add(new CandidateFile(moved.path, c.status, c.groups));
    }
    return r;
  }

  /** The candidates discovery would find, in path order (a fresh list: planning may drop some). */
  List<CandidateFile> candidates() {
    return new ArrayList<>(candidates);
  }
}
