package org.bart.testing;

import java.util.concurrent.Callable;

/** Waits for a condition on cluster state with a deadline: the only way tests synchronise. */
public final class Poll {

  private Poll() {
  }

  /**
   * Evaluates {@code condition} every 50 ms until it is true.
   *
   * @throws AssertionError naming {@code what} when {@code timeoutMs} passes first
   */
  public static void until(String what, long timeoutMs, Callable<Boolean> condition)
      throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!condition.call()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
