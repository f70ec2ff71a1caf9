package org.bart.protocol;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.PrivilegedExceptionAction;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Runs code as this process's login user: in a daemon, the daemon's own (Kerberos) identity. RPC
 * handlers run as their caller, and threads they start inherit that caller; a connection or client
 * made there would act as the caller, and a cached one would go on serving everyone as that
 * caller. What BART's daemons open for themselves is opened through here.
 */
public final class LoginUser {

  private LoginUser() {
  }

  /**
   * Runs {@code action} as the login user.
   *
   * @throws IOException what {@code action} threw, or an InterruptedIOException if interrupted
   */
  public static <T> T call(PrivilegedExceptionAction<T> action) throws IOException {
    try {
      return UserGroupInformation.getLoginUser().doAs(action);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted acting as the login user");
    }
  }
}
