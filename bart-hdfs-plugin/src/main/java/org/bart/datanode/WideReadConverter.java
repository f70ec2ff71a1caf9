package org.bart.datanode;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.bart.codec.WideCode;
import org.bart.datanode.wide.AgentNode;
import org.bart.datanode.wide.Replica;
import org.bart.datanode.wide.WideReadRequest;
import org.bart.datanode.wide.WideReadResult;
import org.bart.datanode.wide.WideUnit;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.OpResultProto;
import org.bart.protocol.proto.AgentProtos.ReadWideRequestProto;
import org.bart.protocol.proto.AgentProtos.ReadWideResponseProto;
import org.bart.protocol.proto.AgentProtos.WideUnitProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.proto.CommonProtos.NodeProto;

/**
 * The agent's RPC edge for wide reads: converts {@code ReadWideRequestProto} into a
 * {@link WideReadRequest} and a {@link WideReadResult} into a {@code ReadWideResponseProto}, and
 * BART's block and node messages into the wide read's {@link Replica} and {@link AgentNode} and
 * back. It lives here rather than in {@code org.bart.protocol} because the wide read's domain
 * types depend on that package (for {@link BartAgentException}); the reverse would be a cycle.
 *
 * <p>Thread-safe. Parsed wide codes are cached: parsing re-checks that the code is MDS, which a
 * stream of reads of one group should not pay per request.
 */
final class WideReadConverter {

  private final Map<String, WideCode> codes = new ConcurrentHashMap<>();

  /**
   * The domain form of {@code req}.
   *
   * @throws BartAgentException if its wide code does not parse
   */
  WideReadRequest toRequest(ReadWideRequestProto req) throws BartAgentException {
    WideCode code;
    try {
      code = codes.computeIfAbsent(req.getWideCode(), WideCode::parse);
    } catch (IllegalArgumentException e) {
      throw new BartAgentException("wide read: bad wide code '" + req.getWideCode() + "': "
          + e.getMessage(), e);
    }
    List<WideUnit> units = new ArrayList<>(req.getUnitsCount());
    for (WideUnitProto u : req.getUnitsList()) {
      units.add(new WideUnit(u.getLength(), u.hasBlock() ? toReplica(u.getBlock()) : null,
          u.hasNode() ? toNode(u.getNode()) : null));
    }
    // As before the edge existed: a target without a target node names the empty node.
    return new WideReadRequest(code, units, req.getWantedList(), req.getOffset(),
        req.getLength(), req.hasTarget() ? toReplica(req.getTarget()) : null,
        req.hasTarget() ? toNode(req.getTargetNode()) : null, req.getCheck());
  }

  /** The wire form of {@code r}, with the operation's {@code result}. */
  static ReadWideResponseProto toResponse(WideReadResult r, OpResultProto result) {
    ReadWideResponseProto.Builder b = ReadWideResponseProto.newBuilder().setResult(result);
    for (ByteBuffer data : r.data()) {
      b.addData(ByteString.copyFrom(data.duplicate()));
    }
    return b.addAllDecoded(r.decoded()).build();
  }

  static OpPath toProto(WideReadResult.Path path) {
    switch (path) {
      case TRANSFERRED:
        return OpPath.TRANSFERRED;
      case COMPUTED:
        return OpPath.COMPUTED;
      case ALREADY_DONE:
        return OpPath.ALREADY_DONE;
      case CHECKED:
        return OpPath.CHECKED;
      default:
        throw new IllegalArgumentException("no OpPath for " + path);
    }
  }

  static Replica toReplica(BlockProto b) {
    return new Replica(b.getPoolId(), b.getBlockId(), b.getGenStamp(), b.getNumBytes());
  }

  static BlockProto toProto(Replica r) {
    return BlockProto.newBuilder().setPoolId(r.poolId()).setBlockId(r.blockId())
        .setGenStamp(r.genStamp()).setNumBytes(r.numBytes()).build();
  }

  static ExtendedBlock toBlock(Replica r) {
    return new ExtendedBlock(r.poolId(), r.blockId(), r.numBytes(), r.genStamp());
  }

  static AgentNode toNode(NodeProto p) {
    return new AgentNode(new DatanodeID(p.getIpAddr(), p.getHostName(), p.getUuid(),
        p.getXferPort(), p.getInfoPort(), p.getInfoSecurePort(), p.getIpcPort()),
        p.hasAgentAddress() ? p.getAgentAddress() : null);
  }

  static NodeProto toProto(AgentNode n) {
    DatanodeID d = n.datanode();
    NodeProto.Builder b = NodeProto.newBuilder().setUuid(n.uuid()).setIpAddr(d.getIpAddr())
        .setHostName(d.getHostName()).setXferPort(d.getXferPort()).setInfoPort(d.getInfoPort())
        .setInfoSecurePort(d.getInfoSecurePort()).setIpcPort(d.getIpcPort());
    if (n.agentAddress() != null) {
      b.setAgentAddress(n.agentAddress());
    }
    return b.build();
  }
}
