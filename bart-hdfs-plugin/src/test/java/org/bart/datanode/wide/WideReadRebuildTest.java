package org.bart.datanode.wide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Repair through the real {@link WideRead}: every unit of a (6,3,3) group is rebuilt under every
 * pattern of at most 3 lost units that loses it (the full product: 21 units x 211 patterns), and
 * the sink receives exactly its bytes.
 */
class WideReadRebuildTest {

  private static final Random CLASS_RANDOM = TestSeed.forClass(WideReadRebuildTest.class);
  private static final long TARGET_BLOCK_ID = 5000;
  private static WideGroup group;

  @BeforeAll
  static void buildGroup() throws IOException {
    group = WideGroup.random(new Random(CLASS_RANDOM.nextLong()));
  }

  @Test
  void everyUnitIsRebuiltUnderEveryPatternThatLosesIt() throws IOException {
    int n = WideGroup.CODE.totalUnits();
    Random random = new Random(CLASS_RANDOM.nextLong());
    int rebuilds = 0;
    for (int u = 0; u < n; u++) {
      for (int[] pattern : ErasurePatterns.upTo(n, WideGroup.CODE.m())) {
        if (!ErasurePatterns.contains(pattern, u)) {
          continue;
        }
        InMemoryUnits store = group.store();
        Losses losses = Losses.apply(random, pattern, store);
        boolean remote = random.nextBoolean();
        AgentNode target = WideGroup.node(remote ? "dn-new" : InMemoryUnits.SELF, 99);
        Replica replica = target(u);
        String context = "unit " + u + " under " + losses + " to " + target + " "
            + TestSeed.reproduce();
        WideReadResult r = WideGroup.wideRead(store)
            .run(group.rebuild(losses.knownLost, u, replica, target));
        assertArrayEquals(group.units[u], store.written(replica.blockId()), context);
        assertEquals(WideReadResult.Path.COMPUTED, r.path(), context);
        assertTrue(r.decoded().contains(u), context);
        assertEquals(group.units[u].length, r.bytesWritten(), context);
        assertEquals(remote ? group.units[u].length : 0, r.bytesSent(), context);
        assertTrue(r.data().isEmpty(), context);
        rebuilds++;
      }
    }
    assertEquals(21 * (1 + 20 + 190), rebuilds, "patterns of at most 3 lost that lose a unit");
  }

  @Test
  void aRetriedRebuildFindsTheUnitStoredAndWritesNothing() throws IOException {
    InMemoryUnits store = group.store();
    AgentNode target = WideGroup.node("dn-new", 99);
    List<Integer> lost = Collections.singletonList(4);
    WideRead read = WideGroup.wideRead(store);
    read.run(group.rebuild(lost, 4, target(4), target));
    WideReadResult again = read.run(group.rebuild(lost, 4, target(4), target));
    assertEquals(WideReadResult.Path.ALREADY_DONE, again.path());
    assertEquals(1, store.writersOpened());
    assertEquals(0, again.bytesRead() + again.bytesWritten() + again.bytesSent());
  }

  @Test
  void aRebuildWantsExactlyOneWholeUnit() {
    InMemoryUnits store = group.store();
    AgentNode node = WideGroup.node("dn-new", 99);
    WideReadRequest twoUnits = new WideReadRequest(WideGroup.CODE,
        group.wideUnits(new ArrayList<>()), Arrays.asList(3, 4), 0, group.units[3].length,
        target(3), node, false);
    BartAgentException e = assertThrows(BartAgentException.class,
        () -> WideGroup.wideRead(store).run(twoUnits));
    assertEquals("rebuild of " + target(3) + ": a rebuild wants exactly one unit, whole",
        e.getMessage());
    assertNull(store.written(target(3).blockId()));
  }

  @Test
  void aFourthLossFailsTheRebuildAndStoresNothing() {
    InMemoryUnits store = group.store();
    List<Integer> lost = Arrays.asList(2, 9, 15, 19);
    BartAgentException e = assertThrows(BartAgentException.class,
        () -> WideGroup.wideRead(store)
            .run(group.rebuild(lost, 9, target(9), WideGroup.node("dn-new", 99))));
    assertEquals("cannot rebuild unit(s) [9] of " + WideGroup.CODE + ": units " + lost
        + " are lost and only 17 of the 18 needed could be read", e.getMessage());
    assertNull(store.written(target(9).blockId()));
  }

  /** The replica a rebuild of unit u stores: a new id, the unit's length. */
  private static Replica target(int u) {
    return new Replica(WideGroup.POOL, TARGET_BLOCK_ID + u, WideGroup.GEN_STAMP + 1,
        group.units[u].length);
  }
}
