package org.bart.datanode;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.hdfs.protocol.Block;
import org.apache.hadoop.hdfs.server.datanode.ReplicaInfo;
import org.apache.hadoop.hdfs.server.datanode.fsdataset.FsVolumeSpi;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a local finalized replica a second name (new block id and genstamp) without copying its
 * bytes: hard links of the block file and then the meta file (named with the new genstamp) in the
 * finalized directory of the replica's own volume, registered with the dataset, accounted in the
 * volume's used space and reported to the NameNode. Falls back to a copy where a link is
 * impossible. See reference/relabel-notes.md for why each step is as it is.
 */
final class Relabeler {

  private static final Logger LOG = LoggerFactory.getLogger(Relabeler.class);

  private final DataNodeInternals dn;
  private final LocalReplicas replicas;

  Relabeler(DataNodeInternals dn, LocalReplicas replicas) {
    this.dn = dn;
    this.replicas = replicas;
  }

  /**
   * Stores the local replica {@code source} also as {@code target}.
   *
   * @return LINKED, COPIED, or ALREADY_DONE when {@code target} exists already (a retry)
   * @throws BartAgentException if the source is missing or differs, or the target id is taken
   */
  OpPath relabel(BlockProto source, BlockProto target) throws IOException {
    ReplicaInfo src = replicas.requireFinalized(source);
    if (target.getNumBytes() != source.getNumBytes()) {
      throw new BartAgentException("relabel " + ProtoConverters.describe(source) + " as "
          + ProtoConverters.describe(target) + " on DataNode " + dn.displayName()
          + ": lengths differ");
    }
    if (replicas.alreadyStored(target)) {
      replicas.reportToNameNode(target); // the NameNode may not have heard of it before a crash
      return OpPath.ALREADY_DONE;
    }
    FsVolumeSpi vol = DataNodeInternals.volume(src);
    String pool = target.getPoolId();
    long id = target.getBlockId();
    // Same volume as the source: a hard link cannot cross file systems.
    File dir = dn.finalizedBlockDir(vol, pool, id);
    String blockName = Block.BLOCK_FILE_PREFIX + id;
    String metaName = DataNodeInternals.metaName(blockName, target.getGenStamp());
    Files.createDirectories(dir.toPath());
    File srcBlock = DataNodeInternals.blockFile(src);
    File srcMeta = DataNodeInternals.metaFile(src);
    // Block file first: a scanner that finds a meta file without its block file deletes it.
    boolean linked = place(srcBlock.toPath(), dir.toPath().resolve(blockName));
    linked &= place(srcMeta.toPath(), dir.toPath().resolve(metaName));

    dn.registerFinalized(pool, id, dir, blockName, metaName, vol);
    ReplicaInfo added = replicas.requireFinalized(target);
    DataNodeInternals.addDfsUsed(vol, pool, srcBlock.length() + srcMeta.length());
    dn.reportReceived(ProtoConverters.toBlock(target), added);
    return linked ? OpPath.LINKED : OpPath.COPIED;
  }

  /** Links (or, failing that, copies) {@code src} to {@code dst}; true if linked. */
  private static boolean place(Path src, Path dst) throws IOException {
    if (Files.exists(dst)) {
      if (Files.isSameFile(src, dst)) {
        return true;
      }
      Files.delete(dst); // a stray of an earlier attempt that crashed: the id is ours
    }
    try {
      Files.createLink(dst, src);
      return true;
    } catch (UnsupportedOperationException | FileSystemException e) {
      LOG.info("Cannot link {} to {} ({}); copying", src, dst, e.toString());
      Path tmp = dst.resolveSibling(dst.getFileName() + ".bart-copy");
      Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE);
      return false;
    }
  }
}
