package org.bart.bench.hdfs;

/** How one restoration of full redundancy went: what was lost and how long it took. */
final class RepairTiming {
  final int blocksLost;
  final long bytesLost;
  final double seconds;

  RepairTiming(int blocksLost, long bytesLost, double seconds) {
    this.blocksLost = blocksLost;
    this.bytesLost = bytesLost;
    this.seconds = seconds;
  }

  double mibPerSec() {
    return bytesLost / 1048576.0 / seconds;
  }
}
