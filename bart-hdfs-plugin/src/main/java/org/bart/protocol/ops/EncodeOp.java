package org.bart.protocol.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bart.codec.WideCode;
import org.bart.protocol.wide.WideUnit;

/**
 * Re-encode a wide group whose parity cannot be merged from narrow parity: read its lambda*k data
 * units (in wide order; a unit of length 0 without a replica is absent and counts as zeros, as a
 * shortened stripe's missing cells do), encode them with the {@link WideCode#reEncoded re-encoded}
 * wide code, and store wide parity r as {@code targets.get(r)} on that target's DataNode. Every
 * target is as long as the longest data unit; shorter units are padded with zeros. Also what a
 * check of those parities recomputes. Immutable.
 */
public final class EncodeOp {
  private final WideCode code;
  private final List<WideUnit> sources;
  private final List<ReplicaAt> targets;

  public EncodeOp(WideCode code, List<WideUnit> sources, List<ReplicaAt> targets) {
    this.code = code;
    this.sources = Collections.unmodifiableList(new ArrayList<>(sources));
    this.targets = Collections.unmodifiableList(new ArrayList<>(targets));
  }

  public WideCode code() {
    return code;
  }

  /** The lambda*k data units in wide order (unmodifiable). */
  public List<WideUnit> sources() {
    return sources;
  }

  /** Wide parity r and the DataNode to store it on, r = 0..m-1 (unmodifiable). */
  public List<ReplicaAt> targets() {
    return targets;
  }

  @Override
  public String toString() {
    return "encode of " + targets.size() + " wide parities into " + targets.get(0) + ", ...";
  }
}
