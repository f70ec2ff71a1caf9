package org.bart.datanode.wide;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How the units of one erasure pattern are lost, chosen at random per unit: known to the NameNode
 * (absent from the request), or found lost by the read itself through one of the fake's faults
 * (open fails, read breaks halfway, checksum error).
 */
public final class Losses {

  /** Units the request itself marks lost. */
  public final List<Integer> knownLost = new ArrayList<>();
  private final StringBuilder description = new StringBuilder();

  private Losses() {
  }

  /** Loses the units of {@code pattern}: some in the request, the others by faults in {@code store}. */
  public static Losses apply(Random random, int[] pattern, InMemoryUnits store) {
    Losses l = new Losses();
    InMemoryUnits.Fault[] faults = InMemoryUnits.Fault.values();
    for (int u : pattern) {
      int how = random.nextInt(faults.length + 1);
      if (how == faults.length) {
        l.knownLost.add(u);
        l.description.append(' ').append(u).append(":known");
      } else {
        store.inject(WideGroup.FIRST_BLOCK_ID + u, faults[how]);
        l.description.append(' ').append(u).append(':').append(faults[how]);
      }
    }
    return l;
  }

  @Override
  public String toString() {
    return "lost [" + description.toString().trim() + "]";
  }
}
