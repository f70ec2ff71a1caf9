package org.bart.plan.approach;

import org.bart.plan.BandwidthGreedyPlanner;
import org.bart.plan.BartPlanner;
import org.bart.plan.CostModel;
import org.bart.plan.EncodeMethod;
import org.bart.plan.Planner;
import org.bart.plan.RandomPlanner;
import org.bart.plan.lspm.LspmPlanner;

/**
 * The approaches of BART's {@code BTSGenerator}, by the names it accepts, plus this project's LSPM. Each of
 * BART's gives the planner that reproduces BART's output for a seeded {@link Rng#exact(long)}.
 */
public enum Approach {
  /** Sequential groups, one random re-encoding node. */
  RDRE("RDRE", new RandomPlanner("RDRE", EncodeMethod.RE_ENCODE)),
  /** Sequential groups, a random merge node per parity. */
  RDPM("RDPM", new RandomPlanner("RDPM", EncodeMethod.PARITY_MERGE)),
  /** Bandwidth-greedy groups, re-encoding at the node with most data, random relocation. */
  BWRE("BWRE", new BandwidthGreedyPlanner("BWRE", EncodeMethod.RE_ENCODE)),
  /** Bandwidth-greedy groups, bandwidth-greedy merge nodes, random relocation (the paper's "BW"). */
  BWPM("BWPM", new BandwidthGreedyPlanner("BWPM", EncodeMethod.PARITY_MERGE)),
  /** BART with re-encoding grouping costs; still parity-merges every group (spec §8.1). */
  BTRE("BTRE", new BartPlanner("BTRE", CostModel.RE_ENCODE, false)),
  /** BART (identical to BTPM). */
  BT("BT", new BartPlanner("BT", CostModel.PARITY_MERGE, false)),
  /** BART: greedy grouping, load-balanced parity merging, semi-matching relocation. */
  BTPM("BTPM", new BartPlanner("BTPM", CostModel.PARITY_MERGE, false)),
  /** BART balancing load divided by link bandwidth; needs a bandwidth profile. */
  BT_WEIGHTED("BTWeighted", new BartPlanner("BTWeighted", CostModel.PARITY_MERGE, true)),
  /**
   * Not BART's: bandwidth-minimising grouping, then local search on the true max_load (bandwidth as
   * tie-break), with the default time budget; with a bandwidth profile it balances transfer times.
   */
  LSPM("LSPM", LspmPlanner.withDefaultBudget("LSPM"));

  private final String label;
  private final Planner planner;

  Approach(String label, Planner planner) {
    this.label = label;
    this.planner = planner;
  }

  /** The name BART uses, e.g. {@code "BTWeighted"}. */
  public String label() {
    return label;
  }

  /** The planner implementing this approach (stateless, shared). */
  public Planner planner() {
    return planner;
  }

  /**
   * The planner with a nominal time budget; only LSPM has one ({@link LspmPlanner}).
   *
   * @throws IllegalArgumentException for the other approaches, or a negative budget
   */
  public Planner planner(long budgetMillis) {
    if (this != LSPM) {
      throw new IllegalArgumentException("only LSPM takes a time budget, not " + label);
    }
    return LspmPlanner.withBudget(label, budgetMillis);
  }

  /** Whether the approach re-encodes every group from its data (RDRE, BWRE) instead of merging. */
  public boolean reEncodes() {
    return this == RDRE || this == BWRE;
  }

  /**
   * The approach that plans re-encoded groups in this one's stead, for geometries whose parity
   * cannot be merged: RDRE for the random ones, else BWRE, BART's planner with the re-encoding
   * cost model (greedy grouping by that cost, encoding at the node holding most of the group's data).
   */
  public Approach reEncoding() {
    return this == RDRE || this == RDPM ? RDRE : BWRE;
  }

  /** Whether the approach plans against a bandwidth profile (and fails without one). */
  public boolean needsBandwidthProfile() {
    return this == BT_WEIGHTED;
  }

  /**
   * The approach with BART's name (case-sensitive, as BTSGenerator).
   *
   * @throws IllegalArgumentException listing the valid names if there is none
   */
  public static Approach parse(String name) {
    StringBuilder valid = new StringBuilder();
    for (Approach a : values()) {
      if (a.label.equals(name)) {
        return a;
      }
      valid.append(valid.length() == 0 ? "" : ", ").append(a.label);
    }
    throw new IllegalArgumentException("invalid approach '" + name + "', expected one of " + valid);
  }
}
