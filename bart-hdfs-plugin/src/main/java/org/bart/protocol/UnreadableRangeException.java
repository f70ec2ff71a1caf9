package org.bart.protocol;

import java.io.IOException;

/**
 * A range of a transitioned file cannot be read: more units of its wide group are unavailable
 * than the wide code can rebuild. The message names the file, the wide group and the unavailable
 * blocks. No byte of the range is returned.
 */
public class UnreadableRangeException extends IOException {
  private static final long serialVersionUID = 1L;

  public UnreadableRangeException(String message) {
    super(message);
  }
}
