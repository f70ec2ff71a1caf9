package org.bart.admin;

import java.io.PrintStream;
import java.util.Locale;
import org.bart.report.BatchSummary;
import org.bart.report.GroupMethod;
import org.bart.report.ClassSummary;
import org.bart.report.SkippedFile;
import org.bart.report.TransitionReport;

/** Renders a transition report as text for an operator. */
final class ReportPrinter {

  /** Groups listed one per line in the text report at most. */
  static final int MAX_PRINTED_GROUPS = 20;

  private ReportPrinter() {
  }

  static void print(TransitionReport r, PrintStream out) {
    out.printf(Locale.ROOT, "%s of %s with %s%n", r.dryRun ? "Plan (dry run)" : "Transition",
        r.tree, r.approach);
    if (!r.recovery.isEmpty()) {
      out.println("  recovered: " + r.recovery);
    }
    if (r.narrowPolicy != null) {
      if (r.classes.size() <= 1) {
        out.printf(Locale.ROOT, "  code: %s -> %s, lambda %d; wide code %s%n", r.narrowPolicy,
            r.dataOnlyPolicy, r.lambda, r.wideCode);
      }
      out.printf(Locale.ROOT, "  files: %d transitioned, %d skipped; %d narrow stripes in %d wide "
          + "groups%n", r.filesTransitioned, r.skipped.size(), r.stripes, r.wideGroups);
    }
    printGroupMethods(r, out);
    printClasses(r, out);
    for (TransitionReport.PhaseTime p : r.phases) {
      out.printf(Locale.ROOT, "  phase %-8s %8.3f s%n", p.phase, p.millis / 1000.0);
    }
    printBatches(r, out);
    if (!r.dryRun && r.blocksRelabelled + r.blocksSent > 0) {
      out.printf(Locale.ROOT, "  data blocks: %d relabelled (%d hard links, %s), %d sent (%s)%n",
          r.blocksRelabelled, r.blocksLinked, Units.bytes(r.bytesRelabelled), r.blocksSent,
          Units.bytes(r.bytesSent));
      out.printf(Locale.ROOT, "  wide parity: %d blocks merged (%s), %d re-encoded (%s); network "
          + "%s%n", r.parityBlocksMerged, Units.bytes(r.bytesMerged), r.parityBlocksEncoded,
          Units.bytes(r.bytesEncoded), Units.bytes(r.networkBytes));
      out.printf(Locale.ROOT, "  verified: %d checksums, %d wide parities; committed %d files%n",
          r.checksumsVerified, r.paritiesVerified, r.filesCommitted);
    }
    if (r.rawBytesBefore > 0) {
      out.printf(Locale.ROOT, "  raw storage of these files: %s -> %s (%.1f%% saved), data %s%n",
          Units.bytes(r.rawBytesBefore), Units.bytes(r.rawBytesAfter), r.savingPercent(),
          Units.bytes(r.dataBytes));
    }
    printLoads(r, out);
    for (SkippedFile s : r.skipped) {
      out.println("  skipped " + s.path + ": " + s.reason);
    }
    if (r.filesSkipped > r.skipped.size()) {
      out.printf(Locale.ROOT, "  skipped %d more files (the JSON report lists the first %d)%n",
          r.filesSkipped - r.skipped.size(), r.skipped.size());
    }
    for (SkippedFile s : r.notCommitted) {
      out.println("  NOT committed " + s.path + ": " + s.reason);
    }
  }

  /** How the groups' parity is computed, and the first groups' methods and planned costs. */
  private static void printGroupMethods(TransitionReport r, PrintStream out) {
    if (r.groupsMerged + r.groupsReEncoded == 0) {
      return;
    }
    out.printf(Locale.ROOT, "  wide groups: %d merged per parity index, %d re-encoded from their "
        + "data%n", r.groupsMerged, r.groupsReEncoded);
    int shown = Math.min(r.groupMethods.size(), MAX_PRINTED_GROUPS);
    for (int i = 0; i < shown; i++) {
      GroupMethod g = r.groupMethods.get(i);
      out.printf(Locale.ROOT, "    group %s%d: %s (%s) on %s, cost %d blocks (%d fetched, %d "
          + "relocated)%n", g.batchId == null || g.batchId.isEmpty() ? "" : g.batchId + "-",
          g.group, g.method, g.approach, String.join(",", g.computeNodes), g.cost, g.fetched,
          g.relocated);
    }
    int more = r.groupsMerged + r.groupsReEncoded - shown;
    if (more > 0) {
      out.printf(Locale.ROOT, "    %d more groups (the JSON report lists the first %d)%n", more,
          r.groupMethods.size());
    }
  }

  /** One line per policy class when there are several or one was left as it is. */
  private static void printClasses(TransitionReport r, PrintStream out) {
    boolean anyRefused = false;
    for (ClassSummary c : r.classes) {
      anyRefused |= c.refusal != null;
    }
    if (r.classes.size() < 2 && !anyRefused) {
      return;
    }
    for (ClassSummary c : r.classes) {
      if (c.batches > 0) {
        out.printf(Locale.ROOT, "  class %s -> %s, wide code %s: %d files in %d batch%s, %d "
            + "stripes in %d wide groups, %d committed; raw %s -> %s (%.1f%% saved)%n", c.policy,
            c.dataOnlyPolicy, c.wideCode, c.files, c.batches, c.batches == 1 ? "" : "es",
            c.stripes, c.wideGroups, c.filesCommitted, Units.bytes(c.rawBytesBefore),
            Units.bytes(c.rawBytesAfter), c.rawBytesBefore == 0 ? 0
                : 100.0 * (c.rawBytesBefore - c.rawBytesAfter) / c.rawBytesBefore);
      }
      if (c.refusal != null) {
        out.printf(Locale.ROOT, "  class %s: %d files left as they are: %s%n", c.policy,
            c.filesRefused, c.refusal);
      }
    }
  }

  private static void printBatches(TransitionReport r, PrintStream out) {
    if (r.batches.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "  %d batch%s (max_load of the run: the sum of theirs)%n",
        r.batches.size(), r.batches.size() == 1 ? "" : "es");
    out.printf(Locale.ROOT, "    %-16s %-20s %6s %7s %6s %9s %9s %9s  %s%n", "batch", "policy",
        "files", "stripes", "groups", "max_load", "measured", "time_s", "outcome");
    for (BatchSummary b : r.batches) {
      long ms = 0;
      for (TransitionReport.PhaseTime p : b.phases) {
        ms += p.millis;
      }
      out.printf(Locale.ROOT, "    %-16s %-20s %6d %7d %6d %9d %9d %9.3f  %s%n", b.id,
          b.policy, b.files, b.stripes, b.wideGroups, b.predictedMaxLoad, b.measuredMaxLoad, ms / 1000.0,
          b.outcome);
    }
    if (r.agentCallsRetried + r.agentBusyWaits > 0) {
      out.printf(Locale.ROOT, "  agent calls: %d asked again after a timeout, %d back-offs of "
          + "busy agents%n", r.agentCallsRetried, r.agentBusyWaits);
    }
  }

  private static void printLoads(TransitionReport r, PrintStream out) {
    if (r.nodes.isEmpty() || r.predictedSend.length == 0) {
      return;
    }
    boolean measured = r.measuredSend.length == r.nodes.size();
    out.printf(Locale.ROOT, "  load per DataNode (blocks): max_load planned %d%s, bandwidth "
        + "planned %d%s%n", r.predictedMaxLoad,
        measured ? ", measured " + r.measuredMaxLoad : "", r.predictedBandwidth,
        measured ? ", measured " + r.measuredBandwidth : "");
    out.printf(Locale.ROOT, "    %-22s %8s %8s%s%n", "datanode", "send", "recv",
        measured ? String.format(Locale.ROOT, " %10s %10s", "sent", "received") : "");
    for (int i = 0; i < r.nodes.size(); i++) {
      out.printf(Locale.ROOT, "    %-22s %8d %8d%s%n", r.nodes.get(i), r.predictedSend[i],
          r.predictedRecv[i], measured ? String.format(Locale.ROOT, " %10d %10d",
              r.measuredSend[i], r.measuredRecv[i]) : "");
    }
  }
}
