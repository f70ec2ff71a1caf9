package org.bart.datanode;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.EnumSet;
import org.apache.hadoop.fs.StorageType;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.datatransfer.IOStreamPair;
import org.apache.hadoop.hdfs.protocol.datatransfer.Sender;
import org.apache.hadoop.hdfs.protocol.proto.DataTransferProtos.BlockOpResponseProto;
import org.apache.hadoop.hdfs.protocol.proto.DataTransferProtos.Status;
import org.apache.hadoop.hdfs.protocolPB.PBHelperClient;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.token.Token;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.AgentProtos.MoveRequestProto;
import org.bart.protocol.proto.AgentProtos.OpPath;

/**
 * The move operation: asks the target DataNode, over DataTransferProtocol's replaceBlock, to copy
 * a replica from its source and report it with the source as deletion hint, exactly as the
 * Balancer moves blocks. The DataNodes' balancing throttle applies, and the NameNode deletes the
 * source's replica once the target has reported the copy.
 */
final class ReplicaMove {

  private static final int READ_TIMEOUT_MS = 5 * 60 * 1000;

  private final AgentContext ctx;

  ReplicaMove(AgentContext ctx) {
    this.ctx = ctx;
  }

  OpPath run(MoveRequestProto req, OpStats stats) throws IOException {
    ExtendedBlock block = ProtoConverters.toBlock(req.getBlock());
    DatanodeInfo source = ProtoConverters.toDatanodeInfo(req.getSource());
    DatanodeInfo target = ProtoConverters.toDatanodeInfo(req.getTargetNode());
    String what = "move of " + ProtoConverters.describe(req.getBlock()) + " from "
        + ProtoConverters.describe(req.getSource()) + " to "
        + ProtoConverters.describe(req.getTargetNode());
    Token<BlockTokenIdentifier> token = ctx.internals.blockToken(block,
        EnumSet.of(BlockTokenIdentifier.AccessMode.REPLACE, BlockTokenIdentifier.AccessMode.COPY));
    Socket sock = NetUtils.getDefaultSocketFactory(ctx.conf).createSocket();
    DataOutputStream out = null;
    DataInputStream in = null;
    try {
      NetUtils.connect(sock, NetUtils.createSocketAddr(target.getXferAddr()),
          ctx.internals.socketTimeoutMs());
      sock.setSoTimeout(READ_TIMEOUT_MS);
      IOStreamPair sasl = ctx.internals.saslStreams(sock, block, token, target);
      out = new DataOutputStream(new BufferedOutputStream(sasl.out, 4096));
      in = new DataInputStream(sasl.in);
      new Sender(out).replaceBlock(block, StorageType.DEFAULT, token, source.getDatanodeUuid(),
          source, null);
      out.flush();
      BlockOpResponseProto r = BlockOpResponseProto.parseFrom(PBHelperClient.vintPrefixed(in));
      while (r.getStatus() == Status.IN_PROGRESS) {
        r = BlockOpResponseProto.parseFrom(PBHelperClient.vintPrefixed(in));
      }
      if (r.getStatus() != Status.SUCCESS) {
        throw new BartAgentException(what + " refused: " + r.getStatus() + " " + r.getMessage());
      }
    } finally {
      IOUtils.closeStream(out);
      IOUtils.closeStream(in);
      IOUtils.closeSocket(sock);
    }
    stats.bytesWritten += block.getNumBytes();
    return OpPath.TRANSFERRED;
  }
}
