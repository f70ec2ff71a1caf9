package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bart.datanode.wide.TestSeed;
import org.bart.plan.CodeParams;
import org.bart.plan.LoadStats;
import org.bart.plan.PlanningProblem;
import org.bart.plan.Rng;
import org.bart.plan.TransferTask;
import org.bart.plan.TransitionPlan;
import org.bart.plan.approach.Approach;
import org.junit.jupiter.api.Test;

/** The stage's task order, on BTPM plans of random placements. */
class StageOrderTest {

  private static final int NODES = 24;
  private static final CodeParams CODE = CodeParams.of(6, 3, 18, 3);

  @Test
  void everyTaskOnceBusiestNodesFirstTiesInterleaved() {
    Random random = TestSeed.forClass(StageOrderTest.class);
    for (int round = 0; round < 20; round++) {
      int[] stripesPerFile = {1, 2, 3, 1, 2, 3, 3, 1, 2, 3, 2, 1};
      TransitionPlan plan = plan(random, 24);
      List<StageOrder.Task> order = StageOrder.of(plan, stripesPerFile);

      assertEquals(plan.groups().size() + stripesPerFile.length, order.size());
      List<String> seen = new ArrayList<>();
      for (StageOrder.Task t : order) {
        seen.add((t.parity ? "p" : "f") + t.index);
      }
      for (int g = 0; g < plan.groups().size(); g++) {
        assertEquals(1, Collections.frequency(seen, "p" + g), "parity task " + g);
      }
      for (int f = 0; f < stripesPerFile.length; f++) {
        assertEquals(1, Collections.frequency(seen, "f" + f), "file task " + f);
      }
      int[] expected = criticalities(plan, stripesPerFile);
      for (int i = 0; i < order.size(); i++) {
        StageOrder.Task t = order.get(i);
        assertEquals(expected[slot(t, plan.groups().size())], t.criticality,
            t + " " + TestSeed.reproduce());
        if (i > 0) {
          StageOrder.Task before = order.get(i - 1);
          assertTrue(before.criticality >= t.criticality, before + " before " + t);
          if (before.criticality == t.criticality) {
            assertTrue(interleaved(before) < interleaved(t), before + " before " + t);
          }
        }
      }
      assertEquals(plan.loadStats().maxLoad(), order.get(0).criticality,
          "a task of a busiest DataNode comes first");
    }
  }

  /** Each task's criticality, computed the long way: per task, every node it moves blocks with. */
  private static int[] criticalities(TransitionPlan plan, int[] stripesPerFile) {
    LoadStats loads = plan.loadStats();
    int groups = plan.groups().size();
    int[] out = new int[groups + stripesPerFile.length];
    for (TransferTask t : plan.transferTasks()) {
      int task;
      if (t.wideBlock() >= CODE.kF()) {
        task = t.group();
      } else {
        int stripe = plan.groups().get(t.group()).member(t.wideBlock() / CODE.kI());
        task = groups + fileOf(stripe, stripesPerFile);
      }
      for (int node : new int[] {t.src(), t.dst()}) {
        out[task] = Math.max(out[task], Math.max(loads.send()[node], loads.recv()[node]));
      }
    }
    return out;
  }

  private static int fileOf(int stripe, int[] stripesPerFile) {
    int first = 0;
    for (int f = 0; ; f++) {
      first += stripesPerFile[f];
      if (stripe < first) {
        return f;
      }
    }
  }

  private static int slot(StageOrder.Task t, int groups) {
    return t.parity ? t.index : groups + t.index;
  }

  /** The task's place in the interleaved order parity 0, file 0, parity 1, file 1, ... */
  private static int interleaved(StageOrder.Task t) {
    return 2 * t.index + (t.parity ? 0 : 1);
  }

  private static TransitionPlan plan(Random random, int stripes) {
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
    return Approach.BTPM.planner().plan(problem, Rng.exact(random.nextInt(1000)));
  }
}
