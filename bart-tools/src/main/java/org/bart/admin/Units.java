package org.bart.admin;

import java.util.Locale;

/** Human-readable sizes for the CLI's output. */
final class Units {

  private Units() {
  }

  /** "12.0 MiB", "1.5 GiB", "512 B". */
  static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = b;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
