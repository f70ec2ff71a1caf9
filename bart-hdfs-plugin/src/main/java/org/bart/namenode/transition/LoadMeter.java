package org.bart.namenode.transition;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the executed operations moved between DataNodes, per node and in blocks, with
 * BART's task model (a transfer is one block from one node to another), so the measured loads can
 * be set beside the plan's prediction. Thread-safe.
 */
public final class LoadMeter {
  private final AtomicIntegerArray send;
  private final AtomicIntegerArray recv;
  final AtomicLong networkBytes = new AtomicLong();

  LoadMeter(int numNodes) {
    send = new AtomicIntegerArray(numNodes);
    recv = new AtomicIntegerArray(numNodes);
  }

  /** One block of {@code bytes} moved from node {@code from} to node {@code to}. */
  void transfer(int from, int to, long bytes) {
    if (from != to) {
      send.incrementAndGet(from);
      recv.incrementAndGet(to);
      networkBytes.addAndGet(bytes);
    }
  }

  int[] send() {
    return copy(send);
  }

  int[] recv() {
    return copy(recv);
  }

  private static int[] copy(AtomicIntegerArray a) {
    int[] c = new int[a.length()];
    for (int i = 0; i < c.length; i++) {
      c[i] = a.get(i);
    }
    return c;
  }
}
