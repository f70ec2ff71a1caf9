package org.bart.namenode.transition;

import java.util.Objects;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;

/**
 * The files a transition puts into wide groups together: those of one codec, k, m and cell size.
 * Each class has its own wide code and data-only policy, so each is batched and transitioned on
 * its own. Immutable.
 */
final class PolicyClass {

  private final String codec;
  private final int k;
  private final int m;
  private final int cellSize;

  private PolicyClass(String codec, int k, int m, int cellSize) {
    this.codec = codec;
    this.k = k;
    this.m = m;
    this.cellSize = cellSize;
  }

  static PolicyClass of(ErasureCodingPolicy p) {
    return new PolicyClass(p.getCodecName(), p.getNumDataUnits(), p.getNumParityUnits(),
        p.getCellSize());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PolicyClass)) {
      return false;
    }
    PolicyClass c = (PolicyClass) o;
    return codec.equals(c.codec) && k == c.k && m == c.m && cellSize == c.cellSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(codec, k, m, cellSize);
  }

  /** E.g. {@code rs (6,3), 1048576-byte cells}. */
  @Override
  public String toString() {
    return codec + " (" + k + "," + m + "), " + cellSize + "-byte cells";
  }
}
