package org.bart.plan;

/**
 * The seed of a test class's randomness: the system property {@code bart.test.seed} if set (the build sets
 * one), else the class's default. Tests print it in every failure message so a failure can be replayed.
 */
public final class TestSeed {

  private TestSeed() {
  }

  public static long of(long classDefault) {
    String p = System.getProperty("bart.test.seed");
    return p == null || p.isEmpty() ? classDefault : Long.parseLong(p);
  }
}
