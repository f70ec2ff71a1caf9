package org.bart.plan.lspm;

import java.util.SplittableRandom;
import org.bart.plan.PlanningProblem;

/**
 * Lowers the grouping's bandwidth by swapping stripes between groups. For each position (g, a) in turn,
 * the candidates b are stripes that share a parity node with another member of g: up to {@code width}
 * from each such parity bucket (from a random offset) and up to {@code width} strong partners. The first
 * swap that lowers {@code cost(g) + cost(group of b)} ({@link GroupCost}) is made. Passes repeat until one
 * makes no swap or the evaluation budget is spent.
 *
 * <p>Deterministic for a given random state and budget; O(1) extra memory per group.
 */
final class BandwidthSwaps {

  private final PlanningProblem problem;
  private final ParityBuckets buckets;
  private final ParityPairRuns pairRuns;
  private final Groups groups;
  private final GroupCost cost;
  private final int width;
  private final int randomCandidates;
  private final int kI;
  private final int mF;
  private final int lambda;
  private final int[] groupCost;
  private final int[] candidates;
  private final int[] first;
  private final int[] second;

  BandwidthSwaps(PlanningProblem problem, ParityBuckets buckets, ParityPairRuns pairRuns, Groups groups,
      GroupCost cost, int width, int randomCandidates) {
    this.problem = problem;
    this.buckets = buckets;
    this.pairRuns = pairRuns;
    this.groups = groups;
    this.cost = cost;
    this.width = width;
    this.randomCandidates = randomCandidates;
    this.kI = problem.code().kI();
    this.mF = problem.code().mF();
    this.lambda = groups.lambda();
    this.groupCost = new int[groups.count()];
    for (int g = 0; g < groupCost.length; g++) {
      groupCost[g] = cost.of(groups.flat(), g * lambda, lambda);
    }
    this.candidates = new int[lambda * (mF + pairRuns.pairs()) * width + randomCandidates];
    this.first = new int[lambda];
    this.second = new int[lambda];
  }

  /** Sum of the groups' bandwidths. */
  long bandwidth() {
    long sum = 0;
    for (int c : groupCost) {
      sum += c;
    }
    return sum;
  }

  /**
   * Runs passes until one improves nothing or {@code maxEvaluations} swaps were evaluated.
   *
   * @return the number of swaps evaluated
   */
  long run(long maxEvaluations, SplittableRandom random) {
    long evaluations = 0;
    boolean improved = true;
    while (improved && evaluations < maxEvaluations) {
      improved = false;
      for (int g = 0; g < groupCost.length && evaluations < maxEvaluations; g++) {
        for (int slot = 0; slot < lambda; slot++) {
          int n = collect(g, slot, random);
          for (int i = 0; i < n; i++) {
            int b = candidates[i];
            int h = groups.groupOf(b);
            if (h == g) {
              continue;
            }
            evaluations++;
            if (trySwap(g, groups.member(g, slot), h, b)) {
              improved = true;
              break;
            }
          }
        }
      }
    }
    return evaluations;
  }

  private int collect(int g, int slot, SplittableRandom random) {
    int n = 0;
    for (int o = 0; o < lambda; o++) {
      if (o == slot) {
        continue;
      }
      int x = groups.member(g, o);
      for (int j = 0; j < mF; j++) {
        int node = problem.node(x, kI + j);
        int size = buckets.size(j, node);
        int take = Math.min(width, size);
        int offset = size > take ? random.nextInt(size) : 0;
        for (int c = 0; c < take; c++) {
          candidates[n++] = buckets.get(j, node, (offset + c) % size);
        }
      }
      for (int p = 0; p < pairRuns.pairs(); p++) {
        n = pairRuns.partners(x, p, width, candidates, n);
      }
    }
    for (int r = 0; r < randomCandidates; r++) {
      candidates[n++] = random.nextInt(problem.numStripes());
    }
    return n;
  }

  private boolean trySwap(int g, int a, int h, int b) {
    for (int i = 0; i < lambda; i++) {
      int x = groups.member(g, i);
      first[i] = x == a ? b : x;
      int y = groups.member(h, i);
      second[i] = y == b ? a : y;
    }
    int newG = cost.of(first, 0, lambda);
    int newH = cost.of(second, 0, lambda);
    if (newG + newH >= groupCost[g] + groupCost[h]) {
      return false;
    }
    groups.swap(a, b);
    groupCost[g] = newG;
    groupCost[h] = newH;
    return true;
  }
}
