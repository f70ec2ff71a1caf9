package org.bart.namenode.metadata;

import java.io.IOException;

/**
 * BART's state in HDFS (its hidden directory, a batch record, a staged file) is not what the
 * coordinator left there, so acting on it could let someone else steer the superuser. Nothing is
 * changed; the one-line message names the path, what is wrong and what the administrator should
 * do.
 */
public class UntrustedStateException extends IOException {

  private static final long serialVersionUID = 1L;

  public UntrustedStateException(String message) {
    super(message);
  }
}
