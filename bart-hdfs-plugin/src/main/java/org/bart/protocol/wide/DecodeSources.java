package org.bart.protocol.wide;

import java.util.Arrays;

/**
 * The wide units a stretch of a decode was computed from, {@code length} unit bytes long: the
 * first lambda*k units of the row that could be read (or were given as zeros). A reader that adds
 * its own share to an agent's partial decode must decode over exactly these. Immutable.
 */
public final class DecodeSources {
  private final long length;
  private final int[] units;

  /** @param units lambda*k wide indexes, ascending */
  public DecodeSources(long length, int[] units) {
    this.length = length;
    this.units = units.clone();
  }

  public long length() {
    return length;
  }

  /** The wide indexes, ascending (a copy). */
  public int[] units() {
    return units.clone();
  }

  /** Whether these are exactly {@code other} (no copy). */
  public boolean sameUnits(int[] other) {
    return Arrays.equals(units, other);
  }

  /** The same sources over {@code more} bytes more. */
  public DecodeSources longer(long more) {
    return new DecodeSources(length + more, units);
  }

  @Override
  public String toString() {
    return length + " bytes from " + Arrays.toString(units);
  }
}
