package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.EmbeddedCluster;
import org.bart.protocol.BartBusyException;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.DegradedReadClient;
import org.bart.protocol.proto.CoordinatorProtos.AgentEntryProto;
import org.bart.protocol.proto.CoordinatorProtos.ListAgentsResponseProto;
import org.bart.testing.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Degraded reads as ordinary users, planned by the coordinator and read by agents (the path a read
 * takes when the stock client fails): a user reads what the file's permissions let it read and
 * nothing else, a plan serves only the user it was made for, and a flood of such reads leaves
 * every agent's heartbeat fresh.
 */
class DegradedReadUsersIT {

  private static final String TREE = "/users";
  private static final String SECRET = TREE + "/secret";
  private static final int DATANODES = 7;
  private static final int FLOOD_THREADS = 24;
  private static final long FLOOD_MS = 8_000;

  private static SmallCluster small;
  private static Map<String, byte[]> contents;

  @BeforeAll
  static void start() throws Exception {
    // Agents heartbeat every second, so "fresh" is 3 s as the product counts it (3 intervals):
    // with the 300 ms of other tests, 900 ms was within a CPU stall of a loaded 2-core machine.
    small = new SmallCluster(EmbeddedCluster.builder()
        .set(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS, "1000"));
    contents = small.writeTree(TREE, SmallCluster.SEED);
    small.dfs().rename(new Path(TREE + "/f0"), new Path(SECRET));
    small.dfs().setPermission(new Path(SECRET), new FsPermission((short) 0600));
    contents.put(SECRET, contents.remove(TREE + "/f0"));
    assertTrue(small.transition(TREE, 2).succeeded);
  }

  @AfterAll
  static void stop() {
    if (small != null) {
      small.close();
    }
  }

  @Test
  void anOrdinaryUserReadsWhatItMayReadAndNothingElse() throws Exception {
    UserGroupInformation reader = Users.ordinary("reader");
    try (DegradedReadClient c = Users.as(reader,
        () -> DegradedReadClient.connect(small.cluster.conf()))) {
      for (Map.Entry<String, byte[]> e : contents.entrySet()) {
        if (e.getKey().equals(SECRET)) {
          AccessControlException denied = assertThrows(AccessControlException.class,
              () -> c.read(SECRET, 0, 1024));
          assertTrue(denied.getMessage().contains("reader")
              && denied.getMessage().contains(SECRET), denied::getMessage);
          continue;
        }
        assertArrayEquals(e.getValue(), readWhole(c, e.getKey(), e.getValue().length),
            e.getKey());
      }
    }
    // ...and the superuser's reads through the same agents change nothing for the next user.
    try (DegradedReadClient admin = DegradedReadClient.connect(small.cluster.conf())) {
      assertArrayEquals(contents.get(SECRET),
          readWhole(admin, SECRET, contents.get(SECRET).length));
    }
    UserGroupInformation other = Users.ordinary("other");
    try (DegradedReadClient c = Users.as(other,
        () -> DegradedReadClient.connect(small.cluster.conf()))) {
      assertThrows(AccessControlException.class, () -> c.read(SECRET, 0, 1024));
      String f1 = TREE + "/f1";
      assertArrayEquals(contents.get(f1), readWhole(c, f1, contents.get(f1).length));
    }
  }

  @Test
  void aReadPlanIsGoodOnlyForTheUserItWasMadeFor() throws Exception {
    // The superuser's plan of the secret file, presented to an agent by an ordinary user.
    DegradedReadClient.Plan adminPlan;
    try (DegradedReadClient admin = DegradedReadClient.connect(small.cluster.conf())) {
      adminPlan = admin.plan(SECRET, 0);
    }
    UserGroupInformation reader = Users.ordinary("reader");
    try (DegradedReadClient c = Users.as(reader,
        () -> DegradedReadClient.connect(small.cluster.conf()))) {
      AccessControlException refused = assertThrows(AccessControlException.class,
          () -> c.read(adminPlan, 0, 1024));
      assertTrue(refused.getMessage().contains(SECRET)
          && refused.getMessage().contains("not for reader"), refused::getMessage);
    }
  }

  @Test
  void aFloodOfDegradedReadsByOrdinaryUsersLeavesEveryAgentFresh() throws Exception {
    long freshMs = 3 * small.cluster.conf().getLong(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
        BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT);
    List<String> readable = new ArrayList<>(contents.keySet());
    readable.remove(SECRET);
    AtomicLong served = new AtomicLong();
    AtomicLong busy = new AtomicLong();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    long end = System.currentTimeMillis() + FLOOD_MS;
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < FLOOD_THREADS; t++) {
      UserGroupInformation user = Users.ordinary("flooder" + t % 4);
      Random r = new Random(SmallCluster.SEED + t);
      Thread th = new Thread(() -> {
        try (DegradedReadClient c = Users.as(user,
            () -> DegradedReadClient.connect(small.cluster.conf()))) {
          while (System.currentTimeMillis() < end) {
            String p = readable.get(r.nextInt(readable.size()));
            try {
              c.read(p, r.nextInt(contents.get(p).length), SmallCluster.BLOCK);
              served.incrementAndGet();
            } catch (BartBusyException e) {
              busy.incrementAndGet();
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "flood-" + t);
      th.start();
      readers.add(th);
    }
    int samples = 0;
    long worstMsAgo = 0;
    try (CoordinatorClient coordinator = CoordinatorClient.connect(small.cluster.conf())) {
      while (System.currentTimeMillis() < end) {
        ListAgentsResponseProto agents = coordinator.listAgents();
        assertEquals(DATANODES, agents.getAgentsCount(), agents::toString);
        for (AgentEntryProto a : agents.getAgentsList()) {
          worstMsAgo = Math.max(worstMsAgo, a.getLastSeenMsAgo());
          assertTrue(a.getLastSeenMsAgo() <= freshMs, "agent " + a.getDatanodeUuid()
              + " last seen " + a.getLastSeenMsAgo() + " ms ago (fresh: " + freshMs
              + " ms) during the flood, after " + samples + " fresh samples");
        }
        samples++;
        Thread.sleep(100); // sampling rate, not synchronisation
      }
    } finally {
      for (Thread th : readers) {
        th.join();
      }
    }
    System.out.println("flood: " + FLOOD_THREADS + " threads for " + FLOOD_MS + " ms: "
        + served + " reads served, " + busy + " given up as busy; " + samples
        + " samples of " + DATANODES + " agents, all fresh (worst " + worstMsAgo + " ms ago, "
        + "fresh: " + freshMs + " ms)");
    assertTrue(failures.isEmpty(), failures::toString);
    assertTrue(served.get() > 0, "no read was served");
  }

  private static byte[] readWhole(DegradedReadClient c, String path, int length)
      throws Exception {
    byte[] out = new byte[length];
    for (int done = 0; done < length; ) {
      byte[] piece = c.read(path, done, length - done).getData().toByteArray();
      assertTrue(piece.length > 0, path + " ended at " + done);
      System.arraycopy(piece, 0, out, done, piece.length);
      done += piece.length;
    }
    return out;
  }
}
