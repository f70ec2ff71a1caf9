package org.bart.datanode;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.hadoop.io.IOUtils;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.proto.CommonProtos.NodeProto;

/**
 * The open source replicas of one computing operation (a merge's narrow parities, a re-encode's
 * data units), local or remote, read in lockstep chunks with checksums verified, each through the
 * bandwidth limit of its link. An absent source (null block: a shortened stripe's missing unit)
 * reads as empty, which the coders count as zeros. A source fetched ahead to this node by the
 * stage ({@link PrefetchedCopies}) is read from that copy when the caller allows it. Memory: one
 * chunk per source.
 */
final class SourceChunks implements Closeable {

  private final ReplicaFetcher.Fetch[] fetches;
  private final FileChannel[] copies;
  private final Link[] links;
  private final ByteBuffer[] buffers;
  private final OpStats stats;

  /**
   * Opens {@code blocks.get(i)} on {@code nodes.get(i)}, or its copy fetched ahead if there is one
   * and {@code useCopies}; a null block is an absent source.
   */
  SourceChunks(AgentContext ctx, List<BlockProto> blocks, List<NodeProto> nodes,
      boolean useCopies, OpStats stats) throws IOException {
    this.stats = stats;
    int n = blocks.size();
    fetches = new ReplicaFetcher.Fetch[n];
    copies = new FileChannel[n];
    links = new Link[n];
    buffers = new ByteBuffer[n];
    try {
      for (int s = 0; s < n; s++) {
        buffers[s] = ByteBuffer.allocate(blocks.get(s) == null ? 0 : ctx.chunkBytes);
        if (blocks.get(s) == null) {
          continue;
        }
        File copy = useCopies ? ctx.copies.copyOf(blocks.get(s)) : null;
        if (copy != null) {
          copies[s] = FileChannel.open(copy.toPath(), StandardOpenOption.READ);
          links[s] = Link.loopback();
          continue;
        }
        NodeProto node = nodes.get(s);
        links[s] = ctx.isSelf(node)
            ? Link.loopback() : Link.fromPeer(ctx.limiter, ctx.peers.of(node));
        fetches[s] = ctx.fetcher.open(ProtoConverters.toBlock(blocks.get(s)),
            ProtoConverters.toDatanodeInfo(node));
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The next {@code n} bytes of every source (fewer, down to none, past a source's end). */
  ByteBuffer[] next(int n) throws IOException {
    for (int s = 0; s < fetches.length; s++) {
      buffers[s].clear();
      if (fetches[s] == null && copies[s] == null) {
        buffers[s].limit(0);
        continue;
      }
      buffers[s].limit(n);
      int got = copies[s] != null ? readFully(copies[s], buffers[s])
          : fetches[s].readFully(buffers[s]);
      buffers[s].flip();
      links[s].moved(got);
      stats.bytesRead += got;
      if (!links[s].isLoopback()) {
        stats.bytesReceived += got;
      }
    }
    return buffers;
  }

  @Override
  public void close() {
    for (ReplicaFetcher.Fetch f : fetches) {
      IOUtils.closeStream(f);
    }
    for (FileChannel c : copies) {
      IOUtils.closeStream(c);
    }
  }

  private static int readFully(FileChannel in, ByteBuffer dst) throws IOException {
    int start = dst.position();
    while (dst.hasRemaining() && in.read(dst) >= 0) {
      // until the chunk is full or the copy ends
    }
    return dst.position() - start;
  }
}
