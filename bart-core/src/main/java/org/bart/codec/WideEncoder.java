package org.bart.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Computes and checks wide parity from wide data: w_r = sum_u A[r][u] d_u over the lambda*k data
 * units in wide order (see {@link WideCode}). A transition never needs this (it {@link WideMerger
 * merges} narrow parity instead); it is the definition the merge is tested against, and {@link
 * #verify} is how a wide group's parity is checked after a transition or a repair.
 *
 * <p>Thread-safe; make one per {@link WideCode} and share it. Calls allocate nothing once the
 * calling thread has made its first (per-thread scratch: the kernel's block, verify's chunk).
 */
public final class WideEncoder {

  private final WideCode code;
  private final Combination[] parity;
  // Verification sums the data with the parity itself (coefficient 1), which must give zero.
  private final Combination[] check;
  private final int[] parityUnits;
  private final ThreadLocal<ByteBuffer> scratch;

  /** An encoder using the {@link Kernel#configured() configured} kernel. */
  public WideEncoder(WideCode code) {
    this(code, Kernel.configured());
  }

  /** An encoder using the given kernel. */
  public WideEncoder(WideCode code, Kernel kernel) {
    this.code = code;
    int n = code.dataUnits();
    int[] data = new int[n];
    int[] dataAndParity = new int[n + 1];
    for (int u = 0; u < n; u++) {
      data[u] = u;
      dataAndParity[u] = u;
    }
    this.parity = new Combination[code.m()];
    this.check = new Combination[code.m()];
    this.parityUnits = new int[code.m()];
    int[][] a = code.parityMatrix();
    for (int r = 0; r < code.m(); r++) {
      parity[r] = kernel.combination(data, a[r]);
      int[] withOne = Arrays.copyOf(a[r], n + 1);
      withOne[n] = 1;
      parityUnits[r] = code.parityUnit(r);
      dataAndParity[n] = parityUnits[r];
      check[r] = kernel.combination(dataAndParity, withOne);
    }
    this.scratch = ThreadLocal.withInitial(
        () -> ByteBuffer.allocate(UnitBuffers.CHUNK).order(ByteOrder.nativeOrder()));
  }

  /** The code this encoder computes parity for. */
  public WideCode code() {
    return code;
  }

  /**
   * Writes the m wide parity units of the data units.
   *
   * <p>Buffer contract: every parity buffer has the same remaining(), the length of the operation;
   * bytes [position, limit) are written and positions are unchanged (ready to read). Each data
   * buffer's bytes [position, limit) are read and its position then equals its limit; a data buffer
   * may have fewer remaining bytes than the parity (missing bytes count as zero), never more. Heap
   * and direct buffers may be mixed.
   *
   * @param data lambda*k buffers in wide order (member 0's k units, then member 1's, ...)
   * @param parity m buffers, wide parity 0 first
   * @throws UnitBufferException naming the wide unit index if a buffer breaks the contract
   */
  public void encode(ByteBuffer[] data, ByteBuffer[] parity) {
    UnitBuffers.checkCount(data, code.dataUnits(), "data");
    UnitBuffers.checkCount(parity, code.m(), "parity");
    int length = UnitBuffers.outputLength(parity, parityUnits);
    for (int u = 0; u < data.length; u++) {
      UnitBuffers.checkInput(data[u], u, length);
    }
    UnitBuffers.applyChunked(this.parity, data, parity, length);
    UnitBuffers.consume(data);
  }

  /**
   * Returns whether the parity units of a wide row equal the parity of its data units.
   *
   * <p>Buffer contract: all lambda*k + m units are present in wide order; the parity units have the
   * same remaining(), the length of the row; a data unit may be shorter (missing bytes count as
   * zero), never longer. Only bytes [position, limit) are read, and no position changes.
   *
   * @throws UnitBufferException naming the wide unit index if a buffer breaks the contract
   */
  public boolean verify(ByteBuffer[] units) {
    UnitBuffers.checkCount(units, code.totalUnits(), "unit");
    int length = -1;
    for (int unit : parityUnits) {
      ByteBuffer p = units[unit];
      if (p == null) {
        throw new UnitBufferException(unit, "parity buffer is null");
      }
      if (length >= 0 && p.remaining() != length) {
        throw new UnitBufferException(unit, "parity has " + p.remaining()
            + " bytes remaining but parity unit " + parityUnits[0] + " has " + length);
      }
      length = p.remaining();
    }
    for (int u = 0; u < code.dataUnits(); u++) {
      UnitBuffers.checkInput(units[u], u, length);
    }
    ByteBuffer sum = scratch.get();
    boolean[] wasBig = UnitBuffers.toNativeOrder(units, null);
    try {
      for (int offset = 0; offset < length; offset += UnitBuffers.CHUNK) {
        int n = Math.min(UnitBuffers.CHUNK, length - offset);
        for (Combination c : check) {
          c.apply(units, offset, n, sum, 0);
          if (!isZero(sum, n)) {
            return false;
          }
        }
      }
      return true;
    } finally {
      UnitBuffers.restoreOrder(wasBig, units, null);
    }
  }

  private static boolean isZero(ByteBuffer b, int n) {
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      if (b.getLong(i) != 0) {
        return false;
      }
    }
    for (; i < n; i++) {
      if (b.get(i) != 0) {
        return false;
      }
    }
    return true;
  }
}
