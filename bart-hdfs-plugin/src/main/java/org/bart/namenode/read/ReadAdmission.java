package org.bart.namenode.read;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.BartBusyException;

/**
 * Bounds the read plans the coordinator makes at once (the first step of a degraded read): at
 * most {@code max} in all and {@code maxPerUser} for any one user. A request over either bound is
 * refused at once with {@link BartBusyException}, never queued, so plans hold at most {@code max}
 * of the coordinator's RPC handlers (the others stay free for agents' heartbeats and
 * administrators). The bytes are read by agents, outside these bounds. Thread-safe.
 */
public final class ReadAdmission {

  private final int max;
  private final int maxPerUser;
  private final Map<String, Integer> byUser = new HashMap<>();
  private int running;

  ReadAdmission(int max, int maxPerUser) {
    this.max = max;
    this.maxPerUser = maxPerUser;
  }

  /**
   * The bounds configured by {@code dfs.bart.namenode.degraded-reads.max} and
   * {@code .max-per-user}.
   *
   * @throws IllegalArgumentException naming the key, if a bound is below 1, the per-user bound
   *     exceeds the total, or the total leaves no RPC handler of the coordinator for other calls
   */
  public static ReadAdmission of(Configuration conf) {
    int handlers = conf.getInt(BartConfigKeys.NAMENODE_HANDLER_COUNT,
        BartConfigKeys.NAMENODE_HANDLER_COUNT_DEFAULT);
    int max = conf.getInt(BartConfigKeys.DEGRADED_READS_MAX,
        BartConfigKeys.DEGRADED_READS_MAX_DEFAULT);
    int perUser = conf.getInt(BartConfigKeys.DEGRADED_READS_MAX_PER_USER,
        BartConfigKeys.DEGRADED_READS_MAX_PER_USER_DEFAULT);
    if (max < 1 || max >= handlers) {
      throw new IllegalArgumentException(BartConfigKeys.DEGRADED_READS_MAX + " = " + max
          + ": must be at least 1 and less than " + BartConfigKeys.NAMENODE_HANDLER_COUNT + " ("
          + handlers + "), so that agents' heartbeats always find a free handler");
    }
    if (perUser < 1 || perUser > max) {
      throw new IllegalArgumentException(BartConfigKeys.DEGRADED_READS_MAX_PER_USER + " = "
          + perUser + ": must be between 1 and " + BartConfigKeys.DEGRADED_READS_MAX + " ("
          + max + ")");
    }
    return new ReadAdmission(max, perUser);
  }

  /** A read admitted; close it when the read is over, however it ended. */
  public final class Ticket implements AutoCloseable {
    private final String user;
    private boolean closed;

    private Ticket(String user) {
      this.user = user;
    }

    @Override
    public void close() {
      synchronized (ReadAdmission.this) {
        if (closed) {
          return;
        }
        closed = true;
        running--;
        byUser.merge(user, -1, (a, b) -> a + b == 0 ? null : a + b);
      }
    }
  }

  /**
   * Admits one read by {@code user}.
   *
   * @throws BartBusyException if {@code max} reads, or {@code maxPerUser} of this user's, run
   */
  public synchronized Ticket admit(String user) throws BartBusyException {
    int mine = byUser.getOrDefault(user, 0);
    if (running >= max || mine >= maxPerUser) {
      throw new BartBusyException("BART coordinator busy: " + (running >= max
          ? running + " degraded reads running (" + BartConfigKeys.DEGRADED_READS_MAX + ")"
          : mine + " degraded reads of " + user + " running ("
              + BartConfigKeys.DEGRADED_READS_MAX_PER_USER + ")") + "; retry later");
    }
    running++;
    byUser.put(user, mine + 1);
    return new Ticket(user);
  }
}
