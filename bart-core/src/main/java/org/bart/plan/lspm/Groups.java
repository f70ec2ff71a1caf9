package org.bart.plan.lspm;

/**
 * A grouping of the narrow stripes into wide groups of lambda: group g is {@code member(g, 0 ..
 * lambda - 1)}, in wide order. Stripes can be swapped between groups in O(1).
 */
final class Groups {

  private final int lambda;
  private final int[] members;
  private final int[] position;

  /** @param members group g's stripes at {@code [g * lambda, (g + 1) * lambda)}, each stripe once */
  Groups(int lambda, int[] members) {
    this.lambda = lambda;
    this.members = members;
    this.position = new int[members.length];
    for (int p = 0; p < members.length; p++) {
      position[members[p]] = p;
    }
  }

  /** Stripes per group. */
  int lambda() {
    return lambda;
  }

  /** Number of groups. */
  int count() {
    return members.length / lambda;
  }

  /** The stripe at position i of group g. */
  int member(int g, int i) {
    return members[g * lambda + i];
  }

  /** The group of a stripe. */
  int groupOf(int stripe) {
    return position[stripe] / lambda;
  }

  /** The flat member array (group g at {@code g * lambda}); callers must not modify it. */
  int[] flat() {
    return members;
  }

  /** Exchanges the places of two stripes. */
  void swap(int a, int b) {
    int pa = position[a];
    int pb = position[b];
    members[pa] = b;
    members[pb] = a;
    position[a] = pb;
    position[b] = pa;
  }

  /** Makes the grouping equal to {@code flat} (a copy of an earlier {@link #flat()}). */
  void restore(int[] flat) {
    System.arraycopy(flat, 0, members, 0, members.length);
    for (int p = 0; p < members.length; p++) {
      position[members[p]] = p;
    }
  }

  /** Group g's stripes in wide order (a copy). */
  int[] membersOf(int g) {
    int[] m = new int[lambda];
    System.arraycopy(members, g * lambda, m, 0, lambda);
    return m;
  }
}
