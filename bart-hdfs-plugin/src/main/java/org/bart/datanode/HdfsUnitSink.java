package org.bart.datanode;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo.DatanodeInfoBuilder;
import org.bart.datanode.wide.UnitSink;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;

/**
 * Rebuilt units stored over DataTransferProtocol ({@link ReplicaPusher}: the receiving DataNode
 * verifies checksums, discards a broken push and reports the finished replica), paced by the
 * {@link Link} to the target, with the agent's fault hook after each chunk (operation
 * {@code "rebuild"}).
 */
final class HdfsUnitSink implements UnitSink {

  private final AgentContext ctx;

  HdfsUnitSink(AgentContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public boolean alreadyStored(Replica target, AgentNode node) throws IOException {
    return RemoteTarget.alreadyStored(ctx.peers.of(WideReadConverter.toProto(node)),
        WideReadConverter.toProto(node), WideReadConverter.toProto(target));
  }

  @Override
  public Writer open(Replica target, AgentNode node) throws IOException {
    Link link = link(node);
    ReplicaPusher.Push push = ctx.pusher.open(WideReadConverter.toBlock(target),
        new DatanodeInfoBuilder().setNodeID(node.datanode()).build());
    return new Writer() {
      private long written;

      @Override
      public void write(ByteBuffer data) throws IOException {
        int n = data.remaining();
        link.moved(n);
        push.write(data);
        written += n;
        ctx.faults().afterChunk("rebuild", ctx.uuid(), target.blockId(), written);
      }

      @Override
      public void finish() throws IOException {
        push.finish();
      }

      @Override
      public boolean isRemote() {
        return !link.isLoopback();
      }

      @Override
      public void close() {
        push.close();
      }
    };
  }

  /** No pacing on this node; both agents' limits to another. */
  private Link link(AgentNode node) throws IOException {
    return node.uuid().equals(ctx.uuid()) ? Link.loopback()
        : Link.toPeer(ctx.limiter, ctx.peers.of(WideReadConverter.toProto(node)));
  }
}
