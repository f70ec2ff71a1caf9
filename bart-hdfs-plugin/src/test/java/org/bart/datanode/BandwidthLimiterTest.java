package org.bart.datanode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The pacing arithmetic of the bandwidth limit, on a given clock (no sleeping, no timing): slots
 * in arrival order, one call's bytes ahead at most, nothing banked while idle.
 */
class BandwidthLimiterTest {

  private static final long MIB = 1024 * 1024;
  private static final long SECOND = 1_000_000_000L;

  @Test
  void consecutiveCallsGetConsecutiveSlots() {
    BandwidthLimiter.Pacer p = new BandwidthLimiter.Pacer(2 * MIB);
    long t0 = 5 * SECOND;
    assertEquals(t0, p.admit(MIB, t0), "an idle link admits at once");
    // Four callers arriving together wait for 0.5, 1, 1.5 and 2 s: 2 MiB/s, in order.
    for (int i = 1; i <= 4; i++) {
      assertEquals(t0 + i * SECOND / 2, p.admit(MIB, t0), "caller " + i);
    }
  }

  @Test
  void anIdleLinkBanksNothing() {
    BandwidthLimiter.Pacer p = new BandwidthLimiter.Pacer(MIB);
    long t0 = -3 * SECOND; // nanoTime may be negative
    assertEquals(t0, p.admit(MIB, t0));
    long later = t0 + 10 * SECOND;
    assertEquals(later, p.admit(MIB, later));
    assertEquals(later + SECOND, p.admit(MIB / 2, later), "the second call after idling waits");
    assertEquals(later + SECOND + SECOND / 2, p.admit(1, later + SECOND));
  }
}
