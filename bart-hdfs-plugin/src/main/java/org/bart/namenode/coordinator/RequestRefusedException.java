package org.bart.namenode.coordinator;

import java.io.IOException;

/**
 * The coordinator refuses a request as asked (a bad option, a missing path, a tree busy with
 * another transition, an unknown job): the message, one line, says which and why. The RPC server
 * logs it in one line too, as one of Hadoop's terse exceptions.
 */
public class RequestRefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  public RequestRefusedException(String message) {
    super(message);
  }
}
