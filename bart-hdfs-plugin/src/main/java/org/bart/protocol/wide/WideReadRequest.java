package org.bart.protocol.wide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bart.codec.WideCode;

/**
 * What a wide read asks for: units of one wide group over the byte range [offset, offset + length)
 * of its rows. It comes in three kinds:
 * <ul>
 *   <li>a <b>read</b>: the wanted units' bytes of the range come back, read where readable and
 *       decoded where not (degraded reads);
 *   <li>a <b>rebuild</b> (a target is set): the one wanted unit is rebuilt whole and stored on the
 *       target node under the target replica's id (repair);
 *   <li>a <b>check</b>: each wanted unit as stored is compared with its decoding from the others
 *       (verification of a wide group).
 * </ul>
 * Immutable. Only the shape is fixed here; the agent's wide read validates the request against its code.
 */
public final class WideReadRequest {
  private final WideCode code;
  private final List<WideUnit> units;
  private final List<Integer> wanted;
  private final long offset;
  private final long length;
  private final Replica target;
  private final AgentNode targetNode;
  private final boolean check;

  /**
   * @param units every unit of the group in wide order (member 0's data units, member 1's, ...,
   *     then the wide parities)
   * @param wanted wide indexes of the units to read, rebuild or check
   * @param target for a rebuild, the replica to store, else null
   * @param targetNode for a rebuild, the DataNode to store it on, else null
   */
  public WideReadRequest(WideCode code, List<WideUnit> units, List<Integer> wanted, long offset,
      long length, Replica target, AgentNode targetNode, boolean check) {
    this.code = code;
    this.units = Collections.unmodifiableList(new ArrayList<>(units));
    this.wanted = Collections.unmodifiableList(new ArrayList<>(wanted));
    this.offset = offset;
    this.length = length;
    this.target = target;
    this.targetNode = targetNode;
    this.check = check;
  }

  public WideCode code() {
    return code;
  }

  /** All units, in wide order (unmodifiable). */
  public List<WideUnit> units() {
    return units;
  }

  public WideUnit unit(int u) {
    return units.get(u);
  }

  /** Wide indexes of the wanted units (unmodifiable). */
  public List<Integer> wanted() {
    return wanted;
  }

  public int wanted(int i) {
    return wanted.get(i);
  }

  public long offset() {
    return offset;
  }

  public long length() {
    return length;
  }

  /** The replica a rebuild stores, or null if this is not a rebuild. */
  public Replica target() {
    return target;
  }

  /** The DataNode a rebuild stores on, or null. */
  public AgentNode targetNode() {
    return targetNode;
  }

  public boolean isRebuild() {
    return target != null;
  }

  public boolean isCheck() {
    return check;
  }
}
