package org.bart.protocol;

import java.io.IOException;

/**
 * A block operation of a BART agent failed for a reason the caller should read: the message names
 * the block, the DataNode and the reason (e.g. "replica not found", "target id already used").
 * Retrying will fail the same way unless something changes.
 */
public class BartAgentException extends IOException {
  private static final long serialVersionUID = 1L;

  public BartAgentException(String message) {
    super(message);
  }

  public BartAgentException(String message, Throwable cause) {
    super(message, cause);
  }
}
