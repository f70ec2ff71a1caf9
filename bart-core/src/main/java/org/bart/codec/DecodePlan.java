package org.bart.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How to rebuild some units of a wide row from one pattern of available units: the survivors used
 * (the first lambda*k available units in wide order) and, per requested unit, its coefficients over
 * them. Immutable; made once per pattern by {@link WideDecoder} and cached.
 *
 * <p>The survivors' rows of the generator [I; A] form an invertible matrix S (the code is MDS), so
 * data = S^-1 survivors: an erased data unit u is row u of S^-1 times the survivors, an erased parity
 * r is A[r] S^-1 times the survivors.
 */
final class DecodePlan {

  private final boolean[] available;
  private final int[] erased;
  private final Combination[] rebuild;

  private DecodePlan(boolean[] available, int[] erased, Combination[] rebuild) {
    this.available = available;
    this.erased = erased;
    this.rebuild = rebuild;
  }

  /**
   * Makes the plan for this availability pattern and these requested units.
   *
   * @param available which units of the row are present; at least lambda*k are
   */
  static DecodePlan create(WideCode code, boolean[] available, int[] erased, Kernel kernel) {
    int n = code.dataUnits();
    int[][] a = code.parityMatrix();
    int[] survivors = new int[n];
    int[][] rows = new int[n][];
    for (int u = 0, found = 0; found < n; u++) {
      if (available[u]) {
        survivors[found] = u;
        rows[found] = u < n ? unitRow(u, n) : a[u - n];
        found++;
      }
    }
    int[][] inverse = GfMatrix.invert(rows);
    Combination[] rebuild = new Combination[erased.length];
    for (int i = 0; i < erased.length; i++) {
      int unit = erased[i];
      int[] coefficients = unit < n ? inverse[unit] : GfMatrix.times(a[unit - n], inverse);
      rebuild[i] = kernel.combination(survivors, coefficients);
    }
    return new DecodePlan(available.clone(), erased.clone(), rebuild);
  }

  private static int[] unitRow(int u, int n) {
    int[] row = new int[n];
    row[u] = 1;
    return row;
  }

  /** Whether this plan is for exactly this call's null pattern and requested units (no allocation). */
  boolean matches(ByteBuffer[] units, int[] requested) {
    for (int u = 0; u < units.length; u++) {
      if ((units[u] != null) != available[u]) {
        return false;
      }
    }
    return Arrays.equals(erased, requested);
  }

  /** One combination per requested unit, in the order they were requested. */
  Combination[] rebuild() {
    return rebuild;
  }
}
