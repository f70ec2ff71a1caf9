package org.bart.datanode.wide;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bart.protocol.wide.WideUnit;

/**
 * Replicas an agent's reads found unreadable (failed or too slow) lately, by block and DataNode.
 * The NameNode lists a stopped DataNode as live for minutes (until its heartbeats are missed for
 * {@code dfs.namenode.heartbeat.recheck-interval}), so plans keep naming its units; without this
 * memory every request of a degraded reader would first wait for that unit to fail (up to the
 * straggler timeout for a host that does not answer) before it starts the units to decode from.
 * A remembered unit is only ever skipped in favour of decoding it, never needed to be readable.
 * Thread-safe.
 */
final class RecentlyUnreadable {

  private final long forgetNanos;
  /** "blockId@uuid" to the monotonic time (ns) at which it is tried again. */
  private final Map<String, Long> until = new ConcurrentHashMap<>();

  /** @param forgetMs how long a replica found unreadable is avoided */
  RecentlyUnreadable(long forgetMs) {
    this.forgetNanos = TimeUnit.MILLISECONDS.toNanos(forgetMs);
  }

  /** Remembers that {@code unit}'s replica could not be read (in time). */
  void add(WideUnit unit) {
    if (unit.replica() != null && unit.node() != null) {
      until.put(key(unit), System.nanoTime() + forgetNanos);
    }
  }

  /** Whether {@code unit}'s replica was found unreadable within the last while. */
  boolean contains(WideUnit unit) {
    if (until.isEmpty() || unit.replica() == null || unit.node() == null) {
      return false;
    }
    String key = key(unit);
    Long t = until.get(key);
    if (t == null) {
      return false;
    }
    if (System.nanoTime() - t >= 0) {
      until.remove(key, t);
      return false;
    }
    return true;
  }

  private static String key(WideUnit unit) {
    return unit.replica().blockId() + "@" + unit.node().uuid();
  }
}
