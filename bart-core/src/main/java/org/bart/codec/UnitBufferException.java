package org.bart.codec;

/**
 * A buffer given for one unit breaks a coder's contract (missing, read-only output, longer than
 * the output, ...). The message names the unit in the caller's terms and the sizes involved.
 */
public final class UnitBufferException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int unit;

  /**
   * @param unit the index of the offending buffer in the array the caller passed
   * @param problem what is wrong, with the sizes involved
   */
  public UnitBufferException(int unit, String problem) {
    super("unit " + unit + ": " + problem);
    this.unit = unit;
  }

  /** The index of the offending buffer in the array the caller passed. */
  public int unit() {
    return unit;
  }
}
