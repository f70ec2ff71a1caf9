package org.bart.datanode;

import java.util.concurrent.locks.LockSupport;

/**
 * The agent's per-DataNode bandwidth limit, one budget for what it sends and one for what it
 * receives ({@code dfs.bart.agent.bandwidth.per.sec}; 0 = unlimited). Every operation of this
 * node's agent draws on it, and so do peers that stream to or from this node (through the
 * agent's throttle call), so the limit holds for the node whichever agent moves the bytes.
 *
 * <p>Each budget is a {@link Pacer}: callers get consecutive slots of the link in arrival order
 * and wait for the start of theirs, so over any interval at most limit x interval bytes plus one
 * call's bytes pass. Hadoop's {@code DataTransferThrottler} is not used: it releases waiting
 * callers together once its 500 ms periods have paid for all of them and forgets the budget of a
 * throttler idle for 1.5 s, so two of them in tandem (the sender's and the receiver's) starve
 * each other; with four 1 MiB chunks in flight at a 2 MiB/s limit, 1 MiB/s got through.
 */
final class BandwidthLimiter {

  private final long bytesPerSec;
  private final Pacer send;
  private final Pacer receive;

  BandwidthLimiter(long bytesPerSec) {
    this.bytesPerSec = bytesPerSec;
    this.send = bytesPerSec > 0 ? new Pacer(bytesPerSec) : null;
    this.receive = bytesPerSec > 0 ? new Pacer(bytesPerSec) : null;
  }

  long bytesPerSec() {
    return bytesPerSec;
  }

  /** Blocks until this node may send {@code bytes} more. */
  void sent(long bytes) {
    if (send != null) {
      send.await(send.admit(bytes, System.nanoTime()));
    }
  }

  /** Blocks until this node may receive {@code bytes} more. */
  void received(long bytes) {
    if (receive != null) {
      receive.await(receive.admit(bytes, System.nanoTime()));
    }
  }

  /**
   * One direction of a link at a fixed rate, as a virtual clock: the time at which the link is
   * free again. A link idle for a while banks nothing: a call always starts at the later of
   * now and the end of the slots handed out before it. Thread-safe.
   */
  static final class Pacer {
    private final double nanosPerByte;
    private long free;

    Pacer(long bytesPerSec) {
      this.nanosPerByte = 1e9 / bytesPerSec;
      this.free = Long.MIN_VALUE;
    }

    /**
     * Hands {@code bytes} the next slot of the link, asked at {@code now} (System.nanoTime()).
     *
     * @return when the slot starts: the time until which the caller must wait
     */
    synchronized long admit(long bytes, long now) {
      long start = free == Long.MIN_VALUE || free - now < 0 ? now : free;
      free = start + (long) Math.ceil(bytes * nanosPerByte);
      return start;
    }

    /** Waits until {@code start}; returns early, interrupt status kept, if interrupted. */
    void await(long start) {
      long wait;
      while ((wait = start - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
        LockSupport.parkNanos(this, wait);
      }
    }
  }
}
