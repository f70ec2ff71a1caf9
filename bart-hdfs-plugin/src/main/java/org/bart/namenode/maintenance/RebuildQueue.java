package org.bart.namenode.maintenance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which rebuild runs next, as HDFS's {@code LowRedundancyBlocks} and the per-DataNode stream
 * limit ({@code dfs.namenode.replication.max-streams}) decide it for stock reconstruction: a
 * unit of a group with more lost units goes first (a group that lost m units is one failure from
 * data loss), and no agent runs more than {@code perAgent} rebuilds at once; a rebuild whose agent
 * is busy waits while later ones for idle agents start. Pure and not thread-safe: the caller
 * holds a lock around it.
 *
 * @param <T> a rebuild
 */
public final class RebuildQueue<T> {

  /** A waiting rebuild: its task, how many units its group lost, and the agent that runs it. */
  private static final class Entry<T> {
    final T task;
    final int lostInGroup;
    final String agent;

    Entry(T task, int lostInGroup, String agent) {
      this.task = task;
      this.lostInGroup = lostInGroup;
      this.agent = agent;
    }
  }

  private final int perAgent;
  private final List<Entry<T>> waiting = new ArrayList<>();
  private final Map<String, Integer> running = new HashMap<>();
  private final Map<T, String> agentOf = new HashMap<>();

  /** @param perAgent rebuilds one agent may run at once, at least 1 */
  public RebuildQueue(int perAgent) {
    if (perAgent < 1) {
      throw new IllegalArgumentException("rebuilds per agent must be at least 1, got " + perAgent);
    }
    this.perAgent = perAgent;
  }

  /** Queues {@code task}, run by {@code agent}, for a group that lost {@code lostInGroup} units. */
  public void add(T task, int lostInGroup, String agent) {
    Entry<T> e = new Entry<>(task, lostInGroup, agent);
    int i = waiting.size();
    // Most lost units first; among equals, first added first.
    while (i > 0 && waiting.get(i - 1).lostInGroup < lostInGroup) {
      i--;
    }
    waiting.add(i, e);
  }

  /**
   * The first waiting rebuild, in priority order, whose agent has a free slot, now counted as
   * running; null if none can start now.
   */
  public T start() {
    for (Iterator<Entry<T>> it = waiting.iterator(); it.hasNext(); ) {
      Entry<T> e = it.next();
      int busy = running.getOrDefault(e.agent, 0);
      if (busy < perAgent) {
        it.remove();
        running.put(e.agent, busy + 1);
        agentOf.put(e.task, e.agent);
        return e.task;
      }
    }
    return null;
  }

  /** A started rebuild ended (either way): its agent's slot is free again. */
  public void finished(T task) {
    String agent = agentOf.remove(task);
    if (agent == null) {
      throw new IllegalStateException("rebuild " + task + " was not running");
    }
    running.put(agent, running.get(agent) - 1);
  }

  /** Rebuilds waiting to start. */
  public int waiting() {
    return waiting.size();
  }

  /** Rebuilds started and not finished. */
  public int running() {
    return agentOf.size();
  }
}
