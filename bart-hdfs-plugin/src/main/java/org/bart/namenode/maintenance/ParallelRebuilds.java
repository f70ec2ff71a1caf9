package org.bart.namenode.maintenance;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the rebuilds of one repair pass on the coordinator's side: each rebuild is one agent's
 * call (the agent of the unit's new DataNode reads the group's sources, decodes and stores the
 * unit), many at once across agents, in the order and within the per-agent bound of a
 * {@link RebuildQueue}. The coordinator only waits for the agents and for the NameNode to learn
 * the new replicas.
 */
final class ParallelRebuilds {

  /** One lost unit to rebuild. */
  interface Rebuild {
    /** The DataNode (uuid) whose agent runs it. */
    String agent();

    /** Units its group lost: its priority. */
    int lostInGroup();

    /** Rebuilds the unit and waits until the NameNode lists it. */
    void run() throws IOException;
  }

  /** What becomes of each rebuild. */
  interface Outcome {
    void done(Rebuild r);

    void failed(Rebuild r, Exception e);
  }

  private final int perAgent;

  /** @param perAgent rebuilds one agent runs at once ({@code dfs.bart.repair.rebuilds-per-agent}) */
  ParallelRebuilds(int perAgent) {
    this.perAgent = perAgent;
  }

  /** Runs every rebuild, reporting each to {@code outcome}; returns when all have ended. */
  void run(List<? extends Rebuild> rebuilds, Outcome outcome) throws IOException {
    if (rebuilds.isEmpty()) {
      return;
    }
    RebuildQueue<Rebuild> queue = new RebuildQueue<>(perAgent);
    Set<String> agents = new HashSet<>();
    for (Rebuild r : rebuilds) {
      queue.add(r, r.lostInGroup(), r.agent());
      agents.add(r.agent());
    }
    // Enough threads for every agent's slots: the queue, not the pool, is the throttle.
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.min(rebuilds.size(), agents.size() * perAgent), t -> {
          Thread th = new Thread(t, "bart-rebuild");
          th.setDaemon(true);
          return th;
        });
    try {
      synchronized (queue) {
        while (queue.waiting() > 0 || queue.running() > 0) {
          for (Rebuild r = queue.start(); r != null; r = queue.start()) {
            Rebuild started = r;
            pool.execute(() -> runOne(started, queue, outcome));
          }
          queue.wait();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("repair interrupted with rebuilds still running");
    } finally {
      pool.shutdownNow();
    }
  }

  private static void runOne(Rebuild r, RebuildQueue<Rebuild> queue, Outcome outcome) {
    try {
      r.run();
      outcome.done(r);
    } catch (IOException | RuntimeException e) {
      outcome.failed(r, e);
    } finally {
      synchronized (queue) {
        queue.finished(r);
        queue.notifyAll();
      }
    }
  }
}
