package org.bart.datanode.wide;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSLegacyRawEncoder;
import org.bart.codec.NarrowCodec;
import org.bart.codec.WideCode;
import org.bart.codec.WideEncoder;
import org.bart.codec.WideMerger;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideUnit;

/**
 * One (6,3,3) wide group built as a transition builds a real one: three member stripes of random
 * data laid out in cells as HDFS stripes a file (so a member's internal blocks differ in length by
 * its partial last row, and the last member is shorter), each member's narrow parity computed by
 * Hadoop's own RS-LEGACY encoder, and the wide parity merged from the narrow parity with
 * {@link WideMerger}. Unit u is replica {@code FIRST_BLOCK_ID + u} on its own DataNode; unit 0 is on
 * this DataNode ({@link InMemoryUnits#SELF}).
 */
public final class WideGroup {

  public static final WideCode CODE = WideCode.of(NarrowCodec.RS_LEGACY, 6, 3, 3, 1, 2, 7);
  /** A small odd cell, so rows, chunks and the read range fall out of step. */
  public static final int CELL = 61;
  /** The wide read's chunk: odd, and no multiple of the cell. */
  public static final int CHUNK = 509;
  /** Start of the range the read and check tests ask for: aligned with nothing. */
  public static final long OFFSET = 777;
  public static final String POOL = "BP-1-127.0.0.1-1";
  public static final long FIRST_BLOCK_ID = 1000;
  public static final long GEN_STAMP = 1001;

  /** Runs the unit reads of the tests' wide reads. */
  private static final ExecutorService READ_POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-unit-read");
    t.setDaemon(true);
    return t;
  });
  /** A straggler timeout no healthy in-memory read comes near, so results are deterministic. */
  public static final long PATIENT_MS = 60_000;

  /** Every unit's bytes, in wide order. */
  public final byte[][] units;

  private WideGroup(byte[][] units) {
    this.units = units;
  }

  /** A group with random data; member lengths are random around 40 rows (the last one ~30). */
  public static WideGroup random(Random random) throws IOException {
    return build(random, -1);
  }

  /**
   * A group whose last member is a shortened stripe, the block group of a small file or a file's
   * tail: {@code dataBytes} bytes (under a row), so its data units from the one holding the last
   * byte on are short and the later ones absent: length 0, stored nowhere, zeros to the code.
   */
  public static WideGroup shortened(Random random, int dataBytes) throws IOException {
    return build(random, dataBytes);
  }

  private static WideGroup build(Random random, int lastMemberBytes) throws IOException {
    int k = CODE.k();
    byte[][] units = new byte[CODE.totalUnits()][];
    byte[][][] narrow = new byte[CODE.lambda()][][];
    for (int s = 0; s < CODE.lambda(); s++) {
      boolean shortened = lastMemberBytes >= 0 && s == CODE.lambda() - 1;
      int rows = shortened ? 0 : s == CODE.lambda() - 1 ? 30 : 40;
      // Member 0 ends within its last cell column, so its unit 0 sets the row length.
      int tail = shortened ? lastMemberBytes : s == 0 ? (k - 1) * CELL + 1 + random.nextInt(CELL - 1)
          : 1 + random.nextInt(k * CELL - 1);
      for (int j = 0; j < k; j++) {
        int length = rows * CELL + Math.max(0, Math.min(CELL, tail - j * CELL));
        units[CODE.dataUnit(s, j)] = new byte[length];
        random.nextBytes(units[CODE.dataUnit(s, j)]);
      }
      narrow[s] = narrowParity(units, s);
    }
    int rowLength = units[0].length;
    WideMerger merger = new WideMerger(CODE);
    for (int r = 0; r < CODE.m(); r++) {
      ByteBuffer[] ofIndexR = new ByteBuffer[CODE.lambda()];
      for (int s = 0; s < ofIndexR.length; s++) {
        ofIndexR[s] = ByteBuffer.wrap(narrow[s][r]);
      }
      units[CODE.parityUnit(r)] = new byte[rowLength];
      merger.merge(r, ofIndexR, ByteBuffer.wrap(units[CODE.parityUnit(r)]));
    }
    ByteBuffer[] all = new ByteBuffer[units.length];
    for (int u = 0; u < all.length; u++) {
      all[u] = ByteBuffer.wrap(units[u]);
    }
    if (!new WideEncoder(CODE).verify(all)) {
      throw new AssertionError("merged wide parity differs from the wide encoding");
    }
    return new WideGroup(units);
  }

  /** Member s's narrow parity as HDFS stores it: RS-LEGACY over its blocks zero-padded to block 0. */
  private static byte[][] narrowParity(byte[][] units, int member) throws IOException {
    int length = units[CODE.dataUnit(member, 0)].length;
    ByteBuffer[] in = new ByteBuffer[CODE.k()];
    for (int j = 0; j < in.length; j++) {
      in[j] = ByteBuffer.wrap(Arrays.copyOf(units[CODE.dataUnit(member, j)], length));
    }
    byte[][] parity = new byte[CODE.m()][length];
    ByteBuffer[] out = new ByteBuffer[parity.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = ByteBuffer.wrap(parity[r]);
    }
    new RSLegacyRawEncoder(new ErasureCoderOptions(CODE.k(), CODE.m())).encode(in, out);
    return parity;
  }

  /** The wide read of an agent over {@code store}, with a straggler timeout of {@code ms}. */
  public static WideRead wideRead(UnitSource source, UnitSink sink, long stragglerMs) {
    return new WideRead(source, sink, CHUNK, READ_POOL, stragglerMs);
  }

  /** The wide read of an agent over {@code store}, patient with slow units. */
  public static WideRead wideRead(InMemoryUnits store) {
    return wideRead(store, store, PATIENT_MS);
  }

  /** The longest unit: the length of the group's rows. */
  public long rowLength() {
    long max = 0;
    for (byte[] u : units) {
      max = Math.max(max, u.length);
    }
    return max;
  }

  /** The read and check range's length: to just short of the rows' end, past the short units'. */
  long readLength() {
    return rowLength() - OFFSET - 13;
  }

  /** Member s's file bytes: its data units' cells in file order. */
  public byte[] memberFile(int s) {
    int k = CODE.k();
    int size = 0;
    for (int j = 0; j < k; j++) {
      size += units[CODE.dataUnit(s, j)].length;
    }
    byte[] file = new byte[size];
    for (int pos = 0; pos < size; pos++) {
      int c = pos / CELL;
      file[pos] = units[CODE.dataUnit(s, c % k)][c / k * CELL + pos % CELL];
    }
    return file;
  }

  public static String nodeUuid(int unit) {
    return unit == 0 ? InMemoryUnits.SELF : "dn-" + unit;
  }

  static AgentNode node(String uuid, int index) {
    return new AgentNode(new DatanodeID("10.0.0." + index, "host" + index, uuid, 9866, 9864, 9865,
        9867), "10.0.0." + index + ":9870");
  }

  Replica replica(int unit) {
    return new Replica(POOL, FIRST_BLOCK_ID + unit, GEN_STAMP, units[unit].length);
  }

  /** A fake holding every unit of the group (an absent one nowhere), no fault injected. */
  public InMemoryUnits store() {
    InMemoryUnits store = new InMemoryUnits();
    for (int u = 0; u < units.length; u++) {
      if (units[u].length > 0) {
        store.put(FIRST_BLOCK_ID + u, nodeUuid(u), units[u]);
      }
    }
    return store;
  }

  /**
   * The request's units: those in {@code knownLost} without replica and node, as the NameNode sends
   * a unit it knows is missing; an absent unit with its block but no node, as the NameNode lists a
   * block of no bytes that no DataNode holds.
   */
  public List<WideUnit> wideUnits(List<Integer> knownLost) {
    List<WideUnit> out = new ArrayList<>();
    for (int u = 0; u < units.length; u++) {
      out.add(knownLost.contains(u) ? new WideUnit(units[u].length, null, null)
          : units[u].length == 0 ? new WideUnit(0, replica(u), null)
          : new WideUnit(units[u].length, replica(u), node(nodeUuid(u), u)));
    }
    return out;
  }

  WideReadRequest read(List<Integer> knownLost, List<Integer> wanted) {
    return new WideReadRequest(CODE, wideUnits(knownLost), wanted, OFFSET, readLength(), null,
        null, false);
  }

  WideReadRequest check(List<Integer> knownLost, List<Integer> wanted) {
    return new WideReadRequest(CODE, wideUnits(knownLost), wanted, OFFSET, readLength(), null,
        null, true);
  }

  WideReadRequest rebuild(List<Integer> knownLost, int unit, Replica target, AgentNode node) {
    return new WideReadRequest(CODE, wideUnits(knownLost), Collections.singletonList(unit),
        0, units[unit].length, target, node, false);
  }

  /** Unit u's bytes of [offset, offset + length), fewer past its end. */
  byte[] expected(int unit, long offset, long length) {
    int from = (int) Math.min(offset, units[unit].length);
    int to = (int) Math.min(offset + length, units[unit].length);
    return Arrays.copyOfRange(units[unit], from, to);
  }
}
