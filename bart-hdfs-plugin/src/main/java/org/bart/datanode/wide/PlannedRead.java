package org.bart.datanode.wide;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.UnreadableRangeException;
import org.bart.protocol.wide.ReadPlan;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;
import org.bart.protocol.wide.WideUnit;

/**
 * A client's read with a {@link ReadPlan}: the member's k data units are read over the rows the
 * byte range covers (decoding the unavailable ones across the wide group) and their cells are
 * laid out in file order. Only the member's own bytes come back. Thread-safe.
 */
public final class PlannedRead {

  /** The bytes read and the wide units that had to be decoded. */
  public static final class Result {
    public final byte[] data;
    public final List<Integer> decoded;
    /** Bytes of the member's units that were decoded rather than read (for the metrics). */
    public final long decodedBytes;

    Result(byte[] data, List<Integer> decoded, long decodedBytes) {
      this.data = data;
      this.decoded = decoded;
      this.decodedBytes = decodedBytes;
    }
  }

  private final WideRead wideRead;
  private final long maxBytes;

  /** @param maxBytes the most bytes one read returns ({@code dfs.bart.agent.read.max.bytes}) */
  public PlannedRead(WideRead wideRead, long maxBytes) {
    this.wideRead = wideRead;
    this.maxBytes = maxBytes;
  }

  /**
   * Up to {@code length} bytes of the plan's block group from {@code offset} (within the group),
   * fewer at the group's end or beyond the agent's read limit.
   *
   * @throws UnreadableRangeException if too many units of the wide group are lost, naming the
   *     file, the range, the wide group and the unavailable blocks
   * @throws BartAgentException if the plan or the range does not fit together
   */
  public Result read(ReadPlan plan, long offset, int length) throws IOException {
    int k = plan.code().k();
    int cell = plan.cellSize();
    if (plan.position() >= plan.code().lambda() || cell <= 0
        || plan.units().size() != plan.code().totalUnits()) {
      throw new BartAgentException("read plan of " + plan.path() + " does not fit "
          + plan.code() + ": member " + plan.position() + ", cell " + cell + ", "
          + plan.units().size() + " units");
    }
    if (offset < 0 || offset >= plan.groupBytes() || length <= 0) {
      throw new BartAgentException("read of " + plan.path() + ": [" + offset + ", +" + length
          + ") is not within its block group of " + plan.groupBytes() + " bytes");
    }
    long from = offset;
    long to = Math.min(plan.groupBytes(), from + Math.min(length, maxBytes));
    long rowStart = from / cell / k * cell;
    long rowEnd = Math.min(((to - 1) / cell / k + 1) * cell, maxUnitLength(plan));
    WideReadRequest req = new WideReadRequest(plan.code(), plan.units(), plan.memberUnits(),
        rowStart, rowEnd - rowStart, null, null, false);
    WideReadResult r;
    try {
      r = wideRead.run(req);
    } catch (BartAgentException e) {
      throw new UnreadableRangeException(plan.path() + " bytes [" + (plan.groupStart() + from)
          + ", " + (plan.groupStart() + to) + "), member " + plan.position() + " of wide group "
          + plan.parityPath() + ": " + unavailable(plan) + "; " + e.getMessage());
    }
    byte[] out = new byte[(int) (to - from)];
    for (long pos = from; pos < to; ) {
      long c = pos / cell;
      int j = (int) (c % k);
      long unitOffset = c / k * cell + pos % cell;
      int n = (int) Math.min(to - pos, cell - pos % cell);
      ByteBuffer unit = r.data().get(j).duplicate();
      unit.position(unit.position() + (int) (unitOffset - rowStart));
      unit.get(out, (int) (pos - from), n);
      pos += n;
    }
    long decodedBytes = 0;
    for (int j = 0; j < k; j++) {
      if (r.decoded().contains(plan.memberUnits().get(j))) {
        decodedBytes += r.data().get(j).remaining();
      }
    }
    wideRead.release(r); // copied out: its buffers serve the next read
    return new Result(out, r.decoded(), decodedBytes);
  }

  /** "unavailable blocks: blk_1 (unit 0), ..." as the plan has them (no live DataNode). */
  private static String unavailable(ReadPlan plan) {
    StringBuilder sb = new StringBuilder("unavailable blocks:");
    for (int u = 0; u < plan.units().size(); u++) {
      WideUnit unit = plan.units().get(u);
      if (unit.isKnownLost()) {
        sb.append(' ').append(unit.replica() == null ? "(gone member)"
            : "blk_" + unit.replica().blockId()).append(" (unit ").append(u).append(')');
      }
    }
    return sb.toString();
  }

  private static long maxUnitLength(ReadPlan plan) {
    long max = 0;
    for (WideUnit u : plan.units()) {
      max = Math.max(max, u.length());
    }
    return max;
  }
}
