package org.bart.codec;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Reproducible randomness for the codec tests: one seed per test class, derived from the system
 * property {@code bart.test.seed} (set by the build; override it to explore) and the class name.
 * Failure messages carry {@link #reproduce()}.
 */
final class TestRandom {

  static final String PROPERTY = "bart.test.seed";
  private static final long DEFAULT_SEED = 20261123L;

  private TestRandom() {
  }

  static long baseSeed() {
    return Long.getLong(PROPERTY, DEFAULT_SEED);
  }

  /** The generator of one test class (each test method makes its own from this seed). */
  static Random forClass(Class<?> testClass) {
    return new Random(baseSeed() * 31 + testClass.getName().hashCode());
  }

  /** Text for failure messages. */
  static String reproduce() {
    return "[reproduce with -D" + PROPERTY + "=" + baseSeed() + "]";
  }

  static byte[] bytes(Random random, int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  /**
   * A buffer holding {@code content} at a random position, with random bytes before the position
   * and after the limit (so a kernel reading outside [position, limit) gets caught), heap or direct,
   * and for heap buffers sometimes a slice with a nonzero array offset.
   */
  static ByteBuffer place(Random random, byte[] content, boolean direct) {
    int before = random.nextInt(13);
    int after = random.nextInt(13);
    ByteBuffer whole = direct ? ByteBuffer.allocateDirect(before + content.length + after + 5)
        : ByteBuffer.allocate(before + content.length + after + 5);
    whole.put(bytes(random, whole.capacity()));
    ByteBuffer b = whole;
    if (random.nextBoolean()) {
      whole.position(5);
      b = whole.slice();
    }
    b.clear();
    b.position(before);
    b.put(content);
    b.limit(b.position());
    b.position(before);
    return b;
  }

  /** An output buffer with {@code length} writable bytes at a random position in a larger buffer. */
  static ByteBuffer output(Random random, int length, boolean direct) {
    return place(random, bytes(random, length), direct);
  }

  /** The bytes [position, limit) of a buffer, leaving it unchanged. */
  static byte[] content(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
