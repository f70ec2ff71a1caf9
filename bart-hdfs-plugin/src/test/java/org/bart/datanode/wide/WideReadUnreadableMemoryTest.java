package org.bart.datanode.wide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.bart.protocol.wide.WideReadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agent remembers a unit it could not read: the requests that follow decode it from the start
 * instead of trying it first (a DataNode that is down stays listed live for minutes), unless they
 * need it because m other units are lost or too few others can be read; a check still reads it.
 */
class WideReadUnreadableMemoryTest {

  private static final Random CLASS_RANDOM = TestSeed.forClass(
      WideReadUnreadableMemoryTest.class);
  /** Member 1's data units: what a degraded read of member 1 wants. */
  private static final List<Integer> MEMBER_1 = Arrays.asList(6, 7, 8, 9, 10, 11);
  private static final int FAILING = 8;
  private static WideGroup group;

  @BeforeAll
  static void buildGroup() throws IOException {
    group = WideGroup.random(new Random(CLASS_RANDOM.nextLong()));
  }

  @Test
  void aUnitThatFailedIsDecodedByTheNextRequestsAndReadAgainWhenNeeded() throws IOException {
    InMemoryUnits store = group.store();
    store.inject(WideGroup.FIRST_BLOCK_ID + FAILING, InMemoryUnits.Fault.OPEN_FAILS);
    AtomicInteger opens = new AtomicInteger();
    UnitSource counting = (unit, offset) -> {
      if (unit.replica().blockId() == WideGroup.FIRST_BLOCK_ID + FAILING) {
        opens.incrementAndGet();
      }
      return store.open(unit, offset);
    };
    WideRead agent = WideGroup.wideRead(counting, store, WideGroup.PATIENT_MS);
    for (int request = 1; request <= 3; request++) {
      WideReadResult r = agent.run(group.read(Collections.<Integer>emptyList(), MEMBER_1));
      assertMember1Exact(r);
      assertEquals(Collections.singletonList(FAILING), r.decoded(), TestSeed.reproduce());
      assertEquals(1, opens.get(), "opens of the failing unit after request " + request);
    }
    // Three other units lost: it is needed, and read again (it works now).
    store.inject(WideGroup.FIRST_BLOCK_ID + FAILING, null);
    WideReadResult r = agent.run(group.read(Arrays.asList(0, 1, 2), MEMBER_1));
    assertMember1Exact(r);
    assertEquals(Collections.emptyList(), r.decoded(), TestSeed.reproduce());
    assertEquals(2, opens.get(), "opens of the failing unit once needed");
  }

  @Test
  void unitsRememberedUnreadableAreReadAfterAllWhenAnotherFails() throws IOException {
    InMemoryUnits store = group.store();
    List<Integer> failing = Arrays.asList(8, 9, 10);
    for (int u : failing) {
      store.inject(WideGroup.FIRST_BLOCK_ID + u, InMemoryUnits.Fault.OPEN_FAILS);
    }
    WideRead agent = WideGroup.wideRead(store, store, WideGroup.PATIENT_MS);
    WideReadResult first = agent.run(group.read(Collections.<Integer>emptyList(), MEMBER_1));
    assertMember1Exact(first);
    assertEquals(failing, first.decoded(), TestSeed.reproduce());
    // They are back, and a source of the decode fails: m remembered plus one would be too many.
    for (int u : failing) {
      store.inject(WideGroup.FIRST_BLOCK_ID + u, null);
    }
    store.inject(WideGroup.FIRST_BLOCK_ID, InMemoryUnits.Fault.OPEN_FAILS);
    WideReadResult r = agent.run(group.read(Collections.<Integer>emptyList(), MEMBER_1));
    assertMember1Exact(r);
    // Enough of them were read again to decode the rest (before, the read failed: 4 units lost).
    assertTrue(failing.containsAll(r.decoded()) && r.decoded().size() < failing.size(),
        "decoded " + r.decoded() + " " + TestSeed.reproduce());
  }

  private static void assertMember1Exact(WideReadResult r) {
    for (int i = 0; i < MEMBER_1.size(); i++) {
      assertArrayEquals(group.expected(MEMBER_1.get(i), WideGroup.OFFSET, group.readLength()),
          WideReadDegradedTest.bytes(r.data().get(i)),
          "unit " + MEMBER_1.get(i) + " " + TestSeed.reproduce());
    }
  }
}
