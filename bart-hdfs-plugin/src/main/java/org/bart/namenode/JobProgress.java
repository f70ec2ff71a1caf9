package org.bart.namenode;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.util.Time;

/** Live progress of one transition, read by the CLI's progress bar. Thread-safe. */
final class JobProgress {
  private final long startMs = Time.monotonicNow();
  private volatile Phase phase = Phase.RECOVER;
  final AtomicInteger groupsDone = new AtomicInteger();
  volatile int groupsTotal;
  final AtomicLong bytesMoved = new AtomicLong();
  volatile long bytesPlanned;

  void enter(Phase p) {
    phase = p;
  }

  Phase phase() {
    return phase;
  }

  long elapsedMs() {
    return Time.monotonicNow() - startMs;
  }
}
