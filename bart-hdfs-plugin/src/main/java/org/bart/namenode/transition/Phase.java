package org.bart.namenode.transition;

/** The phases of a transition, in order (DESIGN.md §5). */
public enum Phase {
  RECOVER("recover unfinished batches"),
  DISCOVER("discover mergeable files"),
  PLAN("plan"),
  STAGE("stage twins and wide parity"),
  VERIFY("verify"),
  COMMIT("commit"),
  CLEANUP("clean up");

  private final String description;

  Phase(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
