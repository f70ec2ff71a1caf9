package org.bart.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.bart.codec.WideCode;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.OpResultProto;
import org.bart.protocol.proto.AgentProtos.ReadWideRequestProto;
import org.bart.protocol.proto.AgentProtos.ReadWideResponseProto;
import org.bart.protocol.proto.AgentProtos.WideUnitProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.proto.CommonProtos.NodeProto;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;
import org.bart.protocol.wide.WideUnit;

/**
 * The RPC edge of wide reads, both ways: {@code ReadWideRequestProto} and {@code
 * ReadWideResponseProto} to and from the {@code org.bart.protocol.wide} types, and BART's block
 * and node messages to and from {@link Replica} and {@link AgentNode}. The agent converts the
 * request it serves and the result it returns; a caller converts the request it sends and the
 * response it gets. Nothing past this class sees a wide read's protos.
 *
 * <p>Thread-safe. Parsed wide codes are cached per instance: parsing re-checks that the code is
 * MDS, which a stream of reads of one group should not pay per request.
 */
public final class WideReadConverter {

  private final Map<String, WideCode> codes = new ConcurrentHashMap<>();

  /**
   * The domain form of {@code req}.
   *
   * @throws BartAgentException if its wide code does not parse
   */
  public WideReadRequest toRequest(ReadWideRequestProto req) throws BartAgentException {
    WideCode code;
    try {
      code = codes.computeIfAbsent(req.getWideCode(), WideCode::parse);
    } catch (IllegalArgumentException e) {
      throw new BartAgentException("wide read: bad wide code '" + req.getWideCode() + "': "
          + e.getMessage(), e);
    }
    List<WideUnit> units = new ArrayList<>(req.getUnitsCount());
    for (WideUnitProto u : req.getUnitsList()) {
      units.add(toUnit(u));
    }
    // As before this edge existed: a target without a target node names the empty node.
    return new WideReadRequest(code, units, req.getWantedList(), req.getOffset(),
        req.getLength(), req.hasTarget() ? toReplica(req.getTarget()) : null,
        req.hasTarget() ? toNode(req.getTargetNode()) : null, req.getCheck());
  }

  /** The wire form of {@code req}. */
  public static ReadWideRequestProto toProto(WideReadRequest req) {
    ReadWideRequestProto.Builder b = ReadWideRequestProto.newBuilder()
        .setWideCode(req.code().toString()).addAllUnits(toProto(req.units()))
        .addAllWanted(req.wanted()).setOffset(req.offset()).setLength(req.length());
    if (req.isRebuild()) {
      b.setTarget(toProto(req.target()));
      if (req.targetNode() != null) {
        b.setTargetNode(toProto(req.targetNode()));
      }
    }
    if (req.isCheck()) {
      b.setCheck(true);
    }
    return b.build();
  }

  /** The wire form of {@code r}, with the operation's {@code result}. */
  public static ReadWideResponseProto toResponse(WideReadResult r, OpResultProto result) {
    ReadWideResponseProto.Builder b = ReadWideResponseProto.newBuilder().setResult(result);
    for (ByteBuffer data : r.data()) {
      b.addData(ByteString.copyFrom(data.duplicate()));
    }
    return b.addAllDecoded(r.decoded()).build();
  }

  /** The domain form of an agent's answer. */
  public static WideReadResult toResult(ReadWideResponseProto resp) {
    List<ByteBuffer> data = new ArrayList<>(resp.getDataCount());
    for (ByteString d : resp.getDataList()) {
      data.add(d.asReadOnlyByteBuffer());
    }
    OpResultProto r = resp.getResult();
    return new WideReadResult(toPath(r.getPath()), data, new ArrayList<>(resp.getDecodedList()),
        r.getBytesRead(), r.getBytesWritten(), r.getBytesSent(), r.getBytesReceived());
  }

  public static OpPath toProto(WideReadResult.Path path) {
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

  private static WideReadResult.Path toPath(OpPath path) {
    switch (path) {
      case TRANSFERRED:
        return WideReadResult.Path.TRANSFERRED;
      case COMPUTED:
        return WideReadResult.Path.COMPUTED;
      case ALREADY_DONE:
        return WideReadResult.Path.ALREADY_DONE;
      case CHECKED:
        return WideReadResult.Path.CHECKED;
      default:
        throw new IllegalArgumentException("a wide read does not end " + path);
    }
  }

  public static WideUnit toUnit(WideUnitProto u) {
    return new WideUnit(u.getLength(), u.hasBlock() ? toReplica(u.getBlock()) : null,
        u.hasNode() ? toNode(u.getNode()) : null);
  }

  public static List<WideUnitProto> toProto(List<WideUnit> units) {
    List<WideUnitProto> out = new ArrayList<>(units.size());
    for (WideUnit u : units) {
      WideUnitProto.Builder b = WideUnitProto.newBuilder().setLength(u.length());
      if (u.replica() != null) {
        b.setBlock(toProto(u.replica()));
      }
      if (u.node() != null) {
        b.setNode(toProto(u.node()));
      }
      out.add(b.build());
    }
    return out;
  }

  public static Replica toReplica(BlockProto b) {
    return new Replica(b.getPoolId(), b.getBlockId(), b.getGenStamp(), b.getNumBytes());
  }

  public static Replica toReplica(ExtendedBlock b) {
    return new Replica(b.getBlockPoolId(), b.getBlockId(), b.getGenerationStamp(),
        b.getNumBytes());
  }

  public static BlockProto toProto(Replica r) {
    return BlockProto.newBuilder().setPoolId(r.poolId()).setBlockId(r.blockId())
        .setGenStamp(r.genStamp()).setNumBytes(r.numBytes()).build();
  }

  public static ExtendedBlock toBlock(Replica r) {
    return new ExtendedBlock(r.poolId(), r.blockId(), r.numBytes(), r.genStamp());
  }

  public static AgentNode toNode(NodeProto p) {
    return new AgentNode(new DatanodeID(p.getIpAddr(), p.getHostName(), p.getUuid(),
        p.getXferPort(), p.getInfoPort(), p.getInfoSecurePort(), p.getIpcPort()),
        p.hasAgentAddress() ? p.getAgentAddress() : null);
  }

  /** Field by field (not {@link ProtoConverters#toProto(DatanodeID, String)}): keeps an empty uuid. */
  public static NodeProto toProto(AgentNode n) {
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
