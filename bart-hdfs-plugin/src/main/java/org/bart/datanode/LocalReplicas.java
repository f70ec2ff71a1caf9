package org.bart.datanode;

import org.apache.hadoop.hdfs.server.datanode.ReplicaInfo;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.CommonProtos.BlockProto;

/** Looks up replicas in this DataNode's dataset and checks them, failing with a clear message. */
final class LocalReplicas {

  private final DataNodeInternals dn;

  LocalReplicas(DataNodeInternals dn) {
    this.dn = dn;
  }

  /** The replica stored under {@code blockId}, or null. */
  ReplicaInfo find(String poolId, long blockId) throws BartAgentException {
    return dn.replica(poolId, blockId);
  }

  /**
   * The FINALIZED replica exactly matching {@code b} (id, genstamp and length).
   *
   * @throws BartAgentException naming the block, this DataNode and what does not match
   */
  ReplicaInfo requireFinalized(BlockProto b) throws BartAgentException {
    ReplicaInfo r = find(b.getPoolId(), b.getBlockId());
    String what = "replica " + ProtoConverters.describe(b) + " on DataNode " + dn.displayName();
    if (r == null) {
      throw new BartAgentException(what + ": not found");
    }
    if (!DataNodeInternals.isFinalized(r)) {
      throw new BartAgentException(what + ": is " + DataNodeInternals.state(r)
          + ", not FINALIZED");
    }
    if (r.getGenerationStamp() != b.getGenStamp()) {
      throw new BartAgentException(what + ": has genstamp " + r.getGenerationStamp());
    }
    if (r.getNumBytes() != b.getNumBytes()) {
      throw new BartAgentException(what + ": has " + r.getNumBytes() + " bytes");
    }
    return r;
  }

  /**
   * Whether the replica {@code target} already exists here as asked (a retried operation).
   *
   * @return true if it exists FINALIZED with the same genstamp and length, false if the id is free
   * @throws BartAgentException if the id is used by anything else
   */
  boolean alreadyStored(BlockProto target) throws BartAgentException {
    ReplicaInfo r = find(target.getPoolId(), target.getBlockId());
    if (r == null) {
      return false;
    }
    if (DataNodeInternals.isFinalized(r) && r.getGenerationStamp() == target.getGenStamp()
        && r.getNumBytes() == target.getNumBytes()) {
      return true;
    }
    throw new BartAgentException("target id already used: DataNode " + dn.displayName()
        + " holds blk_" + r.getBlockId() + "_" + r.getGenerationStamp() + " (" + r.getNumBytes()
        + " bytes, " + DataNodeInternals.state(r) + "), asked for " + ProtoConverters.describe(target));
  }

  /** Tells the NameNode that the finalized replica {@code b} is stored here. */
  void reportToNameNode(BlockProto b) throws BartAgentException {
    dn.reportReceived(ProtoConverters.toBlock(b), requireFinalized(b));
  }
}
