package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.io.IOUtils;
import org.bart.admin.TransitionRunner;
import org.bart.client.BartFileSystem;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.JobState;
import org.bart.protocol.proto.CoordinatorProtos.JobStatusProto;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.MaintenanceReport;
import org.bart.report.TransitionReport;
import org.bart.testing.DeadNodes;
import org.bart.testing.Jmx;
import org.bart.testing.Poll;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of a transition, a degraded read and a repair in Hadoop's metrics (the
 * coordinator's and the agents' metrics2 sources, read as MBeans as /jmx shows them), and that
 * {@code -status} still lists the finished job after the NameNode restarts.
 */
class MetricsRestartIT {

  private static final String COORDINATOR = "BartCoordinator";
  private static final String AGENTS = "BartAgent-";
  /** Metrics2 refreshes an MBean's attributes at most every period (1 s in the tests). */
  private static final long JMX_WAIT_MS = 60_000;

  private SmallCluster small;

  @AfterEach
  void stop() {
    if (small != null) {
      small.close();
    }
  }

  @Test
  void countersFollowTheWorkAndFinishedJobsSurviveARestart() throws Exception {
    small = SmallCluster.forRestarts();
    Map<String, byte[]> contents = small.writeTree("/m", SmallCluster.SEED);
    TransitionRunner.Outcome o = small.transition("/m", 2);
    assertTrue(o.succeeded, o.error);
    TransitionReport t = o.report;
    assertTrue(t.bytesRelabelled > 0 && t.bytesMerged > 0, "a transition relabels and merges");

    await(COORDINATOR, "TransitionsSucceeded", 1);
    assertEquals(1, Jmx.beans(COORDINATOR).size());
    assertEquals(t.bytesRelabelled, Jmx.sum(COORDINATOR, "BytesRelabelled"));
    assertEquals(t.bytesMerged, Jmx.sum(COORDINATOR, "BytesMerged"));
    assertEquals(t.wideGroups, Jmx.sum(COORDINATOR, "GroupsTransitioned"));
    assertEquals(7, Jmx.beans(AGENTS).size(), "one source per agent");
    await(AGENTS, "BytesMerged", t.bytesMerged);
    await(AGENTS, "BytesRelabelled", t.bytesRelabelled);

    // A DataNode with a data unit dies: reads decode, then repair rebuilds its units.
    String parity = WideGroups.parityFiles(small.dfs(), "/m").get(0);
    String victim = WideLayout.load(small.dfs(), parity).units[0].nodes.get(0).getDatanodeUuid();
    small.cluster.stopDataNode(victim);
    Configuration conf = new Configuration(small.cluster.conf());
    conf.set("fs.hdfs.impl", BartFileSystem.class.getName());
    conf.setBoolean("fs.hdfs.impl.disable.cache", true);
    try (FileSystem fs = FileSystem.newInstance(small.dfs().getUri(), conf)) {
      for (Map.Entry<String, byte[]> e : contents.entrySet()) {
        byte[] got = new byte[e.getValue().length];
        try (FSDataInputStream in = fs.open(new Path(e.getKey()))) {
          IOUtils.readFully(in, got, 0, got.length);
        }
        assertArrayEquals(e.getValue(), got, e.getKey() + ", seed " + SmallCluster.SEED);
      }
    }
    Poll.until("degraded reads counted by the coordinator and the agents", JMX_WAIT_MS,
        () -> Jmx.sum(COORDINATOR, "ReadPlansServed") > 0
            && Jmx.sum(AGENTS, "DegradedReadsServed") > 0
            && Jmx.sum(AGENTS, "BytesDecoded") > 0);
    assertEquals(0, Jmx.sum(COORDINATOR, "ReadPlansFailed"));

    DeadNodes.declare(small.cluster.mini(), victim);
    small.cluster.awaitDead(Collections.singleton(victim), 120_000);
    int rebuilt;
    try (CoordinatorClient c = CoordinatorClient.connect(small.cluster.conf())) {
      MaintenanceReport r = MaintenanceReport.fromJson(c.repair("/m"));
      assertTrue(r.problems.isEmpty(), r.problems.toString());
      rebuilt = (int) r.actions.stream().filter(a -> a.startsWith("rebuilt ")).count();
      assertTrue(rebuilt > 0, r.actions.toString());
      MaintenanceReport v = MaintenanceReport.fromJson(c.verify("/m"));
      assertTrue(v.problems.isEmpty(), v.problems.toString());
    }
    await(COORDINATOR, "UnitsRebuilt", rebuilt);
    await(AGENTS, "UnitsRebuilt", rebuilt);
    assertEquals(0, Jmx.sum(COORDINATOR, "RepairsPending"));
    assertEquals(0, Jmx.sum(COORDINATOR, "RepairFailures"));
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(small.dfs(), new Path(e.getKey())),
          e.getKey() + " after repair, seed " + SmallCluster.SEED);
    }

    long jobId;
    try (CoordinatorClient c = CoordinatorClient.connect(small.cluster.conf())) {
      List<JobStatusProto> jobs = c.listJobs();
      assertEquals(1, jobs.size());
      jobId = jobs.get(0).getJobId();
    }
    MiniDFSCluster mini = small.cluster.mini();
    mini.restartNameNode(true);
    Poll.until("the NameNode out of safe mode", 120_000, () -> !mini.getNameNode().isInSafeMode());
    // The plugin unregistered its source on stop and registered a new one: one, from zero.
    assertEquals(1, Jmx.beans(COORDINATOR).size());
    assertEquals(0, Jmx.sum(COORDINATOR, "TransitionsSucceeded"));
    try (CoordinatorClient c = CoordinatorClient.connect(small.cluster.conf())) {
      List<JobStatusProto> jobs = c.listJobs();
      assertEquals(1, jobs.size(), jobs.toString());
      JobStatusProto kept = jobs.get(0);
      assertEquals(jobId, kept.getJobId());
      assertEquals("/m", kept.getPath());
      assertEquals(JobState.SUCCEEDED, kept.getState());
      assertEquals(t.wideGroups, kept.getGroupsDone());
      assertEquals(kept, c.getJob(jobId));
      long next = c.startTransition(StartTransitionRequestProto.newBuilder().setPath("/m")
          .setApproach("BTPM").setLambda(2).setDryRun(true).build());
      assertEquals(jobId + 1, next, "job ids go on after the kept ones");
    }
  }

  /** Waits until {@code attribute} summed over the sources named {@code prefix} is {@code want}. */
  private static void await(String prefix, String attribute, long want) throws Exception {
    Poll.until(prefix + " " + attribute + " = " + want, JMX_WAIT_MS,
        () -> Jmx.sum(prefix, attribute) == want);
  }
}
