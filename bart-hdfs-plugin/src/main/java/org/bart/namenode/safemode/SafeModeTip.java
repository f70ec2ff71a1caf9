package org.bart.namenode.safemode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the NameNode's safe-mode status line (NameNodeMXBean#getSafemode, as {@code hdfs dfsadmin
 * -safemode get} and the web UI show it) for the one number BART needs: how many more blocks must
 * be reported before the NameNode leaves startup safe mode on its own.
 */
final class SafeModeTip {

  private static final Pattern BLOCKS_NEEDED =
      Pattern.compile("needs additional (\\d+) blocks to reach the threshold");
  private static final Pattern DATANODES_NEEDED =
      Pattern.compile("needs an additional \\d+ live datanodes");

  private SafeModeTip() {
  }

  /**
   * The blocks the NameNode still waits for; 0 if it waits for none (or is not in safe mode);
   * -1 if it waits for DataNodes too, or the line is not understood (then BART does nothing).
   */
  static long blocksNeeded(String tip) {
    if (tip == null || tip.isEmpty()) {
      return 0;
    }
    if (DATANODES_NEEDED.matcher(tip).find()) {
      return -1;
    }
    Matcher m = BLOCKS_NEEDED.matcher(tip);
    if (m.find()) {
      return Long.parseLong(m.group(1));
    }
    return tip.contains("has reached the threshold") ? 0 : -1;
  }
}
