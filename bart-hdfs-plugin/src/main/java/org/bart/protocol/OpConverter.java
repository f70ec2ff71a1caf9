package org.bart.protocol;

import org.bart.protocol.ops.EncodeOp;
import org.bart.protocol.ops.MergeOp;
import org.bart.protocol.ops.MoveOp;
import org.bart.protocol.ops.OpResult;
import org.bart.protocol.ops.RelabelOp;
import org.bart.protocol.ops.ReplicaAt;
import org.bart.protocol.ops.SendOp;
import org.bart.protocol.proto.AgentProtos.EncodeRequestProto;
import org.bart.protocol.proto.AgentProtos.MergeRequestProto;
import org.bart.protocol.proto.AgentProtos.PrefetchRequestProto;
import org.bart.protocol.proto.AgentProtos.MoveRequestProto;
import org.bart.protocol.proto.AgentProtos.OpResultProto;
import org.bart.protocol.proto.AgentProtos.RelabelRequestProto;
import org.bart.protocol.proto.AgentProtos.SendRequestProto;
import org.bart.protocol.proto.AgentProtos.SourceReplicaProto;

/**
 * The caller's RPC edge of the agents' block operations (relabel, send, merge and its check,
 * move): the {@code org.bart.protocol.ops} types to their requests, and an agent's {@code
 * OpResultProto} back.
 * Replicas and nodes convert as wide reads convert them ({@link WideReadConverter}).
 */
public final class OpConverter {

  private OpConverter() {
  }

  public static RelabelRequestProto toProto(RelabelOp op) {
    return RelabelRequestProto.newBuilder()
        .setSource(WideReadConverter.toProto(op.source()))
        .setTarget(WideReadConverter.toProto(op.target())).build();
  }

  public static SendRequestProto toProto(SendOp op) {
    SendRequestProto.Builder b = SendRequestProto.newBuilder()
        .setSource(WideReadConverter.toProto(op.source()))
        .setTarget(WideReadConverter.toProto(op.target()))
        .setTargetNode(WideReadConverter.toProto(op.targetNode()));
    if (op.sourceNode() != null) {
      b.setSourceNode(WideReadConverter.toProto(op.sourceNode()));
    }
    return b.build();
  }

  public static MergeRequestProto toProto(MergeOp op) {
    MergeRequestProto.Builder b = MergeRequestProto.newBuilder()
        .setWideCode(op.code().toString()).setParityIndex(op.parityIndex());
    for (ReplicaAt s : op.sources()) {
      b.addSources(SourceReplicaProto.newBuilder().setBlock(WideReadConverter.toProto(s.replica()))
          .setNode(WideReadConverter.toProto(s.node())));
    }
    return b.setTarget(WideReadConverter.toProto(op.target()))
        .setTargetNode(WideReadConverter.toProto(op.targetNode())).build();
  }

  public static EncodeRequestProto toProto(EncodeOp op) {
    EncodeRequestProto.Builder b = EncodeRequestProto.newBuilder()
        .setWideCode(op.code().toString())
        .addAllSources(WideReadConverter.toProto(op.sources()));
    for (ReplicaAt t : op.targets()) {
      b.addTargets(SourceReplicaProto.newBuilder().setBlock(WideReadConverter.toProto(t.replica()))
          .setNode(WideReadConverter.toProto(t.node())));
    }
    return b.build();
  }

  public static PrefetchRequestProto toPrefetchProto(ReplicaAt source) {
    return PrefetchRequestProto.newBuilder().setSource(SourceReplicaProto.newBuilder()
        .setBlock(WideReadConverter.toProto(source.replica()))
        .setNode(WideReadConverter.toProto(source.node()))).build();
  }

  public static MoveRequestProto toProto(MoveOp op) {
    return MoveRequestProto.newBuilder().setBlock(WideReadConverter.toProto(op.block()))
        .setSource(WideReadConverter.toProto(op.source()))
        .setTargetNode(WideReadConverter.toProto(op.targetNode())).build();
  }

  public static OpResult toResult(OpResultProto r) {
    return new OpResult(OpResult.Path.valueOf(r.getPath().name()), r.getBytesRead(),
        r.getBytesWritten(), r.getBytesSent(), r.getBytesReceived(), r.getMicros());
  }
}
