package org.bart.datanode.wide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;
import org.junit.jupiter.api.Test;

/**
 * A wide group whose last member is a shortened stripe (a partial block group: some data units
 * absent, stored nowhere): the absent units are known zeros, never erasures. Every pattern of at
 * most m lost units among the present ones reads every unit exactly and decodes only lost ones; a
 * check of the wide parity passes; m + 1 lost present units still fail.
 */
class WideReadAbsentUnitsTest {

  private static final Random CLASS_RANDOM = TestSeed.forClass(WideReadAbsentUnitsTest.class);

  @Test
  void aPartialLastRowReadsExactlyUnderEveryPatternOfLostPresentUnits() throws IOException {
    // units 12 and 13 a cell each, 14 part of one, 15 to 17 absent
    readsUnderEveryPattern(WideGroup.shortened(new Random(CLASS_RANDOM.nextLong()),
        2 * WideGroup.CELL + 17), 3);
  }

  @Test
  void aSubCellMemberReadsExactlyUnderEveryPatternOfLostPresentUnits() throws IOException {
    // unit 12 holds 17 bytes, 13 to 17 are absent
    readsUnderEveryPattern(WideGroup.shortened(new Random(CLASS_RANDOM.nextLong()), 17), 5);
  }

  private static void readsUnderEveryPattern(WideGroup group, int absentUnits)
      throws IOException {
    int n = WideGroup.CODE.totalUnits();
    List<Integer> present = new ArrayList<>();
    List<Integer> all = new ArrayList<>();
    for (int u = 0; u < n; u++) {
      all.add(u);
      if (group.units[u].length > 0) {
        present.add(u);
      }
    }
    assertEquals(n - absentUnits, present.size(), "present units");
    List<int[]> patterns = ErasurePatterns.upTo(present.size(), WideGroup.CODE.m());
    int p = present.size();
    assertEquals(1 + p + p * (p - 1) / 2 + p * (p - 1) * (p - 2) / 6, patterns.size());
    Random random = new Random(CLASS_RANDOM.nextLong());
    for (int[] indexes : patterns) {
      int[] pattern = new int[indexes.length];
      for (int i = 0; i < indexes.length; i++) {
        pattern[i] = present.get(indexes[i]);
      }
      InMemoryUnits store = group.store();
      Losses losses = Losses.apply(random, pattern, store);
      String context = java.util.Arrays.toString(pattern) + " " + losses + " "
          + TestSeed.reproduce();
      WideReadResult r = WideGroup.wideRead(store).run(new WideReadRequest(WideGroup.CODE,
          group.wideUnits(losses.knownLost), all, 0, group.rowLength(), null, null, false));
      for (int w = 0; w < n; w++) {
        assertArrayEquals(group.units[w], WideReadDegradedTest.bytes(r.data().get(w)),
            "unit " + w + " under " + context);
      }
      assertEquals(WideReadDegradedTest.sorted(pattern), new TreeSet<>(r.decoded()),
          "decoded units (never an absent one) under " + context);
    }
  }

  @Test
  void theWideParityChecksAndAFourthLostPresentUnitFails() throws IOException {
    WideGroup group = WideGroup.shortened(new Random(CLASS_RANDOM.nextLong()), 17);
    List<Integer> parities = new ArrayList<>();
    for (int r = 0; r < WideGroup.CODE.m(); r++) {
      parities.add(WideGroup.CODE.parityUnit(r));
    }
    InMemoryUnits store = group.store();
    assertEquals(WideReadResult.Path.CHECKED, WideGroup.wideRead(store).run(new WideReadRequest(
        WideGroup.CODE, group.wideUnits(Collections.<Integer>emptyList()), parities, 0,
        group.rowLength(), null, null, true)).path());
    List<Integer> lost = java.util.Arrays.asList(1, 7, 12, 19);
    BartAgentException e = assertThrows(BartAgentException.class, () ->
        WideGroup.wideRead(store).run(new WideReadRequest(WideGroup.CODE, group.wideUnits(lost),
            Collections.singletonList(1), 0, group.rowLength(), null, null, false)));
    assertTrue(e.getMessage().contains("units [1, 7, 12, 19] are lost"), e.getMessage());
  }
}
