package org.bart.bench.hdfs;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link ReadsRepairBench} run side by side, with ratios and the targets judged. */
public final class ReadsRepairTable {

  /** BART's degraded reads must be at least this fast relative to stock's. */
  static final double READ_TARGET = 1.0;
  /** BART's repair may take at most this many times stock reconstruction. */
  static final double REPAIR_TARGET = 1.2;

  private ReadsRepairTable() {
  }

  /** @return how many targets were missed */
  public static int print(ReadsRepairBench.Results r, ReadsRepairBench.Settings s,
      PrintStream out) {
    int missed = 0;
    out.printf(Locale.ROOT, "%nDegraded reads of one file (%d MiB, one block group), MiB/s, "
        + "median of %d whole-file reads%n", s.k * s.blockSize >> 20, s.runs);
    out.printf(Locale.ROOT, "%-22s %18s %14s %12s%n", "case", "stock " + s.codec.toUpperCase(Locale.ROOT) + "(" + s.k + "," + s.m + ")",
        "BART wide", "BART/stock");
    String healthy = ReadsRepairBench.caseName(0, ReadsRepairBench.HEALTHY_BUFFER);
    for (Map.Entry<String, Double> e : r.stockReads.entrySet()) {
      double stock = e.getValue();
      double bart = r.bartReads.get(e.getKey());
      // The healthy file is the bound, read by the stock path on both sides: no target.
      boolean judged = !e.getKey().equals(healthy);
      boolean ok = !judged || bart >= READ_TARGET * stock;
      missed += ok ? 0 : 1;
      out.printf(Locale.ROOT, "%-22s %18.1f %14.1f %11.2fx%s%n", e.getKey(), stock, bart,
          bart / stock, ok ? (judged ? "" : "  (healthy: the bound)")
              : "  (target >= " + READ_TARGET + "x missed)");
    }
    out.printf(Locale.ROOT, "%nBART agents' bytes per byte read (read amplification)%n");
    out.printf(Locale.ROOT, "%-22s %18s %14s%n", "case", "read from disks", "sent");
    for (Map.Entry<String, double[]> e : r.bartAgentBytes.entrySet()) {
      out.printf(Locale.ROOT, "%-22s %18.2f %14.2f%n", e.getKey(), e.getValue()[0],
          e.getValue()[1]);
    }
    RepairTiming st = r.stockRepair;
    RepairTiming bt = r.bartRepair;
    boolean ok = bt.seconds <= REPAIR_TARGET * st.seconds;
    missed += ok ? 0 : 1;
    out.printf(Locale.ROOT, "%nRestoring full redundancy after one DataNode dies%n");
    out.printf(Locale.ROOT, "%-22s %14s %14s %12s%n", "", "stock recon.", "BART -repair",
        "BART/stock");
    out.printf(Locale.ROOT, "%-22s %14d %14d%n", "blocks lost", st.blocksLost, bt.blocksLost);
    out.printf(Locale.ROOT, "%-22s %14.2f %14.2f %11.2fx%s%n", "seconds", st.seconds, bt.seconds,
        bt.seconds / st.seconds, ok ? "" : "  (target <= " + REPAIR_TARGET + "x missed)");
    out.printf(Locale.ROOT, "%-22s %14.1f %14.1f %11.2fx%n", "MiB/s restored", st.mibPerSec(),
        bt.mibPerSec(), bt.mibPerSec() / st.mibPerSec());
    out.printf(Locale.ROOT, "(block size %d MiB, cell %d KiB; reads are checked byte for byte; "
        + "time from the NameNode learning of the death to no block missing, low on redundancy "
        + "or pending; %d target(s) missed)%n", s.blockSize >> 20, s.cellSize >> 10, missed);
    return missed;
  }
}
