package org.bart.client;

import java.io.IOException;
import org.bart.protocol.DegradedReadClient;
import org.bart.protocol.proto.ClientProtos.ReadPlannedResponseProto;

/**
 * {@link DegradedSource} of BART's plugins for one stream: a read plan per block group from the
 * NameNode plugin (asked once per group and kept, for every stream of the same file that the
 * file system opens), the bytes from an agent, both over the file system's {@link
 * DegradedReads}. A read with a kept plan that fails (the plan expired, units moved since) is
 * tried once more with a fresh plan. Thread-safe.
 */
final class PluginDegradedSource implements DegradedSource {

  private final DegradedReads reads;
  private final KeptPlans plans;

  /** @param plans the kept plans of the file this stream reads (by its inode id) */
  PluginDegradedSource(DegradedReads reads, KeptPlans plans) {
    this.reads = reads;
    this.plans = plans;
  }

  @Override
  public int read(String path, long offset, byte[] b, int off, int length) throws IOException {
    DegradedReadClient.Plan kept = plans.covering(offset);
    DegradedReadClient.Plan plan = kept != null ? kept : freshPlan(path, offset);
    if (plan == null) {
      return 0; // the file's end
    }
    ReadPlannedResponseProto r;
    try {
      r = reads.client().read(plan, offset, length);
    } catch (IOException e) {
      if (kept == null) {
        throw e;
      }
      r = retry(path, offset, length);
    }
    int n = Math.min(length, r.getData().size());
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

  private ReadPlannedResponseProto retry(String path, long offset, int length)
      throws IOException {
    DegradedReadClient.Plan fresh = freshPlan(path, offset);
    if (fresh == null) {
      throw new IOException(path + " ended before " + offset + " while it was read");
    }
    return reads.client().read(fresh, offset, length);
  }

  private DegradedReadClient.Plan freshPlan(String path, long offset) throws IOException {
    DegradedReadClient.Plan p = reads.client().plan(path, offset);
    if (p != null) {
      plans.keep(p);
    }
    return p;
  }

  /** The connection is the file system's: it stays open for other streams. */
  @Override
  public void close() {
  }
}
