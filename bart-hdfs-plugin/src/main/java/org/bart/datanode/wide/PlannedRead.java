package org.bart.datanode.wide;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.UnreadableRangeException;
import org.bart.protocol.wide.MemberPartials;
import org.bart.protocol.wide.ReadPlan;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;
import org.bart.protocol.wide.WideUnit;

/**
 * A client's read with a {@link ReadPlan}, in one of two ways:
 * <ul>
 *   <li>{@link #read}: the member's k data units are read over the rows the byte range covers
 *       (decoding the unavailable ones across the wide group) and their cells are laid out in
 *       file order. Only the member's own bytes come back;
 *   <li>{@link #readPartial}, a partial decode: the client reads the member's blocks it can
 *       itself and names the lost ones; those are decoded with the member's other blocks as
 *       zeros, which are not read here, and the client adds their share.
 * </ul>
 * Thread-safe.
 */
public final class PlannedRead {

  /** The bytes read and the wide units that had to be decoded. */
  public static final class Result {
    public final byte[] data;
    public final List<Integer> decoded;
    /** Bytes of the member's units that were decoded rather than read (for the metrics). */
    public final long decodedBytes;
    /** Bytes read from replicas. */
    public final long bytesRead;

    Result(byte[] data, List<Integer> decoded, long decodedBytes, long bytesRead) {
      this.data = data;
      this.decoded = decoded;
      this.decodedBytes = decodedBytes;
      this.bytesRead = bytesRead;
    }
  }

  /** A partial decode's answer and what it cost. */
  public static final class PartialResult {
    public final MemberPartials partials;
    /** Bytes of partials returned (all decoded). */
    public final long decodedBytes;
    /** Bytes read from replicas. */
    public final long bytesRead;

    PartialResult(MemberPartials partials, long decodedBytes, long bytesRead) {
      this.partials = partials;
      this.decodedBytes = decodedBytes;
      this.bytesRead = bytesRead;
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
    Span span = new Span(plan, offset, length);
    int k = plan.code().k();
    int cell = plan.cellSize();
    long from = span.from;
    long to = span.to;
    long rowStart = span.rowStart;
    WideReadResult r = run(plan, span, plan.units(), plan.memberUnits());
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
    return new Result(out, r.decoded(), decodedBytes, r.bytesRead());
  }

  /**
   * The partials of the member's {@code lostBlocks} (indexes 0..k-1 in the block group) over the
   * rows of [{@code offset}, {@code offset + length}) in the group, within the agent's read limit:
   * each decoded across the wide group with the member's other data blocks as zeros. Those are
   * never read here: the client has them.
   *
   * <p>Why this reveals nothing the caller may not read: a decode is linear, so the partial of
   * lost block e equals e minus the same decode over the member's other blocks, i.e. a function
   * of the member's own data alone, which the NameNode checked the caller may read. The blocks
   * it names as its own only change which of its own data is subtracted.
   *
   * @throws UnreadableRangeException if too many units of the wide group are lost
   * @throws BartAgentException if the plan, the range or the blocks do not fit together
   */
  public PartialResult readPartial(ReadPlan plan, long offset, int length,
      List<Integer> lostBlocks) throws IOException {
    Span span = new Span(plan, offset, length);
    int k = plan.code().k();
    List<Integer> member = plan.memberUnits();
    List<WideUnit> units = new ArrayList<>(plan.units());
    List<Integer> wanted = new ArrayList<>();
    for (int j : lostBlocks) {
      if (j < 0 || j >= k || wanted.contains(member.get(j))
          || units.get(member.get(j)).length() == 0) {
        throw new BartAgentException("partial read of " + plan.path() + ": block " + j
            + " is not a lost data block of its block group (k = " + k + ", asked "
            + lostBlocks + ")");
      }
      wanted.add(member.get(j));
    }
    if (wanted.isEmpty()) {
      throw new BartAgentException("partial read of " + plan.path() + ": no lost block named");
    }
    for (int u : member) {
      WideUnit w = units.get(u);
      // Asked for: decoded, never read (the client failed to). The client's own: zeros here.
      units.set(u, wanted.contains(u) ? new WideUnit(w.length(), null, null)
          : new WideUnit(0, null, null));
    }
    WideReadResult r = run(plan, span, units, wanted);
    long decodedBytes = 0;
    for (ByteBuffer b : r.data()) {
      decodedBytes += b.remaining();
    }
    // The result's buffers go to the answer as they are (not released for reuse: the RPC
    // server serializes them after this returns), which saves copying each partial once.
    MemberPartials out = new MemberPartials(span.rowStart, r.data(), r.sources(), r.decoded());
    if (out.length() != span.rowEnd - span.rowStart) {
      throw new BartAgentException("partial read of " + plan.path() + ": decoded " + out.length()
          + " of the " + (span.rowEnd - span.rowStart) + " unit bytes asked");
    }
    return new PartialResult(out, decodedBytes, r.bytesRead());
  }

  private static void checkFits(ReadPlan plan, long offset, int length)
      throws BartAgentException {
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
  }

  /**
   * The group's bytes [from, to) a read serves (fewer than asked at the group's end or beyond the
   * agent's read limit) and the rows of unit bytes [rowStart, rowEnd) it reads for them.
   */
  private final class Span {
    final long from;
    final long to;
    final long rowStart;
    final long rowEnd;

    Span(ReadPlan plan, long offset, int length) throws BartAgentException {
      checkFits(plan, offset, length);
      int k = plan.code().k();
      int cell = plan.cellSize();
      from = offset;
      to = Math.min(plan.groupBytes(), from + Math.min(length, maxBytes));
      rowStart = from / cell / k * cell;
      rowEnd = Math.min(((to - 1) / cell / k + 1) * cell, maxUnitLength(plan));
    }
  }

  /** Reads {@code wanted} of {@code units} over the span's rows, decoding what must be. */
  private WideReadResult run(ReadPlan plan, Span span, List<WideUnit> units,
      List<Integer> wanted) throws IOException {
    try {
      return wideRead.run(new WideReadRequest(plan.code(), units, wanted, span.rowStart,
          span.rowEnd - span.rowStart, null, null, false));
    } catch (BartAgentException e) {
      throw new UnreadableRangeException(plan.path() + " bytes ["
          + (plan.groupStart() + span.from) + ", " + (plan.groupStart() + span.to) + "), member "
          + plan.position() + " of wide group " + plan.parityPath() + ": " + unavailable(plan)
          + "; " + e.getMessage());
    }
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
