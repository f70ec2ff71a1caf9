package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.bart.datanode.wide.TestSeed;
import org.bart.plan.CodeParams;
import org.bart.plan.PlanningProblem;
import org.bart.plan.Rng;
import org.bart.plan.TransferTask;
import org.bart.plan.TransitionPlan;
import org.bart.plan.approach.Approach;
import org.junit.jupiter.api.Test;

/** The stage's admission of transfers onto the DataNodes' links. */
class LinkAdmissionTest {

  private static final int NODES = 24;
  private static final CodeParams CODE = CodeParams.of(6, 3, 18, 3);

  /**
   * Every transfer of a plan submitted at once and run in rounds of one block time (each round
   * runs what is admitted, whose ends then admit the next): the admission needs about max_load
   * rounds, as an edge colouring of the transfer multigraph would (max degree, Konig), where
   * the agents' shared pacing took 1.2 to 1.4 x max_load on the testbed.
   */
  @Test
  void planTransfersTakeAboutMaxLoadRounds() {
    Random random = TestSeed.forClass(LinkAdmissionTest.class);
    for (Approach approach : new Approach[] {Approach.RDPM, Approach.BTPM, Approach.LSPM}) {
      for (int trial = 0; trial < 10; trial++) {
        TransitionPlan plan = plan(random, approach, 72);
        int[] send = plan.loadStats().send();
        int[] recv = plan.loadStats().recv();
        LinkAdmission links = new LinkAdmission(send, recv, 1);
        Queue<Runnable> admitted = new ArrayDeque<>();
        AtomicIntegerArray busy = new AtomicIntegerArray(2 * NODES);
        List<CompletableFuture<Integer>> done = new ArrayList<>();
        int[] round = {0};
        for (TransferTask t : plan.transferTasks()) {
          done.add(links.submit(t.src(), t.dst(), () -> {
            assertEquals(1, busy.incrementAndGet(t.src()), "two transfers out of " + t.src());
            assertEquals(1, busy.incrementAndGet(NODES + t.dst()), "two into " + t.dst());
            busy.decrementAndGet(t.src());
            busy.decrementAndGet(NODES + t.dst());
            return round[0];
          }, admitted::add));
        }
        while (!admitted.isEmpty()) {
          round[0]++;
          List<Runnable> now = new ArrayList<>(admitted);
          admitted.clear();
          now.forEach(Runnable::run); // what they admit runs next round
        }
        int maxLoad = plan.loadStats().maxLoad();
        for (CompletableFuture<Integer> f : done) {
          assertTrue(f.isDone() && !f.isCompletedExceptionally(), "every transfer ran");
        }
        assertTrue(round[0] >= maxLoad, "fewer rounds than the busiest link's blocks?");
        assertTrue(round[0] <= Math.ceil(1.1 * maxLoad), approach + ": " + round[0]
            + " rounds for max_load " + maxLoad + " " + TestSeed.reproduce());
      }
    }
  }

  @Test
  void theLinkWithMoreBlocksLeftGoesFirst() throws Exception {
    int[] send = new int[NODES];
    int[] recv = new int[NODES];
    send[0] = 3;
    recv[1] = 1;
    recv[2] = 1;
    recv[3] = 5;
    LinkAdmission links = new LinkAdmission(send, recv, 1);
    LinkAdmission.Ticket holder = links.admit(0, 1);
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<String> toTwo = links.submit(0, 2, () -> record(order, "to 2"), one);
      CompletableFuture<String> toThree = links.submit(0, 3, () -> record(order, "to 3"), one);
      assertTrue(order.isEmpty(), "out-link 0 is taken");
      links.release(holder);
      toTwo.get(60, TimeUnit.SECONDS);
      toThree.get(60, TimeUnit.SECONDS);
      assertEquals(List.of("to 3", "to 2"), order, "node 3's in-link has 5 blocks to take");
    } finally {
      one.shutdownNow();
    }
  }

  @Test
  void abortCancelsWhatWaitsAndRefusesWhatComes() throws Exception {
    LinkAdmission links = new LinkAdmission(new int[] {2, 0}, new int[] {0, 2}, 1);
    LinkAdmission.Ticket held = links.admit(0, 1);
    CompletableFuture<Integer> waiting = links.submit(0, 1, () -> 1, Runnable::run);
    CompletableFuture<InterruptedIOException> blocked = CompletableFuture.supplyAsync(() ->
        assertThrows(InterruptedIOException.class, () -> links.admit(0, 1)));
    links.abort();
    assertThrows(CancellationException.class, waiting::join);
    assertTrue(blocked.get(60, TimeUnit.SECONDS).getMessage().contains("stage stopped"));
    CompletableFuture<Integer> late = links.submit(0, 1, () -> 1, Runnable::run);
    assertTrue(late.isCompletedExceptionally());
    links.release(held);
  }

  @Test
  void aTransferToItsOwnNodeIsRefused() {
    LinkAdmission links = new LinkAdmission(new int[] {1, 1}, new int[] {1, 1}, 1);
    assertThrows(IllegalArgumentException.class, () -> links.admit(1, 1));
  }

  private static String record(List<String> order, String what) {
    order.add(what);
    return what;
  }

  private static TransitionPlan plan(Random random, Approach approach, int stripes) {
    int[][] placement = new int[stripes][];
    List<Integer> nodes = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      nodes.add(n);
    }
    for (int s = 0; s < stripes; s++) {
      Collections.shuffle(nodes, random);
      placement[s] = new int[CODE.nI()];
      for (int b = 0; b < CODE.nI(); b++) {
        placement[s][b] = nodes.get(b);
      }
    }
    PlanningProblem problem = new PlanningProblem(CODE, NODES, placement, null);
    return approach.planner().plan(problem, Rng.exact(random.nextInt(1000)));
  }
}
