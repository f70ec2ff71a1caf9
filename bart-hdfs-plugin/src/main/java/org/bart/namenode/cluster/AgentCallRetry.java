package org.bart.namenode.cluster;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.RetriableException;
import org.apache.hadoop.util.Time;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.AgentClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the coordinator calls an agent's block operation: a call that timed out or lost its
 * connection is made again, at most {@code dfs.bart.agent.op.retries} times (the operations are
 * idempotent: a repeated relabel, send or merge finds its target stored and answers ALREADY_DONE,
 * and one still running on the agent is joined, not started twice); an agent that refuses as busy
 * ({@link org.bart.protocol.BartBusyException}) is asked again after a back-off of 50 ms doubling
 * up to 1.6 s, for at most {@code dfs.bart.agent.op.timeout}. Every other failure (an agent's
 * {@link org.bart.protocol.BartAgentException}: replica missing, checksum differs, ...) is final
 * at once. Only staging calls go through it, before commit: a committed file is never touched.
 * Thread-safe.
 */
public final class AgentCallRetry {

  private static final Logger LOG = LoggerFactory.getLogger(AgentCallRetry.class);
  private static final long FIRST_BACKOFF_MS = 50;
  private static final long MAX_BACKOFF_MS = 1600;

  /** One agent call. */
  public interface Call<T> {
    T call() throws IOException;
  }

  private final int retries;
  private final long busyBudgetMs;
  private final long firstBackoffMs;
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong busyWaits = new AtomicLong();
  private final Consumer<String> beforeRetry;

  /** @param beforeRetry told what is about to be asked again after a timeout or lost connection */
  public AgentCallRetry(Configuration conf, Consumer<String> beforeRetry) {
    this(conf.getInt(BartConfigKeys.AGENT_OP_RETRIES, BartConfigKeys.AGENT_OP_RETRIES_DEFAULT),
        AgentClient.opTimeoutMs(conf), FIRST_BACKOFF_MS, beforeRetry);
  }

  AgentCallRetry(int retries, long busyBudgetMs, long firstBackoffMs,
      Consumer<String> beforeRetry) {
    this.retries = retries;
    this.busyBudgetMs = busyBudgetMs;
    this.firstBackoffMs = firstBackoffMs;
    this.beforeRetry = beforeRetry;
  }

  /**
   * Makes {@code call} until it succeeds or fails for good.
   *
   * @param what the operation, its block and node, for the log
   * @throws IOException the last failure
   */
  public <T> T call(String what, Call<T> call) throws IOException {
    int failures = 0;
    long backoff = firstBackoffMs;
    long busyDeadline = -1;
    while (true) {
      try {
        return call.call();
      } catch (RetriableException busy) {
        long now = Time.monotonicNow();
        busyDeadline = busyDeadline < 0 ? now + busyBudgetMs : busyDeadline;
        if (now + backoff > busyDeadline) {
          throw busy;
        }
        busyWaits.incrementAndGet();
        LOG.debug("{}: agent busy, asking again in {} ms", what, backoff);
        pause(what, backoff);
        backoff = Math.min(2 * backoff, MAX_BACKOFF_MS);
      } catch (IOException e) {
        if (!isTransient(e) || failures >= retries) {
          throw e;
        }
        failures++;
        retried.incrementAndGet();
        LOG.warn("{}: {}; asking again ({} of {})", what, e.toString(), failures, retries);
        beforeRetry.accept(what);
      }
    }
  }

  /** A failure of the connection, not of the operation: the call may be made again. */
  static boolean isTransient(IOException e) {
    return e instanceof SocketTimeoutException || e instanceof SocketException
        || e instanceof EOFException;
  }

  /** Calls made again after a timeout or a lost connection. */
  public long retried() {
    return retried.get();
  }

  /** Back-offs after an agent refused as busy. */
  public long busyWaits() {
    return busyWaits.get();
  }

  private static void pause(String what, long ms) throws InterruptedIOException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(what + ": interrupted while backing off");
    }
  }
}
