package org.bart.namenode.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rebuilds of different agents run at once; one agent never runs more than its bound. */
class ParallelRebuildsTest {

  /** A rebuild that may wait for a latch, counting how many of its agent's run with it. */
  private static final class Fake implements ParallelRebuilds.Rebuild {
    final String name;
    final String agent;
    final int lost;
    final CountDownLatch awaits;
    final CountDownLatch signals;
    final Map<String, AtomicInteger> running;
    final Map<String, Integer> maxRunning;
    final boolean fails;

    Fake(String name, String agent, int lost, CountDownLatch awaits, CountDownLatch signals,
        Map<String, AtomicInteger> running, Map<String, Integer> maxRunning, boolean fails) {
      this.name = name;
      this.agent = agent;
      this.lost = lost;
      this.awaits = awaits;
      this.signals = signals;
      this.running = running;
      this.maxRunning = maxRunning;
      this.fails = fails;
    }

    @Override
    public String agent() {
      return agent;
    }

    @Override
    public int lostInGroup() {
      return lost;
    }

    @Override
    public void run() throws IOException {
      int now = running.computeIfAbsent(agent, a -> new AtomicInteger()).incrementAndGet();
      maxRunning.merge(agent, now, Math::max);
      try {
        if (signals != null) {
          signals.countDown();
        }
        if (awaits != null && !awaits.await(60, TimeUnit.SECONDS)) {
          throw new IOException(name + ": the rebuild it waits for never started");
        }
        if (fails) {
          throw new IOException(name + " failed");
        }
      } catch (InterruptedException e) {
        throw new IOException(e);
      } finally {
        running.get(agent).decrementAndGet();
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @Test
  void rebuildsOfTwoAgentsOverlapAndEachAgentKeepsItsBound() throws Exception {
    Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    Map<String, Integer> max = new ConcurrentHashMap<>();
    // a1 finishes only once b1 has started: run one after the other, they would never end.
    CountDownLatch bStarted = new CountDownLatch(1);
    List<Fake> rebuilds = Arrays.asList(
        new Fake("a1", "a", 3, bStarted, null, running, max, false),
        new Fake("a2", "a", 3, null, null, running, max, false),
        new Fake("a3", "a", 1, null, null, running, max, true),
        new Fake("b1", "b", 1, null, bStarted, running, max, false));
    List<String> done = Collections.synchronizedList(new ArrayList<>());
    List<String> failed = Collections.synchronizedList(new ArrayList<>());
    new ParallelRebuilds(1).run(rebuilds, new ParallelRebuilds.Outcome() {
      @Override
      public void done(ParallelRebuilds.Rebuild r) {
        done.add(r.toString());
      }

      @Override
      public void failed(ParallelRebuilds.Rebuild r, Exception e) {
        failed.add(r + ": " + e.getMessage());
      }
    });
    Collections.sort(done);
    assertEquals(Arrays.asList("a1", "a2", "b1"), done);
    assertEquals(Collections.singletonList("a3: a3 failed"), failed);
    assertEquals(1, (int) max.get("a"), "agent a ran more than one rebuild at once");
    assertEquals(1, (int) max.get("b"));
    assertTrue(running.values().stream().allMatch(c -> c.get() == 0));
  }
}
