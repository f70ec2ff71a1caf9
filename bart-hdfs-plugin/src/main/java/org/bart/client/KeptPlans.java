package org.bart.client;

import java.util.Map;
import java.util.TreeMap;
import org.bart.protocol.DegradedReadClient;

/**
 * The read plans of one file's block groups, by the offset each group starts at, and the file's
 * blocks found unreadable lately. Thread-safe.
 */
final class KeptPlans {

  private final TreeMap<Long, DegradedReadClient.Plan> plans = new TreeMap<>();
  private final UnreadableBlocks unreadable = new UnreadableBlocks(System::nanoTime);

  /** The file's blocks its degraded reads found unreadable lately. */
  UnreadableBlocks unreadable() {
    return unreadable;
  }

  /** The plan of the block group holding {@code offset}, or null if none is kept. */
  synchronized DegradedReadClient.Plan covering(long offset) {
    Map.Entry<Long, DegradedReadClient.Plan> e = plans.floorEntry(offset);
    return e != null && e.getValue().plan().covers(offset) ? e.getValue() : null;
  }

  /** Keeps {@code p} in place of any plan kept for its block group. */
  synchronized void keep(DegradedReadClient.Plan p) {
    plans.put(p.plan().groupStart(), p);
  }
}
