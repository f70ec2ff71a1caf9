package org.bart.codec;

/**
 * A stored or hand-given wide code description is malformed or does not describe an MDS code,
 * e.g. {@code "rs-legacy-wide k=6 m=3 lambda=3 x=1,2,3"} (x = 1,2,3 leaves some 3-erasure patterns
 * undecodable).
 */
public final class InvalidWideCodeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String text;

  public InvalidWideCodeException(String text, String problem) {
    super("invalid wide code '" + text + "': " + problem);
    this.text = text;
  }

  /** The description that was rejected. */
  public String text() {
    return text;
  }
}
