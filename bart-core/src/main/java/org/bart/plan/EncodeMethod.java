package org.bart.plan;

/** How a wide group's new parities are computed; {@link #code()} is the number BART writes in sg_meta. */
public enum EncodeMethod {
  /** One node fetches all k_f data blocks and encodes every new parity (sg_meta method 0). */
  RE_ENCODE(0),
  /** New parity j is merged at its own node from the lambda narrow parities j (sg_meta method 1). */
  PARITY_MERGE(1);

  private final int code;

  EncodeMethod(int code) {
    this.code = code;
  }

  /** The value of BART's {@code EncodeMethod} enum, as written in sg_meta. */
  public int code() {
    return code;
  }
}
