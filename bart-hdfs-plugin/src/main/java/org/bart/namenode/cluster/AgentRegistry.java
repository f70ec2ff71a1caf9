package org.bart.namenode.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.util.Time;

/**
 * The agents that announced themselves, by DataNode uuid: where each listens and whether it was
 * ready at its last heartbeat. In memory only: agents re-register every few seconds, so a
 * restarted NameNode relearns them within one heartbeat interval.
 */
public final class AgentRegistry {

  /** One agent as last heard of. */
  public static final class Entry {
    public final String datanodeUuid;
    public final String address;
    public final boolean ready;
    public final long lastSeenMs;

    Entry(String datanodeUuid, String address, boolean ready, long lastSeenMs) {
      this.datanodeUuid = datanodeUuid;
      this.address = address;
      this.ready = ready;
      this.lastSeenMs = lastSeenMs;
    }
  }

  private final Map<String, Entry> agents = new ConcurrentHashMap<>();

  public void register(String datanodeUuid, String address, boolean ready) {
    agents.put(datanodeUuid, new Entry(datanodeUuid, address, ready, Time.monotonicNow()));
  }

  /**
   * Whether the agent of {@code datanodeUuid} was ready at a heartbeat within {@code maxAgeMs}: a
   * DataNode whose agent went quiet is treated as unavailable well before the NameNode declares
   * it dead (minutes later).
   */
  public boolean isFresh(String datanodeUuid, long maxAgeMs) {
    Entry e = agents.get(datanodeUuid);
    return e != null && e.ready && Time.monotonicNow() - e.lastSeenMs <= maxAgeMs;
  }

  /** The agent of the DataNode {@code datanodeUuid}, or null if it never registered. */
  public Entry get(String datanodeUuid) {
    return agents.get(datanodeUuid);
  }

  public List<Entry> all() {
    return new ArrayList<>(agents.values());
  }
}
