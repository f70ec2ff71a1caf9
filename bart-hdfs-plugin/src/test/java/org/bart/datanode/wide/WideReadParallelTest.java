package org.bart.datanode.wide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bart.protocol.wide.WideReadResult;
import org.bart.protocol.wide.WideUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wide read's sources are read in parallel, and a source slower than the straggler timeout is
 * replaced by another (as HDFS's StripedReader does): the bytes stay exact and the slow unit is
 * decoded around instead of waited for.
 */
class WideReadParallelTest {

  private static final Random CLASS_RANDOM = TestSeed.forClass(WideReadParallelTest.class);
  /** Member 1's data units: what a degraded read of member 1 wants. */
  private static final List<Integer> MEMBER_1 = Arrays.asList(6, 7, 8, 9, 10, 11);
  private static WideGroup group;
  /** Released at the end of each test, so a stalled read never outlives it. */
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeAll
  static void buildGroup() throws IOException {
    group = WideGroup.random(new Random(CLASS_RANDOM.nextLong()));
  }

  @AfterEach
  void releaseStalledReads() {
    release.countDown();
  }

  @Test
  void aStalledWantedUnitIsDecodedAroundInsteadOfWaitedFor() throws IOException {
    InMemoryUnits store = group.store();
    UnitSource stalling = stallingOpen(store, 8);
    WideReadResult r = WideGroup.wideRead(stalling, store, 100)
        .run(group.read(Collections.<Integer>emptyList(), MEMBER_1));
    assertMember1Exact(r);
    assertEquals(Collections.singletonList(8), r.decoded(), TestSeed.reproduce());
  }

  @Test
  void aStalledSourceOfADecodeIsReplacedByAnotherUnit() throws IOException {
    InMemoryUnits store = group.store();
    // Unit 7 is known lost, so 18 units are read to decode it; unit 0, one of them, stalls.
    UnitSource stalling = stallingOpen(store, 0);
    WideReadResult r = WideGroup.wideRead(stalling, store, 100)
        .run(group.read(Collections.singletonList(7), MEMBER_1));
    assertMember1Exact(r);
    assertEquals(Collections.singletonList(7), r.decoded(), TestSeed.reproduce());
  }

  @Test
  void theWantedUnitsAreReadAtOnce() throws IOException {
    InMemoryUnits store = group.store();
    // Each open waits until all six wanted units are being opened: read one after another, the
    // first would wait in vain, fail, and be decoded.
    CyclicBarrier allSix = new CyclicBarrier(MEMBER_1.size());
    UnitSource together = new UnitSource() {
      @Override
      public Reader open(WideUnit unit, long offset) throws IOException {
        if (offset == WideGroup.OFFSET) {
          try {
            allSix.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IOException("unit " + unit.replica() + " opened alone", e);
          }
        }
        return store.open(unit, offset);
      }
    };
    WideReadResult r = WideGroup.wideRead(together, store, WideGroup.PATIENT_MS)
        .run(group.read(Collections.<Integer>emptyList(), MEMBER_1));
    assertMember1Exact(r);
    assertEquals(Collections.emptyList(), r.decoded(), TestSeed.reproduce());
  }

  /** {@code store}, except that opening unit {@code slow} waits until the test ends. */
  private UnitSource stallingOpen(InMemoryUnits store, int slow) {
    return (unit, offset) -> {
      if (unit.replica().blockId() == WideGroup.FIRST_BLOCK_ID + slow) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("injected: stalled until the test ended");
      }
      return store.open(unit, offset);
    };
  }

  private static void assertMember1Exact(WideReadResult r) {
    List<byte[]> got = new ArrayList<>();
    for (ByteBuffer b : r.data()) {
      got.add(WideReadDegradedTest.bytes(b));
    }
    for (int i = 0; i < MEMBER_1.size(); i++) {
      assertArrayEquals(group.expected(MEMBER_1.get(i), WideGroup.OFFSET, group.readLength()),
          got.get(i), "unit " + MEMBER_1.get(i) + " " + TestSeed.reproduce());
    }
  }
}
