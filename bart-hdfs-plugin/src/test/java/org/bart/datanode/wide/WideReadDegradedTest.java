package org.bart.datanode.wide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.wide.WideReadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Degraded reads through the real {@link WideRead} over in-memory units: every erasure pattern of
 * the (6,3,3) code returns the wanted units' exact bytes, and a fourth loss fails naming the units.
 */
class WideReadDegradedTest {

  private static final Random CLASS_RANDOM = TestSeed.forClass(WideReadDegradedTest.class);
  private static WideGroup group;
  private static final List<Integer> ALL = IntStream.range(0, WideGroup.CODE.totalUnits())
      .boxed().collect(Collectors.toList());

  @BeforeAll
  static void buildGroup() throws IOException {
    group = WideGroup.random(new Random(CLASS_RANDOM.nextLong()));
  }

  @Test
  void everyPatternOfAtMostThreeLostUnitsReadsEveryUnitExactly() throws IOException {
    int n = WideGroup.CODE.totalUnits();
    List<int[]> patterns = ErasurePatterns.upTo(n, WideGroup.CODE.m());
    assertEquals(1 + 21 + 210 + 1330, patterns.size(), "patterns of at most 3 lost of 21 units");
    assertEquals(Arrays.asList(1, 21, 210, 1330), Arrays.asList(
        ErasurePatterns.ofSize(n, 0).size(), ErasurePatterns.ofSize(n, 1).size(),
        ErasurePatterns.ofSize(n, 2).size(), ErasurePatterns.ofSize(n, 3).size()));
    Random random = new Random(CLASS_RANDOM.nextLong());
    for (int[] pattern : patterns) {
      InMemoryUnits store = group.store();
      Losses losses = Losses.apply(random, pattern, store);
      String context = Arrays.toString(pattern) + " " + losses + " " + TestSeed.reproduce();
      WideReadResult r = WideGroup.wideRead(store)
          .run(group.read(losses.knownLost, ALL));
      for (int w = 0; w < n; w++) {
        assertArrayEquals(group.expected(w, WideGroup.OFFSET, group.readLength()),
            bytes(r.data().get(w)), "unit " + w + " under " + context);
      }
      assertEquals(sorted(pattern), new TreeSet<>(r.decoded()), "decoded units under " + context);
      assertEquals(pattern.length == 0 ? WideReadResult.Path.TRANSFERRED
          : WideReadResult.Path.COMPUTED, r.path(), context);
    }
  }

  @Test
  void aHealthyReadCountsLocalAndRemoteBytes() throws IOException {
    InMemoryUnits store = group.store();
    List<Integer> wanted = Arrays.asList(0, 7, 20);
    WideReadResult r = WideGroup.wideRead(store)
        .run(group.read(new ArrayList<>(), wanted));
    long local = group.expected(0, WideGroup.OFFSET, group.readLength()).length;
    long all = local + group.expected(7, WideGroup.OFFSET, group.readLength()).length
        + group.expected(20, WideGroup.OFFSET, group.readLength()).length;
    assertEquals(WideReadResult.Path.TRANSFERRED, r.path());
    assertEquals(all, r.bytesRead());
    assertEquals(all - local, r.bytesReceived(), "unit 0 is on this DataNode");
    assertEquals(0, r.bytesSent() + r.bytesWritten());
  }

  @Test
  void everyPatternOfFourLostUnitsFailsNamingThem() {
    int n = WideGroup.CODE.totalUnits();
    List<int[]> patterns = ErasurePatterns.ofSize(n, WideGroup.CODE.m() + 1);
    assertEquals(5985, patterns.size(), "patterns of 4 lost of 21 units");
    Random random = new Random(CLASS_RANDOM.nextLong());
    for (int[] pattern : patterns) {
      InMemoryUnits store = group.store();
      Losses losses = Losses.apply(random, pattern, store);
      List<Integer> lost = new ArrayList<>(sorted(pattern));
      String context = losses + " " + TestSeed.reproduce();
      BartAgentException e = assertThrows(BartAgentException.class,
          () -> WideGroup.wideRead(store).run(group.read(losses.knownLost, lost)),
          context);
      assertEquals("cannot rebuild unit(s) " + lost + " of " + WideGroup.CODE + ": units " + lost
          + " are lost and only 17 of the 18 needed could be read", e.getMessage(), context);
    }
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  static TreeSet<Integer> sorted(int[] pattern) {
    TreeSet<Integer> s = new TreeSet<>();
    for (int u : pattern) {
      s.add(u);
    }
    return s;
  }
}
