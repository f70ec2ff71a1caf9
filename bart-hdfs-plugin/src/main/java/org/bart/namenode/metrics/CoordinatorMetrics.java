package org.bart.namenode.metrics;

import org.apache.hadoop.metrics2.annotation.Metric;
import org.apache.hadoop.metrics2.annotation.Metrics;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.apache.hadoop.metrics2.lib.MutableCounterLong;
import org.apache.hadoop.metrics2.lib.MutableGaugeInt;
import org.bart.report.TransitionReport;

/**
 * The coordinator's Hadoop metrics2 source ({@value #NAME}), registered with the NameNode's
 * metrics system and so visible at the NameNode's {@code /jmx} as
 * {@code Hadoop:service=NameNode,name=BartCoordinator}. Thread-safe (metrics2's mutables are).
 */
@Metrics(about = "BART coordinator", context = "dfs")
public final class CoordinatorMetrics {

  /** The source's (and the MBean's) name. */
  public static final String NAME = "BartCoordinator";

  @Metric("Transitions started") MutableCounterLong transitionsStarted;
  @Metric("Transitions that succeeded") MutableCounterLong transitionsSucceeded;
  @Metric("Transitions that failed") MutableCounterLong transitionsFailed;
  @Metric("Transitions running now") MutableGaugeInt transitionsRunning;
  @Metric("Wide groups made by finished transitions") MutableCounterLong groupsTransitioned;
  @Metric("Bytes of data blocks relabelled in place") MutableCounterLong bytesRelabelled;
  @Metric("Bytes of data blocks sent to another DataNode") MutableCounterLong bytesSent;
  @Metric("Bytes of wide parity merged") MutableCounterLong bytesMerged;

  @Metric("Read plans handed out for degraded reads (agents send the bytes)")
  MutableCounterLong readPlansServed;
  @Metric("Read plans refused or failed") MutableCounterLong readPlansFailed;

  @Metric("Lost units rebuilt by repair") MutableCounterLong unitsRebuilt;
  @Metric("Bytes of units rebuilt by repair") MutableCounterLong bytesRebuilt;
  @Metric("Units moved off shared or leaving DataNodes") MutableCounterLong unitsMoved;
  @Metric("Groups re-protected after a member went away") MutableCounterLong groupsReprotected;
  @Metric("Repair actions that failed") MutableCounterLong repairFailures;
  @Metric("Lost units waiting for or under repair") MutableGaugeInt repairsPending;
  @Metric("Wide groups in the repair queue") MutableGaugeInt repairQueueGroups;

  private CoordinatorMetrics() {
  }

  /** A source registered with the daemon's metrics system; {@link #unregister} it on stop. */
  public static CoordinatorMetrics register() {
    return DefaultMetricsSystem.instance().register(NAME, "BART coordinator",
        new CoordinatorMetrics());
  }

  /** Removes the source, so that a restarted NameNode in the same JVM can register again. */
  public void unregister() {
    DefaultMetricsSystem.instance().unregisterSource(NAME);
  }

  public void transitionStarted() {
    transitionsStarted.incr();
    transitionsRunning.incr();
  }

  /** A transition ended; {@code report} is null if it failed before it had one. */
  public void transitionFinished(boolean succeeded, TransitionReport report) {
    transitionsRunning.decr();
    (succeeded ? transitionsSucceeded : transitionsFailed).incr();
    if (report != null && !report.dryRun) {
      groupsTransitioned.incr(report.wideGroups);
      bytesRelabelled.incr(report.bytesRelabelled);
      bytesSent.incr(report.bytesSent);
      bytesMerged.incr(report.bytesMerged);
    }
  }

  /** A client got the read plan of a block group (the agents count the bytes they serve). */
  public void readPlanServed() {
    readPlansServed.incr();
  }

  public void readPlanFailed() {
    readPlansFailed.incr();
  }

  public void unitRebuilt(long bytes) {
    unitsRebuilt.incr();
    bytesRebuilt.incr(bytes);
  }

  public void unitMoved() {
    unitsMoved.incr();
  }

  public void groupReprotected() {
    groupsReprotected.incr();
  }

  public void repairFailed() {
    repairFailures.incr();
  }

  /** The repair queue now holds {@code groups} groups with {@code units} lost units in all. */
  public void repairQueue(int groups, int units) {
    repairQueueGroups.set(groups);
    repairsPending.set(units);
  }
}
