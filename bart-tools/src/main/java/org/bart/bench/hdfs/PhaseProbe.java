package org.bart.bench.hdfs;

import java.util.EnumMap;
import java.util.Map;
import org.bart.namenode.transition.CoordinatorFaultInjector;
import org.bart.namenode.transition.Phase;

/**
 * Watches one transition from inside the coordinator through its phase hook, which runs after a
 * phase's time was taken (so what the probe does is not in the phase times). At the end of each
 * phase of each batch it reads the NameNode's RPC counters, and adds the calls since the end of
 * the previous phase (nothing calls the NameNode in between) to the phase that ended; then it
 * measures the live heap. Calls after the last phase are counted as {@link #afterLastPhase}.
 */
final class PhaseProbe extends CoordinatorFaultInjector {

  private final String tree;
  private final NameNodeRpcCalls rpc;
  private final Map<Phase, long[]> calls = new EnumMap<>(Phase.class);
  private NameNodeRpcCalls.Counts last;
  private long maxLive;
  private long[] afterLastPhase = new long[2];

  PhaseProbe(String tree, NameNodeRpcCalls rpc) {
    this.tree = tree;
    this.rpc = rpc;
  }

  /** Starts counting (the calls before this are not the run's) and the live heap maximum. */
  void start() {
    last = rpc.now();
    maxLive = 0;
  }

  @Override
  public synchronized void afterPhase(String t, Phase phase) {
    if (!tree.equals(t)) {
      return;
    }
    add(calls.computeIfAbsent(phase, p -> new long[2]));
    maxLive = Math.max(maxLive, HeapMeter.live());
  }

  /** Counts the calls since the last phase ended (the end of the run). */
  synchronized void stop() {
    afterLastPhase = new long[2];
    add(afterLastPhase);
  }

  private void add(long[] into) {
    NameNodeRpcCalls.Counts now = rpc.now();
    into[0] += now.client - last.client;
    into[1] += now.dataNode - last.dataNode;
    last = now;
  }

  /** ClientProtocol calls during {@code p}, summed over the batches. */
  synchronized long clientCalls(Phase p) {
    long[] c = calls.get(p);
    return c == null ? 0 : c[0];
  }

  /** DataNode calls (heartbeats left out) during {@code p}, summed over the batches. */
  synchronized long dataNodeCalls(Phase p) {
    long[] c = calls.get(p);
    return c == null ? 0 : c[1];
  }

  synchronized long clientCallsAfterLastPhase() {
    return afterLastPhase[0];
  }

  synchronized long dataNodeCallsAfterLastPhase() {
    return afterLastPhase[1];
  }

  /** The largest live heap measured at the end of a phase. */
  synchronized long maxLive() {
    return maxLive;
  }
}
