package org.bart.namenode.transition;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.util.Time;

/**
 * Live progress of one transition, read by the CLI's progress bar. Totals grow batch by batch
 * (the tree is discovered as the run goes): groups and bytes planned so far. Thread-safe.
 */
public final class JobProgress {
  private final long startMs = Time.monotonicNow();
  private volatile Phase phase = Phase.RECOVER;
  /** The batch being worked on, from 1; 0 before the first. */
  private volatile int batch;
  public final AtomicInteger batchesCommitted = new AtomicInteger();
  public final AtomicInteger groupsDone = new AtomicInteger();
  public volatile int groupsTotal;
  public final AtomicLong bytesMoved = new AtomicLong();
  public volatile long bytesPlanned;

  void enter(Phase p) {
    phase = p;
  }

  void startBatch(int n) {
    batch = n;
  }

  public Phase phase() {
    return phase;
  }

  public int batch() {
    return batch;
  }

  public long elapsedMs() {
    return Time.monotonicNow() - startMs;
  }
}
