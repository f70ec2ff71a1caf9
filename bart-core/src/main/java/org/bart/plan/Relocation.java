package org.bart.plan;

import java.util.Arrays;

/**
 * Which blocks of a wide group must move so that its n_f blocks end up on distinct nodes, and where they
 * may go (spec §3, "relocation set").
 *
 * <p>The wide stripe's blocks start where they are after parity computation: data blocks on their narrow
 * nodes (in wide order), new parity j on its merge node. Scanning blocks in wide order, the first block seen
 * on a node stays and every later one on the same node must move; data therefore wins over parity and a
 * lower wide index over a higher one. Free nodes are the real nodes holding none of these blocks, ascending.
 * An absent block is alone on its virtual node, so it never moves.
 */
final class Relocation {

  final int[] initial;
  final int[] blocks;
  final int[] freeNodes;

  private Relocation(int[] initial, int[] blocks, int[] freeNodes) {
    this.initial = initial;
    this.blocks = blocks;
    this.freeNodes = freeNodes;
  }

  static Relocation of(PlanningProblem problem, int[] members, int[] mergeNodes) {
    CodeParams code = problem.code();
    int[] initial = new int[code.nF()];
    for (int b = 0; b < code.kF(); b++) {
      initial[b] = problem.node(members[b / code.kI()], b % code.kI());
    }
    System.arraycopy(mergeNodes, 0, initial, code.kF(), code.mF());
    boolean[] occupied = new boolean[problem.numNodes()];
    int[] moving = new int[code.nF()];
    int numMoving = 0;
    for (int b = 0; b < initial.length; b++) {
      if (occupied[initial[b]]) {
        moving[numMoving++] = b;
      } else {
        occupied[initial[b]] = true;
      }
    }
    int[] free = new int[problem.numNodes()];
    int numFree = 0;
    for (int n = 0; n < problem.targetNodes(); n++) { // a virtual node takes nothing
      if (!occupied[n]) {
        free[numFree++] = n;
      }
    }
    return new Relocation(initial, Arrays.copyOf(moving, numMoving),
        Arrays.copyOf(free, numFree));
  }

  /**
   * BART's random relocation (RD* and BW*): shuffle the free nodes, send the i-th moving block to the i-th.
   * The shuffle draws even when nothing moves, as in BART.
   */
  int[] randomPost(Rng rng) {
    int[] free = freeNodes.clone();
    rng.shuffle(free);
    int[] post = initial.clone();
    for (int i = 0; i < blocks.length; i++) {
      post[blocks[i]] = free[i];
    }
    return post;
  }
}
