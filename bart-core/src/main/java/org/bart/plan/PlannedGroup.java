package org.bart.plan;

/**
 * One wide stripe of a plan: which narrow stripes it merges and in which order, how its parities are
 * computed and where each of its blocks ends up.
 *
 * <p>Wide data block b (b < k_f) is data block b % k_i of member b / k_i, so for (6,3) -> (18,3) wide
 * blocks 0..5 are member 0's data, 6..11 member 1's and 12..17 member 2's; wide block k_f + j is new parity
 * j, computed at {@code mergeNode(j)}. {@code postNode(b)} is where wide block b is stored after the
 * transition.
 *
 * <p>Immutable; arrays are copied in and out.
 */
public final class PlannedGroup {

  final int[] members;
  final EncodeMethod method;
  final int[] mergeNodes;
  final int[] post;

  /**
   * @param members narrow stripe ids in wide order (lambda of them)
   * @param method how the new parities are computed
   * @param mergeNodes node computing new parity j, one per wide parity (all equal for re-encoding)
   * @param post node of wide block b after the transition, n_f of them
   */
  public PlannedGroup(int[] members, EncodeMethod method, int[] mergeNodes, int[] post) {
    this.members = members.clone();
    this.method = method;
    this.mergeNodes = mergeNodes.clone();
    this.post = post.clone();
  }

  /** Number of narrow stripes merged (lambda). */
  public int numMembers() {
    return members.length;
  }

  /** The narrow stripe at position i of the wide order. */
  public int member(int i) {
    return members[i];
  }

  /** The narrow stripe ids in wide order. */
  public int[] members() {
    return members.clone();
  }

  /** How the new parities are computed. */
  public EncodeMethod method() {
    return method;
  }

  /** The node computing new parity j (for re-encoding, the one node computing them all). */
  public int mergeNode(int parity) {
    return mergeNodes[parity];
  }

  /** The nodes computing each new parity. */
  public int[] mergeNodes() {
    return mergeNodes.clone();
  }

  /** The node storing wide block b after the transition. */
  public int postNode(int block) {
    return post[block];
  }

  /** The post-placement of the wide stripe, n_f node ids. */
  public int[] postPlacement() {
    return post.clone();
  }
}
