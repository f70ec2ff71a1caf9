package org.bart.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The fast Java 8 kernel: bit-sliced Horner's rule in streaming passes over a cache-sized block.
 *
 * <p>Write each coefficient in bits, c_j = sum_i 2^i c_{j,i}. Then
 *
 * <pre>  sum_j c_j v_j = (((P_7 * 2 + P_6) * 2 + ...) * 2 + P_0,   P_i = XOR of the v_j with bit i of c_j set</pre>
 *
 * so a block of the output is built by, for each bit from the highest used one down, doubling the
 * block and XOR-ing in every input whose coefficient has that bit. The block is accumulated in a
 * per-thread {@code long[]} (eight bytes per element) and written to the output once, which leaves
 * two simple loops:
 *
 * <ul>
 *   <li>an XOR pass of one input into the accumulator: one {@code ByteBuffer.getLong} and an array
 *       update per eight bytes;
 *   <li>a doubling pass over the accumulator with {@link Gf256#mul2Lanes} (SIMD within a register),
 *       which the JIT further vectorizes because it touches only the array.
 * </ul>
 *
 * <p>The cost is (highest coefficient bit) doublings plus (set coefficient bits) XOR passes per
 * block: a merge of (6,3,3) parity 2, coefficients 1, 7, 0x15, takes 4 doublings and 7 XORs; wide
 * parity 0 (all coefficients 1, since x_0 = 1) is three XORs and no doubling. A shorter input simply
 * makes a shorter XOR pass, which is the zero-padding. Sources that share a coefficient with
 * several bits set are first XOR-ed into one block (a fold), which then costs that coefficient's
 * passes once: decoding a (6,3,3) data unit from wide parity 0 has each other data index's three
 * units share a coefficient, about 36 passes instead of 66.
 *
 * <p>Lanes never mix, so any byte order works as long as it is the same for every long: inputs are
 * read in the output's order (a byte swap for an input in the other order), and a partial long at
 * the end of an input or of the output is assembled byte by byte in that order.
 */
final class SwarCombination implements Combination {

  // Output bytes per block: the accumulator stays in L1, the inputs' blocks in L2.
  private static final int BLOCK = 16 * 1024;
  private static final ThreadLocal<long[]> ACCUMULATOR =
      ThreadLocal.withInitial(() -> new long[BLOCK / 8]);
  // Per thread, one block per fold (grown, never shrunk, so a warm thread allocates nothing).
  private static final ThreadLocal<long[][]> FOLDS = ThreadLocal.withInitial(() -> new long[0][]);

  private final int[] sources;
  /**
   * The terms of the sum: term t is source index terms[t][0] alone, or, for a coefficient shared
   * by several sources, the XOR of sources terms[t][0..] (a fold, computed once per block).
   */
  private final int[][] terms;
  private final int folds;
  // withBit[i] lists the terms whose coefficient has bit i set.
  private final int[][] withBit = new int[8][];

  SwarCombination(int[] sources, int[] coefficients) {
    this.sources = sources.clone();
    // Sources sharing a coefficient of several bits are XOR-ed once and that sum doubled in the
    // passes instead of each: a decode from a wide parity with x = 1 has lambda sources per
    // coefficient (the same data index of every member).
    int[][] byCoefficient = new int[256][];
    int[] count = new int[256];
    for (int j = 0; j < coefficients.length; j++) {
      count[coefficients[j]]++;
    }
    int folded = 0;
    int termCount = 0;
    for (int c = 1; c < 256; c++) {
      boolean fold = worthFolding(count[c], c);
      folded += fold ? 1 : 0;
      termCount += fold ? 1 : count[c];
    }
    int[][] termList = new int[termCount][];
    int[] termCoefficient = new int[termCount];
    int t = 0;
    for (int c = 1; c < 256; c++) { // folds first, so that fold f is term f
      if (worthFolding(count[c], c)) {
        byCoefficient[c] = new int[count[c]];
        termCoefficient[t] = c;
        termList[t++] = byCoefficient[c];
      }
    }
    int[] filled = new int[256];
    for (int j = 0; j < coefficients.length; j++) {
      int c = coefficients[j];
      if (byCoefficient[c] != null) {
        byCoefficient[c][filled[c]++] = j;
      } else if (c != 0) {
        termCoefficient[t] = c;
        termList[t++] = new int[] {j};
      }
    }
    this.terms = termList;
    this.folds = folded;
    for (int bit = 0; bit < 8; bit++) {
      int[] list = new int[termCount];
      int n = 0;
      for (int k = 0; k < termCount; k++) {
        if (((termCoefficient[k] >>> bit) & 1) != 0) {
          list[n++] = k;
        }
      }
      withBit[bit] = Arrays.copyOf(list, n);
    }
  }

  /**
   * Whether {@code sources} sources sharing {@code coefficient} are better XOR-ed first: it takes
   * sources + bits passes instead of sources * bits, and a fold block costs cache, so only a
   * saving of 3 passes or more counts.
   */
  private static boolean worthFolding(int sources, int coefficient) {
    int bits = Integer.bitCount(coefficient);
    return sources * bits - (sources + bits) >= 3;
  }

  @Override
  public void apply(ByteBuffer[] units, int offset, int length, ByteBuffer out, int outIndex) {
    long[] sum = ACCUMULATOR.get();
    long[][] fold = foldBlocks();
    boolean bigEndian = out.order() == ByteOrder.BIG_ENDIAN;
    for (int done = 0; done < length; done += BLOCK) {
      int n = Math.min(BLOCK, length - done);
      for (int f = 0; f < folds; f++) {
        xorOfSources(units, terms[f], offset + done, n, fold[f], bigEndian);
      }
      block(units, offset + done, n, sum, fold, bigEndian);
      store(sum, n, out, outIndex + done);
    }
  }

  /** This thread's blocks for the folds, at least {@link #folds} of them. */
  private long[][] foldBlocks() {
    long[][] fold = FOLDS.get();
    if (fold.length < folds) {
      long[][] grown = Arrays.copyOf(fold, folds);
      for (int f = fold.length; f < folds; f++) {
        grown[f] = new long[BLOCK / 8];
      }
      FOLDS.set(grown);
      fold = grown;
    }
    return fold;
  }

  /** into[0..ceil(n/8)) = XOR of the blocks of sources {@code which} at {@code offset}. */
  private void xorOfSources(ByteBuffer[] units, int[] which, int offset, int n, long[] into,
      boolean bigEndian) {
    int longs = (n + 7) >>> 3;
    for (int i = 0; i < which.length; i++) {
      ByteBuffer in = units[sources[which[i]]];
      int available = Math.max(0, Math.min(n, in.remaining() - offset));
      add(into, in, in.position() + offset, available, i == 0, bigEndian);
      if (i == 0) {
        Arrays.fill(into, (available + 7) >>> 3, longs, 0L);
      }
    }
  }

  /** sum[0..ceil(n/8)) = this block: Horner's rule over the coefficient bits, highest first. */
  private void block(ByteBuffer[] units, int offset, int n, long[] sum, long[][] fold,
      boolean bigEndian) {
    int longs = (n + 7) >>> 3;
    boolean empty = true;
    for (int bit = 7; bit >= 0; bit--) {
      // Doubling is skipped while the block is still all zero, i.e. above the highest used bit.
      if (!empty) {
        for (int i = 0; i < longs; i++) {
          sum[i] = Gf256.mul2Lanes(sum[i]);
        }
      }
      for (int t : withBit[bit]) {
        if (t < folds) {
          long[] f = fold[t];
          if (empty) {
            System.arraycopy(f, 0, sum, 0, longs);
          } else {
            for (int i = 0; i < longs; i++) {
              sum[i] ^= f[i];
            }
          }
          empty = false;
          continue;
        }
        ByteBuffer in = units[sources[terms[t][0]]];
        int available = Math.max(0, Math.min(n, in.remaining() - offset));
        // The first input overwrites (zero-filling what it lacks) instead of XOR-ing into a
        // cleared block: one pass less.
        add(sum, in, in.position() + offset, available, empty, bigEndian);
        if (empty) {
          Arrays.fill(sum, (available + 7) >>> 3, longs, 0L);
          empty = false;
        }
      }
    }
    if (empty) {
      Arrays.fill(sum, 0, longs, 0L);
    }
  }

  /** sum[0..ceil(n/8)) ^= in[from..from+n) read as longs in the output's byte order, or = . */
  private static void add(long[] sum, ByteBuffer in, int from, int n, boolean overwrite,
      boolean bigEndian) {
    int whole = n >>> 3;
    // A long read in one byte order and written in another would come out byte-reversed.
    boolean swap = (in.order() == ByteOrder.BIG_ENDIAN) != bigEndian;
    for (int i = 0; i < whole; i++) {
      long v = in.getLong(from + 8 * i);
      if (swap) {
        v = Long.reverseBytes(v);
      }
      sum[i] = overwrite ? v : sum[i] ^ v;
    }
    if ((n & 7) != 0) {
      long v = 0;
      for (int b = whole * 8; b < n; b++) {
        v |= (in.get(from + b) & 0xFFL) << shift(b, bigEndian);
      }
      sum[whole] = overwrite ? v : sum[whole] ^ v;
    }
  }

  /** out[at..at+n) = the first n bytes of sum, in the output's byte order. */
  private static void store(long[] sum, int n, ByteBuffer out, int at) {
    int whole = n >>> 3;
    for (int i = 0; i < whole; i++) {
      out.putLong(at + 8 * i, sum[i]);
    }
    boolean bigEndian = out.order() == ByteOrder.BIG_ENDIAN;
    for (int b = whole * 8; b < n; b++) {
      out.put(at + b, (byte) (sum[whole] >>> shift(b, bigEndian)));
    }
  }

  /** Where byte b of a block sits in its long, in the given byte order. */
  private static int shift(int b, boolean bigEndian) {
    return bigEndian ? 56 - 8 * (b & 7) : 8 * (b & 7);
  }
}
