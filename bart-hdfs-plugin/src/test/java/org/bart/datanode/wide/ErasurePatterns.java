package org.bart.datanode.wide;

import java.util.ArrayList;
import java.util.List;

/** Every set of lost units of a wide row, as sorted arrays of wide indexes. */
public final class ErasurePatterns {

  private ErasurePatterns() {
  }

  /** All subsets of {0..n-1} with exactly {@code size} elements, in lexicographic order. */
  public static List<int[]> ofSize(int n, int size) {
    List<int[]> out = new ArrayList<>();
    collect(n, new int[size], 0, 0, out);
    return out;
  }

  /** All subsets of {0..n-1} with at most {@code max} elements, smaller sets first. */
  public static List<int[]> upTo(int n, int max) {
    List<int[]> out = new ArrayList<>();
    for (int size = 0; size <= max; size++) {
      out.addAll(ofSize(n, size));
    }
    return out;
  }

  private static void collect(int n, int[] chosen, int filled, int next, List<int[]> out) {
    if (filled == chosen.length) {
      out.add(chosen.clone());
      return;
    }
    for (int u = next; u <= n - (chosen.length - filled); u++) {
      chosen[filled] = u;
      collect(n, chosen, filled + 1, u + 1, out);
    }
  }

  public static boolean contains(int[] pattern, int unit) {
    for (int u : pattern) {
      if (u == unit) {
        return true;
      }
    }
    return false;
  }
}
