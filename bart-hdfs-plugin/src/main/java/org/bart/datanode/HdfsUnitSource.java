package org.bart.datanode;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo.DatanodeInfoBuilder;
import org.bart.datanode.wide.UnitSource;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.WideUnit;

/**
 * Units read over DataTransferProtocol ({@link ReplicaFetcher}: checksums verified, so a corrupt
 * replica fails the read) and paced by the {@link Link} to their DataNode: nothing for a replica
 * on this node, both agents' bandwidth limits for a remote one.
 */
final class HdfsUnitSource implements UnitSource {

  private final AgentContext ctx;

  HdfsUnitSource(AgentContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Reader open(WideUnit unit, long offset) throws IOException {
    AgentNode node = unit.node();
    if (node == null) {
      throw new BartAgentException("no DataNode given for " + unit.replica());
    }
    // The link first: an unreachable peer agent makes the unit unreadable before any byte moves.
    Link link = link(node);
    ReplicaFetcher.Fetch fetch = ctx.fetcher.open(
        WideReadConverter.toBlock(unit.replica()),
        new DatanodeInfoBuilder().setNodeID(node.datanode()).build(),
        offset, unit.length() - offset);
    return new Reader() {
      @Override
      public long position() {
        return fetch.position();
      }

      @Override
      public int readFully(ByteBuffer dst) throws IOException {
        int got = fetch.readFully(dst);
        link.moved(got);
        return got;
      }

      @Override
      public boolean isRemote() {
        return !link.isLoopback();
      }

      @Override
      public void close() throws IOException {
        fetch.close();
      }
    };
  }

  /** No pacing on this node; both agents' limits to another. */
  private Link link(AgentNode node) throws IOException {
    return node.uuid().equals(ctx.uuid()) ? Link.loopback()
        : Link.fromPeer(ctx.limiter, ctx.peers.of(WideReadConverter.toProto(node)));
  }
}
