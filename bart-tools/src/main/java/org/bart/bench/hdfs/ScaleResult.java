package org.bart.bench.hdfs;

import java.util.EnumMap;
import java.util.Map;
import org.bart.namenode.transition.Phase;

/** What one tree's transition measured (bench-scale): sizes, times, NameNode calls, heap. */
public final class ScaleResult {

  /** The phases reported, in order: recover once per run, the others summed over the batches. */
  static final Phase[] PHASES = Phase.values();

  int stripes;
  int files;
  int batchGroups;
  int batches;
  /** Stripes of the largest batch: what the coordinator held at most. */
  int largestBatchStripes;
  String outcome;
  double writeSeconds;
  double checksumSeconds;
  final Map<Phase, Long> millis = new EnumMap<>(Phase.class);
  final Map<Phase, Long> clientCalls = new EnumMap<>(Phase.class);
  final Map<Phase, Long> dataNodeCalls = new EnumMap<>(Phase.class);
  long clientCallsAfterPhases;
  long dataNodeCallsAfterPhases;
  long baselineLive;
  long maxLiveGrowth;
  long peakGrowth;
  long liveAfterGrowth;
  int filesByteIdentical;

  /** The coordinator's time for all phases, milliseconds. */
  long totalMillis() {
    long sum = 0;
    for (long ms : millis.values()) {
      sum += ms;
    }
    return sum;
  }

  long totalClientCalls() {
    long sum = clientCallsAfterPhases;
    for (long c : clientCalls.values()) {
      sum += c;
    }
    return sum;
  }

  long totalDataNodeCalls() {
    long sum = dataNodeCallsAfterPhases;
    for (long c : dataNodeCalls.values()) {
      sum += c;
    }
    return sum;
  }

  /**
   * The live heap the run held at its largest phase end beyond what stayed after it: the
   * batch's own state, without what the run leaves behind (the NameNode's new inodes and blocks
   * before the old ones are deleted, classes and connections used the first time).
   */
  long heldDuringRun() {
    return maxLiveGrowth - liveAfterGrowth;
  }

  /** Whether the run committed and every file read back with its original bytes. */
  public boolean ok() {
    return "committed".equals(outcome) && filesByteIdentical == files;
  }

  double perStripe(long value) {
    return stripes == 0 ? 0 : (double) value / stripes;
  }
}
