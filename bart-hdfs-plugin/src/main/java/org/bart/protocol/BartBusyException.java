package org.bart.protocol;

import org.apache.hadoop.ipc.RetriableException;

/**
 * The coordinator refused a degraded read because it is serving as many as it may at once, in all
 * or for this user; nothing was read. Retry later: {@link DegradedReadClient} does, backing off.
 */
public class BartBusyException extends RetriableException {
  private static final long serialVersionUID = 1L;

  public BartBusyException(String message) {
    super(message);
  }
}
