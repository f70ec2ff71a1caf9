package org.bart.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The shape checks every coder runs once at its public entry, and the position updates of the
 * raw-coder contract. Messages name units in the caller's terms (the {@code unit} arguments).
 */
final class UnitBuffers {

  /** Bytes the coders process per combination call: keeps every input of a row in L2 between outputs. */
  static final int CHUNK = 32 * 1024;

  private UnitBuffers() {
  }

  /** Checks that an array argument is present and has the expected number of entries. */
  static void checkCount(Object[] array, int expected, String what) {
    if (array == null) {
      throw new IllegalArgumentException(what + " array is null; expected " + expected + " entries");
    }
    if (array.length != expected) {
      throw new IllegalArgumentException(
          what + " array has " + array.length + " entries; expected " + expected);
    }
  }

  /**
   * Checks that every output is present, writable and has the same remaining() as the first, and
   * returns that length.
   *
   * @param units the unit each output is for, for messages
   */
  static int outputLength(ByteBuffer[] outputs, int[] units) {
    int length = -1;
    for (int i = 0; i < outputs.length; i++) {
      ByteBuffer out = outputs[i];
      if (out == null) {
        throw new UnitBufferException(units[i], "output buffer is null");
      }
      if (out.isReadOnly()) {
        throw new UnitBufferException(units[i], "output buffer is read-only");
      }
      if (length < 0) {
        length = out.remaining();
      } else if (out.remaining() != length) {
        throw new UnitBufferException(units[i], "output has " + out.remaining()
            + " bytes remaining but the output for unit " + units[0] + " has " + length);
      }
    }
    return Math.max(length, 0);
  }

  /** Checks that an input is present and no longer than the outputs it is coded into. */
  static void checkInput(ByteBuffer in, int unit, int length) {
    if (in == null) {
      throw new UnitBufferException(unit, "input buffer is null");
    }
    if (in.remaining() > length) {
      throw new UnitBufferException(unit, "input has " + in.remaining()
          + " bytes remaining, more than the " + length + " of the output");
    }
  }

  /** Marks every non-null input as fully read: position = limit. */
  static void consume(ByteBuffer[] inputs) {
    for (ByteBuffer in : inputs) {
      if (in != null) {
        in.position(in.limit());
      }
    }
  }

  // Per thread: which buffers of the current call were big-endian before it (grown, never shrunk).
  private static final ThreadLocal<boolean[]> WAS_BIG_ENDIAN =
      ThreadLocal.withInitial(() -> new boolean[0]);

  /**
   * Puts every buffer of {@code first} and {@code second} (either may be null; null entries are
   * skipped) in the machine's byte order for a coding call; {@link #restoreOrder} puts them back.
   * The kernels' lanes never mix, so any order computes the same bytes, but in the native one a
   * heap buffer's getLong and putLong need no byte swap (a big-endian buffer, Java's default,
   * swaps every long on x86). The order is not content: read-only buffers take it too, and
   * nothing else of a buffer changes. A buffer object must not be in two calls at once (as its
   * position already must not: the coders consume their inputs).
   *
   * @return this thread's record of the orders before (valid until its next call)
   */
  static boolean[] toNativeOrder(ByteBuffer[] first, ByteBuffer[] second) {
    int n = length(first) + length(second);
    boolean[] wasBig = WAS_BIG_ENDIAN.get();
    if (wasBig.length < n) {
      wasBig = new boolean[n];
      WAS_BIG_ENDIAN.set(wasBig);
    }
    for (int i = 0; i < n; i++) {
      ByteBuffer b = i < length(first) ? first[i] : second[i - length(first)];
      wasBig[i] = b != null && b.order() == ByteOrder.BIG_ENDIAN;
      if (b != null) {
        b.order(ByteOrder.nativeOrder());
      }
    }
    return wasBig;
  }

  /** Undoes {@link #toNativeOrder} (in reverse, so that a buffer listed twice ends as it was). */
  static void restoreOrder(boolean[] wasBig, ByteBuffer[] first, ByteBuffer[] second) {
    for (int i = length(first) + length(second) - 1; i >= 0; i--) {
      ByteBuffer b = i < length(first) ? first[i] : second[i - length(first)];
      if (b != null) {
        b.order(wasBig[i] ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      }
    }
  }

  private static int length(ByteBuffer[] buffers) {
    return buffers == null ? 0 : buffers.length;
  }

  /**
   * Runs each combination into its output in chunks, so that the inputs stay in cache; with the
   * buffers in native byte order for the call ({@link #toNativeOrder}).
   */
  static void applyChunked(Combination[] combinations, ByteBuffer[] inputs, ByteBuffer[] outputs,
      int length) {
    boolean[] wasBig = toNativeOrder(inputs, outputs);
    try {
      for (int offset = 0; offset < length; offset += CHUNK) {
        int n = Math.min(CHUNK, length - offset);
        for (int i = 0; i < combinations.length; i++) {
          combinations[i].apply(inputs, offset, n, outputs[i], outputs[i].position() + offset);
        }
      }
    } finally {
      restoreOrder(wasBig, inputs, outputs);
    }
  }
}
