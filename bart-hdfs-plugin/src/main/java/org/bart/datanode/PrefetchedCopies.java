package org.bart.datanode;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.fs.FileUtil;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.SourceReplicaProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;

/**
 * Narrow parities fetched ahead of their merge (store and forward): the coordinator has each
 * remote source of a merge copied to the merge node as a transfer of its own, when the plan's
 * schedule has room for it on both links, long before the merge's target block can be allocated;
 * the merge then reads the copies locally. A merge's inputs so never hold one another's links,
 * and the parity files' block-by-block allocation no longer orders the transfers.
 *
 * <p>Copies are plain files in this agent's directory under {@code dfs.bart.agent.scratch.dir},
 * written under a temporary name and renamed when complete, removed by the merge that used them
 * and, all of them, when the agent first uses the directory after a start (a crash's leftovers).
 * They carry no checksums of their own: the source's were verified when it was read, and the
 * transition's verify phase recomputes every wide parity from the DataNodes' replicas. Memory:
 * one chunk per fetch.
 */
final class PrefetchedCopies {

  private final AgentContext ctx;
  private final File root;
  private File dir;

  /** @param root the scratch directory shared by the agents of a host (one subdirectory each) */
  PrefetchedCopies(AgentContext ctx, File root) {
    this.ctx = ctx;
    this.root = root;
  }

  /**
   * Copies the replica {@code src} (on another DataNode) here, paced on the link from it.
   *
   * @return TRANSFERRED, or ALREADY_DONE if the copy exists (a retry) or the replica is local
   */
  OpPath fetch(SourceReplicaProto src, OpStats stats) throws IOException {
    BlockProto block = src.getBlock();
    if (ctx.isSelf(src.getNode()) || copyOf(block) != null) {
      return OpPath.ALREADY_DONE;
    }
    File done = file(block);
    File partial = new File(done.getPath() + ".part");
    Link link = Link.fromPeer(ctx.limiter, ctx.peers.of(src.getNode()));
    // The sender's budget for the whole block at once: the coordinator admitted this fetch onto
    // both links, and a throttle call per chunk would only add its latency to every chunk.
    link.reservePeer(block.getNumBytes());
    ByteBuffer chunk = ByteBuffer.allocate(ctx.chunkBytes);
    try (ReplicaFetcher.Fetch in = ctx.fetcher.open(ProtoConverters.toBlock(block),
        ProtoConverters.toDatanodeInfo(src.getNode()));
        FileChannel out = FileChannel.open(partial.toPath(), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      int n;
      while ((n = fill(in, chunk)) > 0) {
        link.movedHere(n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        stats.bytesRead += n;
        stats.bytesReceived += n;
        stats.bytesWritten += n;
      }
    }
    try {
      Files.move(partial.toPath(), done.toPath(), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial.toPath(), done.toPath(), StandardCopyOption.REPLACE_EXISTING);
    }
    return OpPath.TRANSFERRED;
  }

  /** The complete copy of {@code block} here, or null if there is none. */
  File copyOf(BlockProto block) throws IOException {
    File f = file(block);
    return f.length() == block.getNumBytes() && f.isFile() ? f : null;
  }

  /** Removes the copy of {@code block}, if any. */
  void remove(BlockProto block) throws IOException {
    Files.deleteIfExists(file(block).toPath());
  }

  private static int fill(ReplicaFetcher.Fetch in, ByteBuffer chunk) throws IOException {
    chunk.clear();
    int n = in.readFully(chunk);
    chunk.flip();
    return n;
  }

  private File file(BlockProto block) throws IOException {
    return new File(dir(), block.getPoolId() + "_blk_" + block.getBlockId() + "_"
        + block.getGenStamp());
  }

  /** This agent's directory, emptied on first use (the DataNode's id is known only by then). */
  private synchronized File dir() throws IOException {
    if (dir == null) {
      File d = new File(root, ctx.uuid());
      if (d.exists() && !FileUtil.fullyDelete(d)) {
        throw new IOException("cannot empty the agent's scratch directory " + d);
      }
      if (!d.mkdirs()) {
        throw new IOException("cannot create the agent's scratch directory " + d);
      }
      dir = d;
    }
    return dir;
  }
}
