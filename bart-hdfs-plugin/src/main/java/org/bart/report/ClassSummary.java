package org.bart.report;

/**
 * What a transition did with one policy class (files of one codec, k, m and cell size, each class
 * transitioned on its own): its batches and their totals, or why it was left as it is.
 */
public final class ClassSummary {
  /** The narrow policy, e.g. RS-6-3-1024k. */
  public String policy;
  public String dataOnlyPolicy;
  public String wideCode;
  public int batches;
  public int files;
  public int stripes;
  public int wideGroups;
  public int filesCommitted;
  public long rawBytesBefore;
  public long rawBytesAfter;
  /** Files skipped because the class could not be transitioned in this run. */
  public int filesRefused;
  /** Why the class could not be transitioned, or null. */
  public String refusal;
}
