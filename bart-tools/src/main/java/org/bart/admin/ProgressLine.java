package org.bart.admin;

import java.io.PrintStream;
import java.util.Locale;
import org.bart.protocol.proto.CoordinatorProtos.JobStatusProto;

/**
 * Shows a running transition: on a terminal one line redrawn in place (a bar, the phase, the
 * batch, groups done of those planned so far, bytes moved, ETA); otherwise a plain line whenever
 * the phase changes or every 10 s. The totals grow batch by batch as the tree is discovered.
 */
public final class ProgressLine {

  private static final int WIDTH = 30;
  private static final long PLAIN_INTERVAL_MS = 10_000;

  private final PrintStream out;
  private final boolean terminal;
  private String lastPhase = "";
  private long lastPrintMs;
  private boolean drawn;

  ProgressLine(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void show(JobStatusProto s) {
    String line = describe(s);
    if (terminal) {
      out.print("\r" + line + "   ");
      out.flush();
      drawn = true;
    } else if (!s.getPhase().equals(lastPhase)
        || System.currentTimeMillis() - lastPrintMs > PLAIN_INTERVAL_MS) {
      out.println(line);
      lastPrintMs = System.currentTimeMillis();
    }
    lastPhase = s.getPhase();
  }

  /** Ends the redrawn line so that what follows starts on a fresh one. */
  void end() {
    if (drawn) {
      out.println();
      drawn = false;
    }
  }

  public static String describe(JobStatusProto s) {
    double fraction = s.getGroupsTotal() == 0 ? 0 : (double) s.getGroupsDone() / s.getGroupsTotal();
    int filled = (int) Math.round(fraction * WIDTH);
    StringBuilder bar = new StringBuilder("[");
    for (int i = 0; i < WIDTH; i++) {
      bar.append(i < filled ? '#' : '.');
    }
    bar.append(']');
    String eta = "";
    if (s.getGroupsDone() > 0 && s.getGroupsDone() < s.getGroupsTotal()) {
      long remainingMs = (long) (s.getElapsedMs() * (1 - fraction) / fraction);
      eta = "  ETA " + duration(remainingMs);
    }
    String batch = s.getBatch() == 0 ? ""
        : String.format(Locale.ROOT, "batch %d (%d committed)  ", s.getBatch(),
            s.getBatchesCommitted());
    return String.format(Locale.ROOT, "%s %-32s %sgroups %d/%d  moved %s of ~%s  %s%s", bar,
        s.getPhase(), batch, s.getGroupsDone(), s.getGroupsTotal(),
        Units.bytes(s.getBytesMoved()), Units.bytes(s.getBytesPlanned()),
        duration(s.getElapsedMs()), eta);
  }

  static String duration(long ms) {
    long s = ms / 1000;
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
