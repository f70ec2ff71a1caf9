package org.bart.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test oracle for {@link StripeGrouper}: the grouping exactly as spec §4.2.1 writes it, with every
 * candidate materialised, bucketed by a dense re-implementation of BART's getTransBW, and scanned bucket by
 * bucket. Quadratic memory; only for small problems.
 */
final class NaiveGrouping {

  private NaiveGrouping() {
  }

  static int[][] group(PlanningProblem p, CostModel model) {
    CodeParams code = p.code();
    int numStripes = p.numStripes();
    int numGroups = numStripes / code.lambda();
    int maxBw = code.nF() + code.kF();
    List<int[]> cur = new ArrayList<>();
    for (int it = 0; it < code.lambda() - 1; it++) {
      List<int[]> cands = new ArrayList<>();
      if (it == 0) {
        for (int x = 0; x < numStripes - 1; x++) {
          for (int y = x + 1; y < numStripes; y++) {
            cands.add(new int[] {x, y});
          }
        }
      } else {
        boolean[] selected = new boolean[numStripes];
        for (int[] g : cur) {
          for (int s : g) {
            selected[s] = true;
          }
        }
        for (int[] g : cur) {
          for (int s = 0; s < numStripes; s++) {
            if (!selected[s]) {
              int[] c = Arrays.copyOf(g, g.length + 1);
              c[g.length] = s;
              Arrays.sort(c);
              cands.add(c);
            }
          }
        }
      }
      List<List<int[]>> buckets = new ArrayList<>();
      for (int b = 0; b < maxBw; b++) {
        buckets.add(new ArrayList<>());
      }
      for (int[] c : cands) {
        buckets.get(transBw(p, c, model)).add(c);
      }
      cur = new ArrayList<>();
      boolean[] used = new boolean[numStripes];
      scan:
      for (List<int[]> bucket : buckets) {
        for (int[] c : bucket) {
          if (Arrays.stream(c).anyMatch(s -> used[s])) {
            continue;
          }
          cur.add(c);
          for (int s : c) {
            used[s] = true;
          }
          if (cur.size() >= numGroups) {
            break scan;
          }
        }
      }
    }
    return cur.toArray(new int[0][]);
  }

  /** BART's StripeGroup::getTransBW with N-sized arrays, as the C++ computes it. */
  static int transBw(PlanningProblem p, int[] members, CostModel model) {
    CodeParams code = p.code();
    int[] data = new int[p.numNodes()];
    int reloc = 0;
    for (int s : members) {
      for (int b = 0; b < code.kI(); b++) {
        if (data[p.node(s, b)]++ > 0) {
          reloc++;
        }
      }
    }
    if (model == CostModel.RE_ENCODE) {
      return code.kF() - Arrays.stream(data).max().getAsInt() + reloc;
    }
    int[] placed = data.clone();
    int total = 0;
    for (int j = 0; j < code.mF(); j++) {
      int[] cnt = new int[p.numNodes()];
      for (int s : members) {
        cnt[p.node(s, code.kI() + j)]++;
      }
      int best = 255;
      int enc = -1;
      for (int n = 0; n < cnt.length; n++) {
        if (cnt[n] == 0) {
          continue;
        }
        int bw = members.length - cnt[n] + (placed[n] > 0 ? 1 : 0);
        if (bw < best) {
          best = bw;
          enc = n;
          if (best == 0) {
            break;
          }
        }
      }
      placed[enc]++;
      total += best;
    }
    return total + reloc;
  }
}
