package org.bart.protocol;

import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo.DatanodeInfoBuilder;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.proto.CommonProtos.NodeProto;

/** Conversions between HDFS's block and DataNode types and BART's protocol messages. */
public final class ProtoConverters {

  private ProtoConverters() {
  }

  public static BlockProto toProto(ExtendedBlock b) {
    return BlockProto.newBuilder()
        .setPoolId(b.getBlockPoolId())
        .setBlockId(b.getBlockId())
        .setGenStamp(b.getGenerationStamp())
        .setNumBytes(b.getNumBytes())
        .build();
  }

  public static ExtendedBlock toBlock(BlockProto p) {
    return new ExtendedBlock(p.getPoolId(), p.getBlockId(), p.getNumBytes(), p.getGenStamp());
  }

  /** A DataNode with (optionally) the address of its agent; {@code agentAddress} may be null. */
  public static NodeProto toProto(DatanodeID dn, String agentAddress) {
    NodeProto.Builder b = NodeProto.newBuilder()
        .setUuid(dn.getDatanodeUuid())
        .setIpAddr(dn.getIpAddr())
        .setHostName(dn.getHostName())
        .setXferPort(dn.getXferPort())
        .setInfoPort(dn.getInfoPort())
        .setInfoSecurePort(dn.getInfoSecurePort())
        .setIpcPort(dn.getIpcPort());
    if (agentAddress != null) {
      b.setAgentAddress(agentAddress);
    }
    return b.build();
  }

  public static DatanodeInfo toDatanodeInfo(NodeProto p) {
    return new DatanodeInfoBuilder().setNodeID(new DatanodeID(p.getIpAddr(), p.getHostName(),
        p.getUuid(), p.getXferPort(), p.getInfoPort(), p.getInfoSecurePort(), p.getIpcPort()))
        .build();
  }

  /** "blk_ID_GS (N bytes)": how BART's messages name a replica. */
  public static String describe(BlockProto b) {
    return "blk_" + b.getBlockId() + "_" + b.getGenStamp() + " (" + b.getNumBytes() + " bytes)";
  }

  /** "host:xferPort (uuid)": how BART's messages name a DataNode. */
  public static String describe(NodeProto n) {
    return n.getIpAddr() + ":" + n.getXferPort() + " (" + n.getUuid() + ")";
  }
}
