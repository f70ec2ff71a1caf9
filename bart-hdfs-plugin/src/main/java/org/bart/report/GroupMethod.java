package org.bart.report;

import java.util.ArrayList;
import java.util.List;

/**
 * How one wide group's parity is computed and what that costs, as planned: merged per parity index
 * on each parity's merge node, or re-encoded from the group's data on one encoding node. Costs are
 * transfers in blocks, as in BART's cost model.
 */
public final class GroupMethod {
  /** The method's name in reports. */
  public static final String MERGE = "merge";
  public static final String RE_ENCODE = "re-encode";

  /** The batch and the group's index in it (its parity file is {@code groups/BATCH-INDEX}). */
  public String batchId;
  public int group;
  /** {@link #MERGE} or {@link #RE_ENCODE}. */
  public String method;
  /** The approach that planned it (BWRE or RDRE for a geometry without merge, whatever was asked). */
  public String approach;
  /** The DataNodes computing the wide parities (one for a re-encode, one per parity for a merge). */
  public List<String> computeNodes = new ArrayList<>();
  /** Blocks fetched to the computing nodes: narrow parities (merge) or data blocks (re-encode). */
  public int fetched;
  /** Blocks moved to their post-transition DataNodes (data blocks and computed parities). */
  public int relocated;
  /** The group's planned transfers in blocks: fetched + relocated. */
  public int cost;
}
