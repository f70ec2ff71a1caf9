package org.bart.bench.hdfs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The JVM's heap as a run uses it, measured two ways: the live heap (used after a full
 * collection, {@code System.gc()}), which is what the run holds; and the peak used heap since
 * {@link #resetPeaks} (the sum of every heap pool's peak usage, so garbage not yet collected and
 * pools peaking at different moments count too: an upper bound).
 */
final class HeapMeter {

  private HeapMeter() {
  }

  /** Bytes of heap still used after a full collection. */
  static long live() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Starts the peak over again from the current usage. */
  static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.isValid()) {
        p.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peak usage since the last {@link #resetPeaks}. */
  static long peak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.isValid()) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
