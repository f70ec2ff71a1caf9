package org.bart.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds lost units of a wide row from any lambda*k available ones: degraded reads and repair of a
 * wide group.
 *
 * <p>The decode plan (the inverse of the survivors' generator rows, in the kernel's prepared form)
 * is cached per pattern of available and requested units, so a stream of chunks with one loss
 * pattern inverts one matrix and then allocates nothing. Thread-safe: plans are immutable, the
 * cache is concurrent and each thread remembers its last plan; one decoder per {@link WideCode} can
 * serve every thread.
 */
public final class WideDecoder {

  // A DataNode sees few distinct patterns; the bound only stops a pathological caller from growing
  // the cache without limit (when full it is emptied, and plans are rebuilt on demand).
  static final int MAX_CACHED_PLANS = 1024;

  private final WideCode code;
  private final Kernel kernel;
  private final Map<String, DecodePlan> plans = new ConcurrentHashMap<>();
  // Each thread's last plan: a thread streaming chunks with one loss pattern finds it without
  // building a lookup key, even while other threads decode other patterns.
  private final ThreadLocal<DecodePlan> last = new ThreadLocal<>();

  /** A decoder using the {@link Kernel#configured() configured} kernel. */
  public WideDecoder(WideCode code) {
    this(code, Kernel.configured());
  }

  /** A decoder using the given kernel. */
  public WideDecoder(WideCode code, Kernel kernel) {
    this.code = code;
    this.kernel = kernel;
  }

  /** The code this decoder rebuilds units of. */
  public WideCode code() {
    return code;
  }

  /**
   * Rebuilds the requested units of one wide row.
   *
   * <p>Buffer contract (Hadoop's {@code RawErasureDecoder}'s, plus zero-padding):
   * <ul>
   *   <li>{@code units} has lambda*k + m entries in wide order (member 0's k data units, member 1's,
   *       ..., then wide parity 0..m-1); {@code null} marks a unit that is lost or that the caller
   *       chose not to read. At most m may be null. The first lambda*k non-null units are used.
   *   <li>{@code erased} lists the wide indexes to rebuild, each of them null in {@code units};
   *       {@code outputs[i]} receives unit {@code erased[i]}.
   *   <li>Every output has the same remaining(), the length of the operation; bytes [position,
   *       limit) are written, and positions and limits are unchanged (ready to read).
   *   <li>Every non-null unit's bytes [position, limit) are read and its position then equals its
   *       limit. A unit may have fewer remaining bytes than the outputs (missing bytes count as zero:
   *       the tail of a partial member), never more. A rebuilt unit therefore has the outputs'
   *       length; truncate it if its true length is shorter.
   *   <li>Heap, direct and read-only buffers may be mixed, at any position and in any byte order.
   * </ul>
   *
   * <p>Example, (6,3,3): members' data units are wide units 0..17, wide parities 18..20. With the
   * DataNodes of member 1's data unit 4 (unit 10) and wide parity 0 (unit 18) down, rebuild unit 10
   * with {@code units[10] = units[18] = null}, {@code erased = {10}}, one output; unit 10 is rebuilt
   * from units 0..9, 11..17 and 19.
   *
   * @throws TooManyErasuresException if more than m units are null
   * @throws UnitBufferException naming the wide unit index if a buffer breaks the contract, e.g. an
   *     erased unit whose buffer is not null
   * @throws IllegalArgumentException if an array has the wrong length or erased has a duplicate or
   *     out-of-range index
   */
  public void decode(ByteBuffer[] units, int[] erased, ByteBuffer[] outputs) {
    UnitBuffers.checkCount(units, code.totalUnits(), "unit");
    if (erased == null) {
      throw new IllegalArgumentException("erased index array is null");
    }
    UnitBuffers.checkCount(outputs, erased.length, "output");
    checkErased(units, erased);
    checkMissing(units);
    int length = UnitBuffers.outputLength(outputs, erased);
    for (int u = 0; u < units.length; u++) {
      if (units[u] != null) {
        UnitBuffers.checkInput(units[u], u, length);
      }
    }
    UnitBuffers.applyChunked(planFor(units, erased).rebuild(), units, outputs, length);
    UnitBuffers.consume(units);
  }

  /**
   * The wide indexes of the units a {@link #decode} of {@code units} reads: its first lambda*k
   * non-null entries, ascending.
   *
   * <p>A decode is linear in these sources, so it can be split between parties that each hold
   * some of them (a partial decode): each decodes over the same sources with the ones it lacks
   * given as empty buffers (zeros), and the XOR of their outputs is the full decode. A degraded
   * read uses this: an agent decodes with the reader's own units as zeros and the reader adds
   * the same decode over only its own units; empty buffers cost the kernel nothing.
   *
   * @throws TooManyErasuresException if fewer than lambda*k units are non-null
   */
  public int[] sourcesOf(ByteBuffer[] units) {
    UnitBuffers.checkCount(units, code.totalUnits(), "unit");
    checkMissing(units);
    int[] sources = new int[code.dataUnits()];
    for (int u = 0, found = 0; found < sources.length; u++) {
      if (units[u] != null) {
        sources[found++] = u;
      }
    }
    return sources;
  }

  private void checkErased(ByteBuffer[] units, int[] erased) {
    for (int i = 0; i < erased.length; i++) {
      int unit = erased[i];
      if (unit < 0 || unit >= units.length) {
        throw new IllegalArgumentException("erased index " + unit + " not in 0.."
            + (units.length - 1) + " for " + code);
      }
      for (int j = 0; j < i; j++) {
        if (erased[j] == unit) {
          throw new IllegalArgumentException("erased index " + unit + " is listed twice");
        }
      }
      if (units[unit] != null) {
        throw new UnitBufferException(unit, "listed as erased but its input buffer is not null");
      }
    }
  }

  private void checkMissing(ByteBuffer[] units) {
    int missing = 0;
    for (ByteBuffer unit : units) {
      if (unit == null) {
        missing++;
      }
    }
    if (missing > code.m()) {
      int[] which = new int[missing];
      for (int u = 0, i = 0; u < units.length; u++) {
        if (units[u] == null) {
          which[i++] = u;
        }
      }
      throw new TooManyErasuresException(which, code.m(), code);
    }
  }

  /** The cached plan for this call's pattern; builds it (one matrix inversion) on first use. */
  private DecodePlan planFor(ByteBuffer[] units, int[] erased) {
    DecodePlan plan = last.get();
    if (plan != null && plan.matches(units, erased)) {
      return plan;
    }
    boolean[] available = new boolean[units.length];
    StringBuilder key = new StringBuilder(units.length + 4 * erased.length + 1);
    for (int u = 0; u < units.length; u++) {
      available[u] = units[u] != null;
      key.append(available[u] ? '1' : '0');
    }
    String pattern = key.append(Arrays.toString(erased)).toString();
    plan = plans.get(pattern);
    if (plan == null) {
      plan = DecodePlan.create(code, available, erased, kernel);
      if (plans.size() >= MAX_CACHED_PLANS) {
        plans.clear();
      }
      plans.put(pattern, plan);
    }
    last.set(plan);
    return plan;
  }
}
