package org.bart.datanode.wide;

import java.util.Random;

/**
 * Reproducible randomness for the wide-read tests: one seed per test class, derived from the
 * system property {@code bart.test.seed} (set by the build; override it to explore) and the class
 * name. Failure messages carry {@link #reproduce()}.
 */
public final class TestSeed {

  static final String PROPERTY = "bart.test.seed";
  private static final long DEFAULT_SEED = 20261123L;

  private TestSeed() {
  }

  static long base() {
    return Long.getLong(PROPERTY, DEFAULT_SEED);
  }

  /** The generator of one test class. */
  public static Random forClass(Class<?> testClass) {
    return new Random(base() * 31 + testClass.getName().hashCode());
  }

  /** Text for failure messages. */
  public static String reproduce() {
    return "[reproduce with -D" + PROPERTY + "=" + base() + "]";
  }
}
