package org.bart.codec;

import java.util.Arrays;

/**
 * More units of a wide row are missing than the code's m parities can rebuild. Decoding refuses
 * rather than return wrong bytes.
 */
public final class TooManyErasuresException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int[] missingUnits;
  private final int tolerated;

  /**
   * @param missingUnits the wide indexes of every unavailable unit, ascending
   * @param tolerated how many the code can lose (its m)
   * @param code the code, for the message
   */
  public TooManyErasuresException(int[] missingUnits, int tolerated, WideCode code) {
    super(missingUnits.length + " units missing " + Arrays.toString(missingUnits) + " but " + code
        + " rebuilds at most " + tolerated);
    this.missingUnits = missingUnits.clone();
    this.tolerated = tolerated;
  }

  /** The wide indexes of the unavailable units, ascending. */
  public int[] missingUnits() {
    return missingUnits.clone();
  }

  /** How many missing units the code tolerates. */
  public int tolerated() {
    return tolerated;
  }
}
