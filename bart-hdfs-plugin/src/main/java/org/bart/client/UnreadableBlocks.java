package org.bart.client;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The data blocks of one file that its degraded reads found unreadable, by block group, kept for
 * a while: the file's later windows and streams ask an agent for them at once, beside their own
 * reads, instead of failing on them first (the NameNode lists a stopped DataNode live for
 * minutes, so a plan does not say). After {@link #KEEP_SECONDS} a block is tried again: a
 * DataNode back in service is read from then on. Thread-safe.
 */
final class UnreadableBlocks {

  static final long KEEP_SECONDS = 30;

  private final LongSupplier nanoClock;
  /** Per block group start, per block index, until when (nanoClock) it counts as unreadable. */
  private final Map<Long, Map<Integer, Long>> byGroup = new HashMap<>();

  /** @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}) */
  UnreadableBlocks(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** The blocks of the group starting at {@code groupStart} found unreadable lately. */
  synchronized Set<Integer> of(long groupStart) {
    Set<Integer> out = new TreeSet<>();
    Map<Integer, Long> blocks = byGroup.get(groupStart);
    if (blocks == null) {
      return out;
    }
    long now = nanoClock.getAsLong();
    for (Iterator<Map.Entry<Integer, Long>> it = blocks.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Integer, Long> e = it.next();
      if (e.getValue() - now > 0) {
        out.add(e.getKey());
      } else {
        it.remove();
      }
    }
    return out;
  }

  /** Remembers {@code blocks} of that group as unreadable from now on. */
  synchronized void add(long groupStart, Collection<Integer> blocks) {
    long until = nanoClock.getAsLong() + TimeUnit.SECONDS.toNanos(KEEP_SECONDS);
    Map<Integer, Long> known = byGroup.computeIfAbsent(groupStart, g -> new HashMap<>());
    for (int j : blocks) {
      known.put(j, until);
    }
  }
}
