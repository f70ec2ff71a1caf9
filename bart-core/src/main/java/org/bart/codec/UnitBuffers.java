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

  /**
   * The buffers as views in the machine's byte order (a buffer already in it as itself; null as
   * null), over the same bytes with the same position and limit. The kernels' lanes never mix, so
   * any order computes the same bytes; in the native one a heap buffer's getLong and putLong need
   * no byte swap (a big-endian buffer, Java's default, swaps every long on x86).
   */
  static ByteBuffer[] inNativeOrder(ByteBuffer[] buffers) {
    ByteBuffer[] views = new ByteBuffer[buffers.length];
    for (int i = 0; i < buffers.length; i++) {
      views[i] = inNativeOrder(buffers[i]);
    }
    return views;
  }

  /** One buffer as {@link #inNativeOrder(ByteBuffer[])} views it. */
  static ByteBuffer inNativeOrder(ByteBuffer b) {
    return b == null || b.order() == ByteOrder.nativeOrder() ? b
        : b.duplicate().order(ByteOrder.nativeOrder());
  }

  /**
   * Runs each combination into its output in chunks, so that the inputs stay in cache; over
   * native-order views of the buffers (made once per call, not per chunk).
   */
  static void applyChunked(Combination[] combinations, ByteBuffer[] units, ByteBuffer[] outs,
      int length) {
    ByteBuffer[] inputs = inNativeOrder(units);
    ByteBuffer[] outputs = inNativeOrder(outs);
    for (int offset = 0; offset < length; offset += CHUNK) {
      int n = Math.min(CHUNK, length - offset);
      for (int i = 0; i < combinations.length; i++) {
        combinations[i].apply(inputs, offset, n, outputs[i], outputs[i].position() + offset);
      }
    }
  }
}
