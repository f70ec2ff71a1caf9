package org.bart.plan;

/**
 * The per-group bandwidth estimate that drives greedy stripe grouping (BART's {@code getTransBW}): data
 * relocation (one transfer per data block on a node that already holds one of the group's data blocks)
 * plus the parity part given here.
 */
public enum CostModel {
  /**
   * Re-encoding ({@code getREBW}): k_f minus the most data blocks any one node holds. It uses k_f even for
   * partial groups, a constant offset per grouping round, and ignores parity relocation, as BART does.
   */
  RE_ENCODE,
  /** Parity merging ({@code getPMBW}): per parity, the bandwidth-greedy merge node (spec §3). */
  PARITY_MERGE
}
