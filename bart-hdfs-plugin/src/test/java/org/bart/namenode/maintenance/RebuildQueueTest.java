package org.bart.namenode.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Most lost units first, never more than the per-agent bound on one agent. */
class RebuildQueueTest {

  @Test
  void groupsWithMoreLostUnitsStartFirstAndEqualsInTheOrderAdded() {
    RebuildQueue<String> q = new RebuildQueue<>(10);
    q.add("g1-u0", 1, "a");
    q.add("g2-u0", 3, "b");
    q.add("g3-u0", 2, "c");
    q.add("g2-u1", 3, "d");
    q.add("g4-u0", 1, "e");
    assertEquals("g2-u0", q.start());
    assertEquals("g2-u1", q.start());
    assertEquals("g3-u0", q.start());
    assertEquals("g1-u0", q.start());
    assertEquals("g4-u0", q.start());
    assertNull(q.start());
    assertEquals(5, q.running());
    assertEquals(0, q.waiting());
  }

  @Test
  void aBusyAgentsRebuildWaitsWhileLaterOnesOfIdleAgentsStart() {
    RebuildQueue<String> q = new RebuildQueue<>(2);
    q.add("x1", 3, "a");
    q.add("x2", 3, "a");
    q.add("x3", 3, "a");
    q.add("y1", 1, "b");
    assertEquals("x1", q.start());
    assertEquals("x2", q.start());
    assertEquals("y1", q.start()); // agent a has its 2 slots taken
    assertNull(q.start());
    assertEquals(1, q.waiting());
    q.finished("x1");
    assertEquals("x3", q.start());
    assertNull(q.start());
    q.finished("x2");
    q.finished("x3");
    q.finished("y1");
    assertEquals(0, q.running());
  }

  @Test
  void finishingARebuildThatIsNotRunningIsABug() {
    RebuildQueue<String> q = new RebuildQueue<>(1);
    q.add("x", 1, "a");
    assertThrows(IllegalStateException.class, () -> q.finished("x"));
    assertThrows(IllegalArgumentException.class, () -> new RebuildQueue<String>(0));
  }
}
