package org.bart.namenode.transition;

import org.apache.hadoop.util.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enters and leaves the phases of one run: the progress the CLI shows, a log line naming the tree
 * and the batch, the phase's time and, after it, the fault-injection hook. Remembers a simulated
 * crash, after which nothing may be cleaned up.
 */
final class PhaseClock {

  private static final Logger LOG = LoggerFactory.getLogger(PhaseClock.class);

  private final String tree;
  private final JobProgress progress;
  private long start;
  private boolean crashed;

  PhaseClock(String tree, JobProgress progress) {
    this.tree = tree;
    this.progress = progress;
  }

  void enter(Phase p) {
    progress.enter(p);
    start = Time.monotonicNow();
    int batch = progress.batch();
    LOG.info("Transition of {}{}: {}", tree, batch == 0 ? "" : ", batch " + batch,
        p.description());
  }

  /** Milliseconds since the phase was entered. */
  long elapsed() {
    return Time.monotonicNow() - start;
  }

  /** Runs the fault-injection hook of a finished phase. */
  void after(Phase p) {
    try {
      CoordinatorFaultInjector.get().afterPhase(tree, p);
    } catch (CoordinatorFaultInjector.SimulatedCrash c) {
      crashed = true;
      throw c;
    }
  }

  boolean crashed() {
    return crashed;
  }
}
