package org.bart.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.net.NetUtils;

/**
 * Checks the {@code dfs.bart.*} values a plugin reads, once when it starts, so that a bad value
 * (0 threads, a negative bandwidth, "ten" for a size) stops it with a message naming the key, the
 * value and what is allowed, instead of failing later without a name or running misconfigured.
 */
public final class BartConfigCheck {

  private static final long MAX_CHUNK = 256L * 1024 * 1024;

  private final Configuration conf;
  private final List<String> problems = new ArrayList<>();

  private BartConfigCheck(Configuration conf) {
    this.conf = conf;
  }

  /**
   * The NameNode plugin's keys.
   *
   * @throws IllegalArgumentException naming every bad key, its value and what it must be
   */
  public static void nameNode(Configuration conf) {
    BartConfigCheck c = new BartConfigCheck(conf);
    c.address(BartConfigKeys.NAMENODE_RPC_ADDRESS, null);
    c.atLeast(BartConfigKeys.NAMENODE_HANDLER_COUNT, BartConfigKeys.NAMENODE_HANDLER_COUNT_DEFAULT,
        1);
    c.atLeast(BartConfigKeys.COORDINATOR_THREADS, BartConfigKeys.COORDINATOR_THREADS_DEFAULT, 1);
    c.atLeast(BartConfigKeys.STAGE_TRANSFERS_PER_LINK,
        BartConfigKeys.STAGE_TRANSFERS_PER_LINK_DEFAULT, 0);
    c.atLeast(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
        BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT, 1);
    c.bytesAtLeast(BartConfigKeys.AGENT_READ_MAX_BYTES,
        BartConfigKeys.AGENT_READ_MAX_BYTES_DEFAULT, 1);
    c.durationAtLeastZero(BartConfigKeys.REPAIR_INTERVAL,
        BartConfigKeys.REPAIR_INTERVAL_SECONDS_DEFAULT);
    c.atLeast(BartConfigKeys.TRANSITION_BATCH_GROUPS,
        BartConfigKeys.TRANSITION_BATCH_GROUPS_DEFAULT, 1);
    c.agentCalls();
    c.atLeast(BartConfigKeys.AGENT_OP_RETRIES, BartConfigKeys.AGENT_OP_RETRIES_DEFAULT, 0);
    c.atLeast(BartConfigKeys.REPAIR_REBUILDS_PER_AGENT,
        BartConfigKeys.REPAIR_REBUILDS_PER_AGENT_DEFAULT, 1);
    c.report("BART coordinator");
  }

  /**
   * The DataNode plugin's (agent's) keys.
   *
   * @throws IllegalArgumentException naming every bad key, its value and what it must be
   */
  public static void dataNode(Configuration conf) {
    BartConfigCheck c = new BartConfigCheck(conf);
    c.address(BartConfigKeys.AGENT_ADDRESS, BartConfigKeys.AGENT_ADDRESS_DEFAULT);
    c.address(BartConfigKeys.NAMENODE_RPC_ADDRESS, null);
    c.atLeast(BartConfigKeys.AGENT_HANDLER_COUNT, BartConfigKeys.AGENT_HANDLER_COUNT_DEFAULT, 1);
    c.atLeast(BartConfigKeys.AGENT_COMPUTE_THREADS, BartConfigKeys.AGENT_COMPUTE_THREADS_DEFAULT,
        1);
    c.atLeast(BartConfigKeys.AGENT_TRANSFER_THREADS,
        BartConfigKeys.AGENT_TRANSFER_THREADS_DEFAULT, 1);
    c.bytesAtLeast(BartConfigKeys.AGENT_BANDWIDTH_PER_SEC,
        BartConfigKeys.AGENT_BANDWIDTH_PER_SEC_DEFAULT, 0);
    c.atLeast(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
        BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT, 1);
    Long chunk = c.bytesAtLeast(BartConfigKeys.AGENT_CHUNK_BYTES,
        BartConfigKeys.AGENT_CHUNK_BYTES_DEFAULT, 1);
    if (chunk != null && chunk > MAX_CHUNK) {
      c.problems.add(BartConfigKeys.AGENT_CHUNK_BYTES + " = " + chunk + ": must be at most "
          + MAX_CHUNK + " (it is the memory of each buffer of an operation)");
    }
    c.bytesAtLeast(BartConfigKeys.AGENT_READ_MAX_BYTES,
        BartConfigKeys.AGENT_READ_MAX_BYTES_DEFAULT, 1);
    c.absolutePath(BartConfigKeys.AGENT_SCRATCH_DIR);
    c.agentCalls();
    c.positiveMillis(BartConfigKeys.AGENT_READ_STRAGGLER_TIMEOUT,
        BartConfigKeys.AGENT_READ_STRAGGLER_TIMEOUT_MS_DEFAULT);
    c.report("BART agent");
  }

  /**
   * The client's readahead of degraded reads.
   *
   * @throws IllegalArgumentException naming the key if it is not a positive size under 2 GiB
   */
  public static int clientReadahead(Configuration conf) {
    BartConfigCheck c = new BartConfigCheck(conf);
    Long r = c.bytesAtLeast(BartConfigKeys.CLIENT_DEGRADED_READAHEAD_BYTES,
        BartConfigKeys.CLIENT_DEGRADED_READAHEAD_BYTES_DEFAULT, 1);
    if (r != null && r > Integer.MAX_VALUE) {
      c.problems.add(BartConfigKeys.CLIENT_DEGRADED_READAHEAD_BYTES + " = " + r
          + ": must be below 2 GiB");
    }
    c.report("BART client");
    return r.intValue();
  }

  /** A whole number read as an int (counts) if {@code dflt} is an int, else as a long. */
  private void atLeast(String key, long dflt, long min) {
    String raw = conf.getTrimmed(key);
    try {
      long v = dflt == (int) dflt ? conf.getInt(key, (int) dflt) : conf.getLong(key, dflt);
      if (v < min) {
        problems.add(key + " = " + v + ": must be at least " + min);
      }
    } catch (IllegalArgumentException e) { // NumberFormatException, or a bad size prefix
      problems.add(key + " = '" + raw + "': not a whole number");
    }
  }

  /** The value in bytes (suffixes k, m, g, ... allowed), or null if it is not a size. */
  private Long bytesAtLeast(String key, long dflt, long min) {
    String raw = conf.getTrimmed(key);
    try {
      long v = conf.getLongBytes(key, dflt);
      if (v < min) {
        problems.add(key + " = " + v + ": must be at least " + min + " bytes");
      }
      return v;
    } catch (IllegalArgumentException e) { // NumberFormatException, or a bad size prefix
      problems.add(key + " = '" + raw + "': not a size in bytes (e.g. 1048576 or 1m)");
      return null;
    }
  }

  private void durationAtLeastZero(String key, long dfltSeconds) {
    String raw = conf.getTrimmed(key);
    try {
      if (conf.getTimeDuration(key, dfltSeconds, TimeUnit.SECONDS, TimeUnit.MILLISECONDS) < 0) {
        problems.add(key + " = " + raw + ": must not be negative (0 turns it off)");
      }
    } catch (IllegalArgumentException e) { // NumberFormatException, or a bad size prefix
      problems.add(key + " = '" + raw + "': not a duration (e.g. 60s, 5m, 0)");
    }
  }

  /** The timeout of agent RPCs (both plugins call agents): positive and under 2^31 ms. */
  private void agentCalls() {
    String key = BartConfigKeys.AGENT_OP_TIMEOUT;
    String raw = conf.getTrimmed(key);
    try {
      long ms = conf.getTimeDuration(key, BartConfigKeys.AGENT_OP_TIMEOUT_SECONDS_DEFAULT,
          TimeUnit.SECONDS, TimeUnit.MILLISECONDS);
      if (ms < 1 || ms > Integer.MAX_VALUE) {
        problems.add(key + " = " + raw + ": must be a duration from 1ms to 24d (e.g. 10m)");
      }
    } catch (IllegalArgumentException e) { // NumberFormatException, or a bad unit
      problems.add(key + " = '" + raw + "': not a duration (e.g. 10m, 30s)");
    }
  }

  private void positiveMillis(String key, long dfltMs) {
    String raw = conf.getTrimmed(key);
    try {
      if (conf.getTimeDuration(key, dfltMs, TimeUnit.MILLISECONDS) <= 0) {
        problems.add(key + " = " + raw + ": must be positive (e.g. 5s, 500ms)");
      }
    } catch (IllegalArgumentException e) { // NumberFormatException
      problems.add(key + " = '" + raw + "': not a duration (e.g. 5s, 500ms)");
    }
  }

  /** A key naming a local directory, if set: an absolute path. */
  private void absolutePath(String key) {
    String raw = conf.getTrimmed(key);
    if (raw != null && (raw.isEmpty() || !new java.io.File(raw).isAbsolute())) {
      problems.add(key + " = '" + raw + "': not an absolute path");
    }
  }

  /** A host:port key; an unset key with no default is the caller's to derive. */
  private void address(String key, String dflt) {
    String raw = conf.getTrimmed(key, dflt);
    if (raw == null) {
      return;
    }
    try {
      NetUtils.createSocketAddr(raw, 0, key);
    } catch (IllegalArgumentException e) {
      problems.add(key + " = '" + raw + "': not host:port (" + e.getMessage() + ")");
    }
  }

  private void report(String who) {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(who + " refuses to start, fix these keys (hdfs-site.xml):"
          + " " + String.join("; ", problems));
    }
  }
}
