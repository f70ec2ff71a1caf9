package org.bart.report;

import java.util.ArrayList;
import java.util.List;

/** One batch of a transition: what it held, its planned and measured loads, its phase times. */
public final class BatchSummary {
  /** Its id (the name of its staging directory and the prefix of its parity files). */
  public String id;
  /** committed, planned (dry run), rolled back, or left for the next run (from commit on). */
  public String outcome;
  /** The narrow policy of its files (a batch holds one policy class). */
  public String policy;
  public int files;
  public int stripes;
  public int wideGroups;
  public int predictedMaxLoad;
  public int measuredMaxLoad;
  public long predictedBandwidth;
  public long measuredBandwidth;
  public int filesCommitted;
  public List<TransitionReport.PhaseTime> phases = new ArrayList<>();
}
