package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.admin.TransitionRunner;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.transition.CoordinatorFaultInjector;
import org.bart.namenode.transition.Phase;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.JobState;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.testing.Poll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/** Bad requests are refused with a message that says what is wrong, and change nothing. */
class BadInputIT {

  private static SmallCluster small;

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

  private static String refusal(String tree, int lambda) throws Exception {
    TransitionRunner.Outcome o = small.transition(tree, lambda);
    assertFalse(o.succeeded, "the transition of " + tree + " must be refused");
    assertFalse(small.dfs().exists(new Path(tree, BartPaths.HIDDEN_DIR)), "nothing created");
    return o.error;
  }

  private static IOException startRefused(String tree) {
    return startRefused(StartTransitionRequestProto.newBuilder().setPath(tree)
        .setApproach("BTPM").setDryRun(false).build());
  }

  private static IOException startRefused(StartTransitionRequestProto req) {
    return assertThrows(IOException.class, () -> {
      try (CoordinatorClient c = CoordinatorClient.connect(small.cluster.conf())) {
        c.startTransition(req);
      }
    });
  }

  @Test
  void aBatchBoundAboveTheNameNodesOrBelowOneIsRefused() throws Exception {
    small.writeTree("/bounded", SmallCluster.SEED + 12);
    int configured = BartConfigKeys.TRANSITION_BATCH_GROUPS_DEFAULT;
    for (int asked : new int[] {configured + 1, 0, -1}) {
      IOException e = startRefused(StartTransitionRequestProto.newBuilder().setPath("/bounded")
          .setApproach("LSPM").setDryRun(false).setBatchGroups(asked).build());
      assertTrue(e.getMessage().contains("-batch-groups must be between 1 and "
          + BartConfigKeys.TRANSITION_BATCH_GROUPS + " = " + configured), e.getMessage());
      assertTrue(e.getMessage().contains("got " + Integer.toUnsignedString(asked)),
          e.getMessage());
    }
    assertFalse(small.dfs().exists(new Path("/bounded", BartPaths.HIDDEN_DIR)), "nothing created");
  }

  @Test
  void aMissingPathIsNamed() {
    IOException e = startRefused("/no/such/tree");
    assertTrue(e.getMessage().contains("/no/such/tree does not exist"), e.getMessage());
  }

  @Test
  void aTreeWithoutErasureCodedFilesSaysWhyForEachFile() throws Exception {
    small.dfs().mkdirs(new Path("/plain"));
    SampleFiles.write(small.dfs(), new Path("/plain/a"), new byte[4096]);
    String error = refusal("/plain", 2);
    assertTrue(error.contains("nothing to transition under /plain"), error);
    assertTrue(error.contains("/plain/a: not erasure coded"), error);
  }

  /** HDFS's default codec merges too (BuiltInCodecsIT): here it only lacks DataNodes. */
  @Test
  void theCauchyRsCodecPassesDiscoveryAndIsCountedAgainstTheDataNodes() throws Exception {
    String rs32 = SystemErasureCodingPolicies
        .getByID(SystemErasureCodingPolicies.RS_3_2_POLICY_ID).getName();
    small.dfs().enableErasureCodingPolicy(rs32);
    small.dfs().mkdirs(new Path("/cauchy"));
    small.dfs().setErasureCodingPolicy(new Path("/cauchy"), rs32);
    // Two full block groups (stripes, one wide group's worth): 1 MiB blocks of one 1 MiB cell.
    byte[] data = SampleFiles.randomBytes(SmallCluster.SEED, 6 * 1024 * 1024);
    try (FSDataOutputStream out = small.dfs().create(new Path("/cauchy/a"), false, 4096,
        (short) 1, 1024 * 1024)) {
      out.write(data);
    }
    String error = refusal("/cauchy", 2);
    // lambda 2 x k 3 + m 2 = 8 distinct DataNodes; the cluster has 7.
    assertTrue(error.contains("too few DataNodes") && error.contains("RS-3-2-1024k")
        && error.contains("needs 8") && error.contains("there are 7"), error);
    assertArrayEquals(data, SampleFiles.read(small.dfs(), new Path("/cauchy/a")));
  }

  @Test
  void tooFewDataNodesForTheWideStripeAreCounted() throws Exception {
    Map<String, byte[]> contents = small.writeTree("/wide", SmallCluster.SEED + 7);
    String error = refusal("/wide", 4); // 4 x 2 + 1 = 9 nodes needed, 7 exist
    assertTrue(error.contains("too few DataNodes") && error.contains("needs 9")
        && error.contains("there are 7"), error);
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(small.dfs(), new Path(e.getKey())));
    }
  }

  @Test
  void aSecondTransitionOfTheSameTreeIsRefusedWhileTheFirstRuns() throws Exception {
    small.writeTree("/busy", SmallCluster.SEED + 11);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void afterPhase(String tree, Phase phase) {
        if (phase == Phase.DISCOVER) {
          inside.countDown();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    });
    long first;
    try (CoordinatorClient c = CoordinatorClient.connect(small.cluster.conf())) {
      first = c.startTransition(StartTransitionRequestProto.newBuilder().setPath("/busy")
          .setApproach("BTPM").setLambda(2).setDryRun(false).build());
      assertTrue(inside.await(60, TimeUnit.SECONDS), "first transition running");
      IOException e = startRefused("/busy/f0");
      assertTrue(e.getMessage().contains("a transition of /busy is already running"),
          e.getMessage());
      // Renamed meanwhile, the tree is still the running job's: its files go with it.
      small.dfs().rename(new Path("/busy"), new Path("/busy-moved"));
      e = startRefused("/busy-moved");
      assertTrue(e.getMessage().contains(
          "a transition of /busy-moved (started as /busy) is already running"), e.getMessage());
      release.countDown();
      Poll.until("first transition done", 60_000,
          () -> c.getJob(first).getState() != JobState.RUNNING);
      assertTrue(c.getJob(first).getState() == JobState.SUCCEEDED, c.getJob(first).getError());
    }
  }

  @Test
  void aCallerWhoIsNotTheSuperuserIsRefused() throws Exception {
    small.dfs().mkdirs(new Path("/guarded"));
    UserGroupInformation mallory = UserGroupInformation.createUserForTesting("mallory",
        new String[] {"users"});
    AccessControlException e = assertThrows(AccessControlException.class,
        () -> mallory.doAs((PrivilegedExceptionAction<Long>) () -> {
          try (CoordinatorClient c = CoordinatorClient.connect(small.cluster.conf())) {
            return c.startTransition(StartTransitionRequestProto.newBuilder()
                .setPath("/guarded").setApproach("BTPM").setDryRun(false).build());
          }
        }));
    assertTrue(e.getMessage().contains("mallory"), e.getMessage());
    assertFalse(small.dfs().exists(new Path("/guarded", BartPaths.HIDDEN_DIR)));
  }
}
