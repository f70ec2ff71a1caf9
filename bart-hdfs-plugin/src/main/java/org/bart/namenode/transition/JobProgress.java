package org.bart.namenode.transition;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.util.Time;

/** Live progress of one transition, read by the CLI's progress bar. Thread-safe. */
public final class JobProgress {
  private final long startMs = Time.monotonicNow();
  private volatile Phase phase = Phase.RECOVER;
  public final AtomicInteger groupsDone = new AtomicInteger();
  public volatile int groupsTotal;
  public final AtomicLong bytesMoved = new AtomicLong();
  public volatile long bytesPlanned;

  void enter(Phase p) {
    phase = p;
  }

  public Phase phase() {
    return phase;
  }

  public long elapsedMs() {
    return Time.monotonicNow() - startMs;
  }
}
