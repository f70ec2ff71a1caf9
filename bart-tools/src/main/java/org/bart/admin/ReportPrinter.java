package org.bart.admin;

import java.io.PrintStream;
import java.util.Locale;
import org.bart.report.SkippedFile;
import org.bart.report.TransitionReport;

/** Renders a transition report as text for an operator. */
final class ReportPrinter {

  private ReportPrinter() {
  }

  static void print(TransitionReport r, PrintStream out) {
    out.printf(Locale.ROOT, "%s of %s with %s%n", r.dryRun ? "Plan (dry run)" : "Transition",
        r.tree, r.approach);
    if (!r.recovery.isEmpty()) {
      out.println("  recovered: " + r.recovery);
    }
    if (r.narrowPolicy != null) {
      out.printf(Locale.ROOT, "  code: %s -> %s, lambda %d; wide code %s%n", r.narrowPolicy,
          r.dataOnlyPolicy, r.lambda, r.wideCode);
      out.printf(Locale.ROOT, "  files: %d transitioned, %d skipped; %d narrow stripes in %d wide "
          + "groups%n", r.filesTransitioned, r.skipped.size(), r.stripes, r.wideGroups);
    }
    for (TransitionReport.PhaseTime p : r.phases) {
      out.printf(Locale.ROOT, "  phase %-8s %8.3f s%n", p.phase, p.millis / 1000.0);
    }
    if (!r.dryRun && r.blocksRelabelled + r.blocksSent > 0) {
      out.printf(Locale.ROOT, "  data blocks: %d relabelled (%d hard links, %s), %d sent (%s)%n",
          r.blocksRelabelled, r.blocksLinked, Units.bytes(r.bytesRelabelled), r.blocksSent,
          Units.bytes(r.bytesSent));
      out.printf(Locale.ROOT, "  wide parity: %d blocks merged (%s); network %s%n",
          r.parityBlocksMerged, Units.bytes(r.bytesMerged), Units.bytes(r.networkBytes));
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
    for (SkippedFile s : r.notCommitted) {
      out.println("  NOT committed " + s.path + ": " + s.reason);
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
