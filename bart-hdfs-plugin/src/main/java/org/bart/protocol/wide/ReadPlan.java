package org.bart.protocol.wide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bart.codec.WideCode;

/**
 * How one block group of a transitioned file is read for a user the NameNode checked: the
 * member's position in its wide group, the group's units and where they are. An agent reads the
 * member's k data units over the rows a byte range covers, decoding the unavailable ones.
 * Immutable.
 *
 * <p>Example, (6,3,3) with 1 MiB cells: the member at position 1 is wide units 6..11; file bytes
 * [groupStart + 7 MiB, groupStart + 8 MiB) are cell 7, i.e. row 1 of unit 7 (its unit bytes
 * [1 MiB, 2 MiB)).
 */
public final class ReadPlan {
  private final String path;
  private final String user;
  private final long groupStart;
  private final long groupBytes;
  private final int cellSize;
  private final int position;
  private final WideCode code;
  private final List<WideUnit> units;
  private final String parityPath;
  private final long maxReadBytes;

  /**
   * @param groupStart file offset of the block group's first byte
   * @param groupBytes data bytes of the block group
   * @param units every unit of the wide group, in wide order
   * @param maxReadBytes the most bytes one read returns ({@code dfs.bart.agent.read.max.bytes})
   */
  public ReadPlan(String path, String user, long groupStart, long groupBytes, int cellSize,
      int position, WideCode code, List<WideUnit> units, String parityPath, long maxReadBytes) {
    this.path = path;
    this.user = user;
    this.groupStart = groupStart;
    this.groupBytes = groupBytes;
    this.cellSize = cellSize;
    this.position = position;
    this.code = code;
    this.units = Collections.unmodifiableList(new ArrayList<>(units));
    this.parityPath = parityPath;
    this.maxReadBytes = maxReadBytes;
  }

  public String path() {
    return path;
  }

  /** The user the NameNode checked. */
  public String user() {
    return user;
  }

  public long groupStart() {
    return groupStart;
  }

  public long groupBytes() {
    return groupBytes;
  }

  public int cellSize() {
    return cellSize;
  }

  public int position() {
    return position;
  }

  public WideCode code() {
    return code;
  }

  /** All units, in wide order (unmodifiable). */
  public List<WideUnit> units() {
    return units;
  }

  public String parityPath() {
    return parityPath;
  }

  public long maxReadBytes() {
    return maxReadBytes;
  }

  /** Whether file offset {@code offset} is in this plan's block group. */
  public boolean covers(long offset) {
    return offset >= groupStart && offset < groupStart + groupBytes;
  }

  /** Wide indexes of the member's data units, in block order. */
  public List<Integer> memberUnits() {
    List<Integer> out = new ArrayList<>(code.k());
    for (int j = 0; j < code.k(); j++) {
      out.add(code.dataUnit(position, j));
    }
    return out;
  }
}
