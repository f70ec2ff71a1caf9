package org.bart.client;

import java.io.IOException;
import org.bart.protocol.DegradedReadClient;
import org.bart.protocol.proto.ClientProtos.ReadPlannedResponseProto;

/**
 * {@link DegradedSource} of BART's plugins for one stream: a read plan per block group from the
 * NameNode plugin (asked once per group and kept, for every stream of the same file that the
 * file system opens), then whole rows by partial decoding ({@link PartialDecode}: the member's
 * readable blocks read by this client, the lost ones' partials by an agent), or, where that does
 * not apply, the member's bytes decoded whole by an agent; the connections are the file system's
 * {@link DegradedReads}. A read with a kept plan that fails (the plan expired, units moved since)
 * is tried once more with a fresh plan. Thread-safe.
 */
final class PluginDegradedSource implements DegradedSource {

  private final DegradedReads reads;
  private final KeptPlans plans;
  private final PartialDecode partial;
  private final StockCells cells;

  /**
   * @param plans the kept plans of the file this stream reads (by its inode id)
   * @param cells the stream's reads of its own blocks, which {@code partial} uses
   */
  PluginDegradedSource(DegradedReads reads, KeptPlans plans, PartialDecode partial,
      StockCells cells) {
    this.reads = reads;
    this.plans = plans;
    this.partial = partial;
    this.cells = cells;
  }

  @Override
  public int read(String path, long offset, byte[] b, int off, int length) throws IOException {
    DegradedReadClient.Plan kept = plans.covering(offset);
    DegradedReadClient.Plan plan = kept != null ? kept : freshPlan(path, offset);
    if (plan == null) {
      return 0; // the file's end
    }
    try {
      return read(plan, offset, b, off, length);
    } catch (IOException e) {
      if (kept == null) {
        throw e;
      }
      DegradedReadClient.Plan fresh = freshPlan(path, offset);
      if (fresh == null) {
        throw new IOException(path + " ended before " + offset + " while it was read");
      }
      return read(fresh, offset, b, off, length);
    }
  }

  private int read(DegradedReadClient.Plan plan, long offset, byte[] b, int off, int length)
      throws IOException {
    int n = partial.read(plan.plan(),
        (o, len, lost) -> reads.client().readPartial(plan, o, len, lost), offset, b, off, length);
    if (n > 0) {
      return n;
    }
    // Not at a row's start, or a row larger than an agent's read limit: the whole member's bytes.
    ReadPlannedResponseProto r = reads.client().read(plan, offset, length);
    n = Math.min(length, r.getData().size());
    r.getData().copyTo(b, 0, off, n);
    return n;
  }

  @Override
  public long rowBytes(String path, long offset) throws IOException {
    DegradedReadClient.Plan kept = plans.covering(offset);
    DegradedReadClient.Plan plan = kept != null ? kept : freshPlan(path, offset);
    if (plan == null) {
      throw new IOException(path + " has no block group at " + offset);
    }
    return (long) plan.plan().code().k() * plan.plan().cellSize();
  }

  private DegradedReadClient.Plan freshPlan(String path, long offset) throws IOException {
    DegradedReadClient.Plan p = reads.client().plan(path, offset);
    if (p != null) {
      plans.keep(p);
    }
    return p;
  }

  /** Closes the stream's own stock reader; the connections are the file system's. */
  @Override
  public void close() {
    cells.close();
  }
}
