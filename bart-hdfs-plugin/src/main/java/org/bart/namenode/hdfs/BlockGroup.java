package org.bart.namenode.hdfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hdfs.DFSClient;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.HdfsLocatedFileStatus;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedBlocks;
import org.apache.hadoop.hdfs.protocol.LocatedStripedBlock;
import org.apache.hadoop.hdfs.util.StripedBlockUtil;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.ipc.RetriableException;

/**
 * One block group of an erasure-coded file as the NameNode reports it: for each internal block
 * index (data 0..k-1, then parity k..k+m-1), the internal block with its exact length and the
 * DataNodes holding it (none where the NameNode knows no replica).
 */
public final class BlockGroup {

  private final ErasureCodingPolicy policy;
  private final LocatedStripedBlock located;
  private final LocatedBlock[] internal;

  private BlockGroup(ErasureCodingPolicy policy, LocatedStripedBlock located) {
    this.policy = policy;
    this.located = located;
    this.internal = StripedBlockUtil.parseStripedBlockGroup(located, policy.getCellSize(),
        policy.getNumDataUnits(), policy.getNumParityUnits());
  }

  /**
   * The block groups of the striped file {@code path}, in file order.
   *
   * @throws IOException if the file is not erasure coded
   */
  public static List<BlockGroup> of(DFSClient client, String path) throws IOException {
    LocatedBlocks lbs = locateAll(client, path);
    ErasureCodingPolicy policy = lbs.getErasureCodingPolicy();
    if (policy == null) {
      throw new IOException(path + " is not erasure coded");
    }
    List<BlockGroup> groups = new ArrayList<>();
    for (LocatedBlock lb : lbs.getLocatedBlocks()) {
      groups.add(of(policy, (LocatedStripedBlock) lb));
    }
    return groups;
  }

  /** How the NameNode's safe-mode refusal is named over RPC (a NameNode-internal class). */
  private static final String SAFE_MODE_EXCEPTION =
      "org.apache.hadoop.hdfs.server.namenode.SafeModeException";

  /**
   * Every block of {@code path} with its locations, as {@code getLocatedBlocks} lists them (live
   * replicas first), also in safe mode: there the NameNode refuses {@code getBlockLocations} of a
   * file with a block no DataNode reported ("Zero blocklocations"), which is exactly what a
   * restarted NameNode must look at to know whether BART can rebuild it; {@code
   * getLocatedFileInfo} does not refuse.
   *
   * @throws FileNotFoundException if {@code path} does not exist
   */
  public static LocatedBlocks locateAll(DFSClient client, String path) throws IOException {
    try {
      return client.getLocatedBlocks(path, 0, Long.MAX_VALUE);
    } catch (RemoteException e) {
      String refusal = e.getClassName();
      if (!refusal.equals(SAFE_MODE_EXCEPTION)
          && !refusal.equals(RetriableException.class.getName())) {
        throw e;
      }
    }
    HdfsLocatedFileStatus st = client.getLocatedFileInfo(path, false);
    if (st == null) {
      throw new FileNotFoundException(path + " does not exist");
    }
    return st.getLocatedBlocks();
  }

  /** The block group {@code located} of a file of {@code policy}, as the NameNode located it. */
  public static BlockGroup of(ErasureCodingPolicy policy, LocatedStripedBlock located) {
    return new BlockGroup(policy, located);
  }

  public ErasureCodingPolicy policy() {
    return policy;
  }

  /** The group itself: its id (internal block i has id + i), genstamp and data size. */
  public ExtendedBlock group() {
    return located.getBlock();
  }

  /** Number of internal blocks: k + m. */
  public int width() {
    return internal.length;
  }

  /** Internal block {@code i} with its exact length, or null if no replica is known. */
  public ExtendedBlock block(int i) {
    return internal[i] == null ? null : internal[i].getBlock();
  }

  /** A DataNode holding internal block {@code i}, or null if none is known. */
  public DatanodeInfo node(int i) {
    return internal[i] == null || internal[i].getLocations().length == 0
        ? null : internal[i].getLocations()[0];
  }

  /** Internal block {@code i} as it should be (id, genstamp, length), known replica or not. */
  public ExtendedBlock expectedBlock(int i) {
    ExtendedBlock g = group();
    return new ExtendedBlock(g.getBlockPoolId(), g.getBlockId() + i, internalLength(i),
        g.getGenerationStamp());
  }

  /**
   * Every DataNode the NameNode knows to hold internal block {@code i}, in its order ({@link
   * #node} first). More than one while the NameNode has not yet deleted an extra copy, e.g. of a
   * block rebuilt while its DataNode was down, which came back with it: HDFS's own parsing of a
   * block group ({@code parseStripedBlockGroup}) keeps only the first.
   */
  public List<DatanodeInfo> nodes(int i) {
    List<DatanodeInfo> out = new ArrayList<>();
    DatanodeInfo[] locations = located.getLocations();
    byte[] indices = located.getBlockIndices();
    for (int at = 0; at < locations.length; at++) {
      if (indices[at] == i) {
        out.add(locations[at]);
      }
    }
    return out;
  }

  /**
   * Whether internal block {@code i} is an absent data block: a partial group (a small file, a
   * file's tail) has no internal block for a data unit without bytes, which the wide code counts
   * as zeros.
   */
  public boolean isAbsent(int i) {
    return i < policy.getNumDataUnits() && internalLength(i) == 0;
  }

  /** Whether every internal block (absent ones aside) has a known replica. */
  public boolean isComplete() {
    for (int i = 0; i < internal.length; i++) {
      if (node(i) == null && !isAbsent(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the NameNode lists exactly one replica of each internal block (no excess copy). */
  public boolean hasOneReplicaPerBlock() {
    byte[] indices = located.getBlockIndices();
    java.util.BitSet seen = new java.util.BitSet();
    for (byte i : indices) {
      if (seen.get(i)) {
        return false;
      }
      seen.set(i);
    }
    int present = 0;
    for (int i = 0; i < internal.length; i++) {
      present += isAbsent(i) ? 0 : 1;
    }
    return indices.length == present;
  }

  /** Expected length of internal block {@code i} given the group's data size. */
  public long internalLength(int i) {
    return StripedBlockUtil.getInternalBlockLength(group().getNumBytes(), policy, i);
  }
}
