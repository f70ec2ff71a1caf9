package org.bart.datanode;

import org.apache.hadoop.hdfs.util.DataTransferThrottler;

/**
 * The agent's per-DataNode bandwidth limit, one budget for what it sends and one for what it
 * receives ({@code dfs.bart.agent.bandwidth.per.sec}; 0 = unlimited). Every operation of this
 * node's agent draws on it, and so do peers that stream to or from this node (through the
 * agent's throttle call), so the limit holds for the node whichever agent moves the bytes.
 */
final class BandwidthLimiter {

  private final long bytesPerSec;
  private final DataTransferThrottler send;
  private final DataTransferThrottler receive;

  BandwidthLimiter(long bytesPerSec) {
    this.bytesPerSec = bytesPerSec;
    this.send = bytesPerSec > 0 ? new DataTransferThrottler(bytesPerSec) : null;
    this.receive = bytesPerSec > 0 ? new DataTransferThrottler(bytesPerSec) : null;
  }

  long bytesPerSec() {
    return bytesPerSec;
  }

  /** Blocks until this node may send {@code bytes} more. */
  void sent(long bytes) {
    if (send != null) {
      send.throttle(bytes);
    }
  }

  /** Blocks until this node may receive {@code bytes} more. */
  void received(long bytes) {
    if (receive != null) {
      receive.throttle(bytes);
    }
  }
}
