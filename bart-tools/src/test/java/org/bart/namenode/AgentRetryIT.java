package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.Path;
import org.bart.admin.TransitionRunner;
import org.bart.conf.BartConfigKeys;
import org.bart.datanode.AgentFaultInjector;
import org.bart.demo.EmbeddedCluster;
import org.bart.demo.SampleFiles;
import org.bart.namenode.transition.CoordinatorFaultInjector;
import org.bart.protocol.BartBusyException;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 3: a block operation whose agent does not answer within {@code
 * dfs.bart.agent.op.timeout} is asked again (the agent joins the repeated call to the one still
 * running), and an agent that refuses as busy is asked again after a back-off; either way the
 * transition succeeds with every file as it was.
 */
class AgentRetryIT {

  private static SmallCluster small;
  private static int trees;

  @BeforeAll
  static void start() throws Exception {
    small = new SmallCluster(EmbeddedCluster.builder()
        .set(BartConfigKeys.AGENT_OP_TIMEOUT, "3s"));
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
    AgentFaultInjector.set(new AgentFaultInjector());
  }

  @Test
  void aBlockOperationThatTimesOutIsAskedAgainAndTheRunSucceeds() throws Exception {
    String tree = "/timeout" + (trees++);
    Map<String, byte[]> contents = small.writeTree(tree, SmallCluster.SEED + 11L * trees);
    CountDownLatch askedAgain = new CountDownLatch(1);
    AtomicBoolean held = new AtomicBoolean();
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void beforeAgentRetry(String what) {
        askedAgain.countDown();
      }
    });
    AgentFaultInjector.set(new AgentFaultInjector() {
      @Override
      public void beforeOperation(String op, String datanode, long target) throws IOException {
        // The first data move hangs until the coordinator has given up on it and asks again.
        if ((op.equals("relabel") || op.equals("send")) && held.compareAndSet(false, true)) {
          try {
            if (!askedAgain.await(120, TimeUnit.SECONDS)) {
              throw new IOException("the coordinator never asked again for blk_" + target);
            }
          } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted");
          }
        }
      }
    });
    TransitionRunner.Outcome o = small.transition(tree, 2);
    assertTrue(o.succeeded, o.error);
    assertTrue(held.get(), "an operation was held");
    assertTrue(o.report.agentCallsRetried >= 1, "retried: " + o.report.agentCallsRetried);
    checkTransitioned(tree, contents);
  }

  @Test
  void aBusyAgentIsAskedAgainAfterABackOffAndTheRunSucceeds() throws Exception {
    String tree = "/busy" + (trees++);
    Map<String, byte[]> contents = small.writeTree(tree, SmallCluster.SEED + 11L * trees);
    AtomicInteger refusals = new AtomicInteger(3);
    AgentFaultInjector.set(new AgentFaultInjector() {
      @Override
      public void beforeOperation(String op, String datanode, long target) throws IOException {
        if (op.equals("merge") && refusals.getAndDecrement() > 0) {
          throw new BartBusyException("BART agent busy (injected) for blk_" + target);
        }
      }
    });
    TransitionRunner.Outcome o = small.transition(tree, 2);
    assertTrue(o.succeeded, o.error);
    assertEquals(3, o.report.agentBusyWaits, "one back-off per refusal");
    assertEquals(0, o.report.agentCallsRetried, "a busy refusal is not a timeout");
    checkTransitioned(tree, contents);
  }

  private static void checkTransitioned(String tree, Map<String, byte[]> contents)
      throws Exception {
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(small.dfs(), new Path(e.getKey())),
          e.getKey() + " (seed " + SmallCluster.SEED + ")");
      assertEquals("RS-LEGACY-2-0-64k",
          small.dfs().getErasureCodingPolicy(new Path(e.getKey())).getName(), e.getKey());
    }
    assertEquals(3, WideGroups.check(small.dfs(), tree, contents));
  }
}
