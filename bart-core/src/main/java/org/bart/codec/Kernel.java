package org.bart.codec;

import java.util.Locale;

/**
 * The registry of coding kernels. Every kernel computes the same bytes through the same {@link
 * Combination} interface, and the tests compare each fast one with {@link #SCALAR} on random data at
 * odd lengths and offsets.
 *
 * <p>Coders use {@link #configured()} unless given a kernel: the system property {@value #PROPERTY}
 * ({@code scalar} or {@code swar}, case-insensitive) overrides the default {@link #SWAR}, e.g. to
 * rule out a kernel bug in production with {@code -Dbart.codec.kernel=scalar}.
 */
public enum Kernel {

  /** The byte-at-a-time reference. Slow; kept forever as the oracle. */
  SCALAR {
    @Override
    Combination combination(int[] sources, int[] coefficients) {
      return new ScalarCombination(sources, coefficients);
    }
  },

  /** Bit-sliced Horner passes, eight bytes per long (see {@link SwarCombination}); the default. */
  SWAR {
    @Override
    Combination combination(int[] sources, int[] coefficients) {
      return new SwarCombination(sources, coefficients);
    }
  };

  /** The system property that selects the kernel. */
  public static final String PROPERTY = "bart.codec.kernel";

  /**
   * The kernel named by {@value #PROPERTY}, or {@link #SWAR} when it is unset.
   *
   * @throws IllegalArgumentException if the property names no kernel
   */
  public static Kernel configured() {
    String name = System.getProperty(PROPERTY);
    if (name == null || name.trim().isEmpty()) {
      return SWAR;
    }
    for (Kernel kernel : values()) {
      if (kernel.name().equalsIgnoreCase(name.trim())) {
        return kernel;
      }
    }
    throw new IllegalArgumentException(
        PROPERTY + "=" + name + " names no kernel; use scalar or swar");
  }

  /**
   * Prepares out = sum_j coefficients[j] * units[sources[j]] for this kernel. Both arrays are copied.
   */
  abstract Combination combination(int[] sources, int[] coefficients);

  /** The lower-case name the property uses. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
