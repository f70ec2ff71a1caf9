package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.bart.admin.TransitionRunner;
import org.bart.demo.SampleFiles;
import org.bart.namenode.transition.CoordinatorFaultInjector;
import org.bart.namenode.transition.Phase;
import org.bart.testing.Poll;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * Kill points: the coordinator stops dead after each phase (and in the middle of the commit);
 * files stay readable and correct throughout, and running -transition again finishes the work
 * with nothing left over: no staging, no stray parity file, no replica the NameNode does not know.
 */
class CrashRecoveryIT {

  private static SmallCluster small;
  private static int trees;

  @BeforeAll
  static void start() throws Exception {
    small = new SmallCluster();
  }

  @AfterAll
  static void stop() {
    if (small != null) {
      small.close();
    }
  }

  @AfterEach
  void noFaults() {
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector());
  }

  @ParameterizedTest
  @ValueSource(strings = {"DISCOVER", "PLAN", "STAGE", "VERIFY", "COMMIT-FIRST-FILE", "COMMIT",
      "CLEANUP"})
  void aCrashAfterAnyPhaseIsFinishedByTheNextRun(String killPoint) throws Exception {
    String tree = "/crash" + (trees++);
    Map<String, byte[]> contents = small.writeTree(tree, SmallCluster.SEED + 100L * trees);
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void afterPhase(String t, Phase phase) {
        if (phase.name().equals(killPoint)) {
          throw new SimulatedCrash("after " + phase);
        }
      }

      @Override
      public void afterFileCommit(String path) {
        if (killPoint.equals("COMMIT-FIRST-FILE")) {
          throw new SimulatedCrash("after committing " + path);
        }
      }
    });
    TransitionRunner.Outcome crashed = small.transition(tree, 2);
    assertFalse(crashed.succeeded, "the injected crash stops the run");
    assertTrue(crashed.error.contains("simulated coordinator crash"), crashed.error);
    checkReadable(contents); // whatever state it is in, every file reads correctly

    CoordinatorFaultInjector.set(new CoordinatorFaultInjector());
    TransitionRunner.Outcome rerun = small.transition(tree, 2);
    assertTrue(rerun.succeeded, rerun.error);
    checkReadable(contents);
    for (String p : contents.keySet()) {
      assertEquals("RS-LEGACY-2-0-64k",
          small.dfs().getErasureCodingPolicy(new Path(p)).getName(), p);
    }
    assertEquals(3, WideGroups.check(small.dfs(), tree, contents), "one parity file per group");
    Path staging = new Path(tree + "/.bart/staging");
    assertTrue(!small.dfs().exists(staging) || small.dfs().listStatus(staging).length == 0,
        "no staging left");
    Poll.until("no replica left that the NameNode does not know", 60_000,
        small::knowsEveryReplica);
  }

  private static void checkReadable(Map<String, byte[]> contents) throws Exception {
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(small.dfs(), new Path(e.getKey())),
          e.getKey() + " (seed " + SmallCluster.SEED + ")");
    }
  }
}
