package org.bart.plan.lspm;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bart.plan.PlanningProblem;

/**
 * Step 1's starting grouping: BART's cheapest-first greedy (spec §4.2.1) restricted to candidate lists, so
 * that it runs in near-linear time and memory. Round 0 pairs stripes; round t extends every partial group
 * by one stripe. In each round every candidate (partial group, stripe) is costed exactly with {@link
 * GroupCost}, the candidates are sorted by cost (stable, counting sort) and taken cheapest first while
 * both sides are still free; a group the candidates could not extend takes the cheapest of a random sample
 * of the free stripes.
 *
 * <p>Candidates of a partial group: with at most {@link #FULL_SCAN_STRIPES} stripes, every free stripe (as
 * BART, which enumerates all); otherwise, for each member, up to {@code width} free stripes of each of its
 * parity buckets (from a random offset) and up to {@code width} strong partners, of which the {@code
 * keep} cheapest are kept per stripe or group. Memory O(S * keep), or O(S^2) up to the full-scan size.
 */
final class CheapestFirstGrouping {

  /** Up to this many stripes, every free stripe is a candidate (O(S^2 / lambda) cost evaluations). */
  static final int FULL_SCAN_STRIPES = 4096;

  /** Free stripes sampled for a group that no candidate could extend. */
  private static final int FALLBACK_SAMPLE = 64;

  private final PlanningProblem problem;
  private final ParityBuckets buckets;
  private final ParityPairRuns pairRuns;
  private final GroupCost cost;
  private final int width;
  private final int keep;
  private final int kI;
  private final int mF;
  private final int lambda;
  private final int numStripes;
  private final int numGroups;
  private final boolean fullScan;

  private final int[] members;
  private final int[] free;
  private final int[] freeAt;
  private int numFree;
  private final int[] trial;
  private int[] candidates;
  private final int[] keptStripe;
  private final int[] keptCost;

  CheapestFirstGrouping(PlanningProblem problem, ParityBuckets buckets, ParityPairRuns pairRuns, GroupCost cost,
      int width, int keep) {
    this.problem = problem;
    this.buckets = buckets;
    this.pairRuns = pairRuns;
    this.cost = cost;
    this.width = width;
    this.kI = problem.code().kI();
    this.mF = problem.code().mF();
    this.lambda = problem.code().lambda();
    this.numStripes = problem.numStripes();
    this.numGroups = numStripes / lambda;
    this.fullScan = numStripes <= FULL_SCAN_STRIPES;
    this.keep = keep;
    this.members = new int[numStripes];
    this.free = new int[numStripes];
    this.freeAt = new int[numStripes];
    this.trial = new int[lambda];
    this.candidates = new int[fullScan ? numStripes : lambda * (mF + pairRuns.pairs()) * width];
    this.keptStripe = new int[keep];
    this.keptCost = new int[keep];
  }

  /**
   * Groups every stripe; removes them all from the buckets' live prefixes.
   *
   * @return group g's members at {@code [g * lambda, (g + 1) * lambda)}
   */
  int[] run(SplittableRandom random) {
    for (int s = 0; s < numStripes; s++) {
      free[s] = s;
      freeAt[s] = s;
    }
    numFree = numStripes;
    pairRound(random);
    for (int size = 2; size < lambda; size++) {
      extendRound(size, random);
    }
    return members;
  }

  /** Round 0: every stripe proposes its candidates; the cheapest disjoint pairs become groups. */
  private void pairRound(SplittableRandom random) {
    Proposals proposals = new Proposals(numStripes * (long) (fullScan ? numStripes / 2 : keep));
    for (int s = 0; s < numStripes; s++) {
      trial[0] = s;
      int n = collect(trial, 1, random);
      int kept = 0;
      for (int i = 0; i < n; i++) {
        int c = candidates[i];
        if (c == s || (fullScan && c < s)) {
          continue;
        }
        trial[1] = c;
        kept = propose(proposals, s, kept, c, cost.of(trial, 0, 2));
      }
      for (int i = 0; i < kept; i++) {
        proposals.add(s, keptStripe[i], keptCost[i]);
      }
    }
    int formed = 0;
    for (long p : proposals.cheapestFirst()) {
      if (formed == numGroups) {
        break;
      }
      int a = Proposals.owner(p);
      int b = Proposals.stripe(p);
      if (isFree(a) && isFree(b)) {
        members[formed * lambda] = a;
        members[formed * lambda + 1] = b;
        take(a);
        take(b);
        formed++;
      }
    }
    for (; formed < numGroups; formed++) {
      int a = free[0];
      take(a);
      members[formed * lambda] = a;
      members[formed * lambda + 1] = cheapestFree(formed, 1, random);
      take(members[formed * lambda + 1]);
    }
  }

  /** Round for groups of {@code size}: each group proposes free stripes; cheapest extensions first. */
  private void extendRound(int size, SplittableRandom random) {
    Proposals proposals = new Proposals(numGroups * (long) (fullScan ? numFree : keep));
    for (int g = 0; g < numGroups; g++) {
      System.arraycopy(members, g * lambda, trial, 0, size);
      int n = collect(trial, size, random);
      int kept = 0;
      for (int i = 0; i < n; i++) {
        int c = candidates[i];
        if (!isFree(c)) {
          continue;
        }
        trial[size] = c;
        kept = propose(proposals, g, kept, c, cost.of(trial, 0, size + 1));
      }
      for (int i = 0; i < kept; i++) {
        proposals.add(g, keptStripe[i], keptCost[i]);
      }
    }
    boolean[] extended = new boolean[numGroups];
    for (long p : proposals.cheapestFirst()) {
      int g = Proposals.owner(p);
      int c = Proposals.stripe(p);
      if (!extended[g] && isFree(c)) {
        members[g * lambda + size] = c;
        take(c);
        extended[g] = true;
      }
    }
    for (int g = 0; g < numGroups; g++) {
      if (!extended[g]) {
        int c = cheapestFree(g, size, random);
        members[g * lambda + size] = c;
        take(c);
      }
    }
  }

  /** Candidate stripes for a partial group of {@code size} (may repeat or include taken stripes). */
  private int collect(int[] group, int size, SplittableRandom random) {
    if (fullScan) {
      System.arraycopy(free, 0, candidates, 0, numFree);
      return numFree;
    }
    int n = 0;
    for (int i = 0; i < size; i++) {
      int x = group[i];
      for (int j = 0; j < mF; j++) {
        int node = problem.node(x, kI + j);
        int live = buckets.liveSize(j, node);
        int take = Math.min(width, live);
        int offset = live > take ? random.nextInt(live) : 0;
        for (int c = 0; c < take; c++) {
          candidates[n++] = buckets.get(j, node, (offset + c) % live);
        }
      }
      for (int p = 0; p < pairRuns.pairs(); p++) {
        n = pairRuns.partners(x, p, width, candidates, n);
      }
    }
    return n;
  }

  /** The cheapest free stripe to add to group g (of {@code size}) among a random sample. */
  private int cheapestFree(int g, int size, SplittableRandom random) {
    System.arraycopy(members, g * lambda, trial, 0, size);
    int best = -1;
    int bestCost = Integer.MAX_VALUE;
    for (int i = 0; i < FALLBACK_SAMPLE; i++) {
      int c = free[random.nextInt(numFree)];
      trial[size] = c;
      int v = cost.of(trial, 0, size + 1);
      if (v < bestCost) {
        bestCost = v;
        best = c;
      }
    }
    return best;
  }

  /**
   * With a full scan, proposes (owner, stripe, cost) at once; otherwise inserts (stripe, cost) into the
   * owner's kept list, sorted by cost, if it is among the {@code keep} cheapest.
   *
   * @return the kept list's new size
   */
  private int propose(Proposals proposals, int owner, int kept, int stripe, int c) {
    if (fullScan) {
      proposals.add(owner, stripe, c);
      return 0;
    }
    if (kept == keep && c >= keptCost[kept - 1]) {
      return kept;
    }
    int i = kept == keep ? kept - 1 : kept++;
    while (i > 0 && keptCost[i - 1] > c) {
      keptStripe[i] = keptStripe[i - 1];
      keptCost[i] = keptCost[i - 1];
      i--;
    }
    keptStripe[i] = stripe;
    keptCost[i] = c;
    return kept;
  }

  private boolean isFree(int s) {
    return freeAt[s] >= 0;
  }

  /** Removes a free stripe from the free list and the buckets' live prefixes. */
  private void take(int s) {
    int at = freeAt[s];
    int last = free[--numFree];
    free[at] = last;
    freeAt[last] = at;
    freeAt[s] = -1;
    buckets.remove(s);
  }

  /** Proposals (owner, stripe, cost) in insertion order, listed stably by ascending cost. */
  private static final class Proposals {

    private long[] items;
    private int[] costs;
    private int size;

    Proposals(long capacity) {
      int c = (int) Math.min(Math.max(capacity, 16), Integer.MAX_VALUE - 16);
      items = new long[Math.min(c, 1 << 20)];
      costs = new int[items.length];
    }

    void add(int owner, int stripe, int cost) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
        costs = Arrays.copyOf(costs, size * 2);
      }
      items[size] = ((long) owner << 32) | stripe;
      costs[size++] = cost;
    }

    static int owner(long item) {
      return (int) (item >>> 32);
    }

    static int stripe(long item) {
      return (int) item;
    }

    /** The proposals sorted by cost, ties in insertion order. */
    long[] cheapestFirst() {
      int max = 0;
      for (int i = 0; i < size; i++) {
        max = Math.max(max, costs[i]);
      }
      int[] start = new int[max + 2];
      for (int i = 0; i < size; i++) {
        start[costs[i] + 1]++;
      }
      for (int c = 0; c <= max; c++) {
        start[c + 1] += start[c];
      }
      long[] sorted = new long[size];
      for (int i = 0; i < size; i++) {
        sorted[start[costs[i]]++] = items[i];
      }
      return sorted;
    }
  }
}
