package org.bart.fake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo.DatanodeInfoBuilder;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.transition.CoordinatorFaultInjector.SimulatedCrash;

/**
 * An in-memory HDFS for the coordinator's seams: N DataNodes holding replicas by block id, and
 * one namespace ({@link FakeNamespace}). The coordinator reaches it through a {@link Process}
 * (its {@link org.bart.namenode.hdfs.Namespace} and {@link
 * org.bart.namenode.cluster.TransitionAgents}); a process can be made to crash before its n-th
 * state-changing call, after which every call of that process fails as a dead process's would,
 * while a new process sees the state the dead one left. Calls are serialised on the cluster, so
 * each one is atomic. A cluster made with {@code keepBytes = false} keeps replica sizes only.
 */
public final class FakeCluster {

  public static final String POOL = "BP-fake-127.0.0.1-1";

  final boolean keepBytes;
  final List<DatanodeInfo> datanodes = new ArrayList<>();
  private final Map<String, Integer> indexByUuid = new HashMap<>();
  /** Per DataNode: its replicas by block id. */
  final List<Map<Long, FakeReplica>> replicas = new ArrayList<>();
  /** Where each replica is: block id to DataNode index (one replica per block). */
  final Map<Long, Integer> locations = new HashMap<>();
  final FakeNamespace namespace;
  /** DataNodes that died: the NameNode lists none of their replicas. */
  private final Set<Integer> dead = new HashSet<>();
  private long steps;
  private long crashAt = Long.MAX_VALUE;
  private long userActionAt = Long.MAX_VALUE;
  private Runnable userAction;
  /** What each state-changing call did, in order, when the test asked for it (small runs). */
  private List<String> stepLog;

  /** A cluster of {@code n} DataNodes on one rack. */
  public FakeCluster(int n, boolean keepBytes) {
    this.keepBytes = keepBytes;
    for (int i = 0; i < n; i++) {
      String uuid = String.format("dn-%05d", i);
      DatanodeInfo dn = new DatanodeInfoBuilder().setNodeID(new DatanodeID("127.0.0."
          + (1 + i % 250), "host" + i, uuid, 10000 + i, 20000 + i, 0, 30000 + i))
          .setNetworkLocation("/default-rack").build();
      datanodes.add(dn);
      indexByUuid.put(uuid, i);
      replicas.add(new HashMap<>());
    }
    this.namespace = new FakeNamespace(this);
  }

  /** Every DataNode with its (fake) agent, as a transition's discovery would see them. */
  public ClusterView view() {
    return ClusterView.of(datanodes, FakeCluster::agentAddress);
  }

  static String agentAddress(String uuid) {
    return "agent-" + uuid + ":9878";
  }

  /** The agents of the live DataNodes, each ready at a heartbeat just now. */
  public synchronized AgentRegistry registry() {
    AgentRegistry r = new AgentRegistry();
    for (int i = 0; i < datanodes.size(); i++) {
      if (!dead.contains(i)) {
        r.register(datanodes.get(i).getDatanodeUuid(), agentAddress(
            datanodes.get(i).getDatanodeUuid()), true);
      }
    }
    return r;
  }

  /** DataNode {@code node} dies: its replicas are gone and the NameNode lists none of them. */
  public synchronized void kill(int node) {
    dead.add(node);
    for (Long id : replicas.get(node).keySet()) {
      locations.remove(id);
    }
    replicas.get(node).clear();
  }

  public synchronized boolean isLive(int node) {
    return !dead.contains(node);
  }

  /** The replica of block {@code id} is lost (its disk failed) and the NameNode forgets it. */
  public synchronized void lose(long id) {
    drop(id);
  }

  /**
   * Moves the replica {@code id} to DataNode {@code to} as the Balancer does: copied under the same
   * id, then deleted where it was.
   */
  public synchronized void move(long id, int to) throws IOException {
    Integer from = locations.get(id);
    if (from == null) {
      throw new IOException("blk_" + id + " is on no DataNode");
    }
    FakeReplica r = replicas.get(from).remove(id);
    locations.remove(id);
    store(to, id, r);
  }

  /** DataNode {@code node} starts decommissioning: it stays live but is leaving. */
  public synchronized void decommission(int node) {
    datanodes.get(node).startDecommission();
  }

  public FakeNamespace namespace() {
    return namespace;
  }

  public int size() {
    return datanodes.size();
  }

  /** Stores a replica written by HDFS itself (set-up); only its size in a sizes-only cluster. */
  public synchronized void put(int node, long id, long genStamp, byte[] bytes)
      throws IOException {
    store(node, id, new FakeReplica(genStamp, bytes.length, keepBytes ? bytes : null));
  }

  /** Stores a replica of {@code length} bytes whose contents nobody will read (sizes only). */
  public synchronized void putSize(int node, long id, long genStamp, long length)
      throws IOException {
    store(node, id, new FakeReplica(genStamp, length, null));
  }

  public DatanodeInfo datanode(int i) {
    return datanodes.get(i);
  }

  int indexOf(String uuid) throws IOException {
    Integer i = indexByUuid.get(uuid);
    if (i == null) {
      throw new IOException("no DataNode " + uuid);
    }
    return i;
  }

  /** A new coordinator process. */
  public Process start() {
    return new Process();
  }

  /** The next process to make a state-changing call numbered {@code n} (from 1) dies before it. */
  public synchronized void crashBeforeStep(long n) {
    crashAt = n;
  }

  /**
   * Runs {@code action} (a user's change, through the namespace's set-up methods) just before the
   * {@code n}-th state-changing call of any process, as a user racing the coordinator would.
   */
  public synchronized void beforeStep(long n, Runnable action) {
    userActionAt = n;
    userAction = action;
  }

  /** From now on, keeps what each state-changing call does ({@link #stepLog()}). */
  public synchronized void logSteps() {
    stepLog = new ArrayList<>();
  }

  /** What step 1, 2, ... did (since {@link #logSteps()}). */
  public synchronized List<String> stepLog() {
    return new ArrayList<>(stepLog);
  }

  /** State-changing calls made so far, by every process. */
  public synchronized long steps() {
    return steps;
  }

  /** The replica of block {@code id} on DataNode {@code node}, or null. */
  public synchronized FakeReplica replica(int node, long id) {
    return replicas.get(node).get(id);
  }

  /** The DataNode holding block {@code id}, or -1. */
  public synchronized int location(long id) {
    Integer n = locations.get(id);
    return n == null ? -1 : n;
  }

  /** Ids of every replica on every DataNode. */
  public synchronized List<Long> allReplicaIds() {
    return new ArrayList<>(locations.keySet());
  }

  /** Stores a replica on a DataNode, which reports it to the NameNode at once. */
  synchronized void store(int node, long id, FakeReplica r) throws IOException {
    if (dead.contains(node)) {
      throw new IOException("DataNode " + node + " is dead");
    }
    Integer elsewhere = locations.get(id);
    if (elsewhere != null && elsewhere != node) {
      throw new IOException("blk_" + id + " is on DataNode " + elsewhere + " already");
    }
    replicas.get(node).put(id, r);
    locations.put(id, node);
  }

  /** The NameNode's deletion of a block's replica (when its file goes). */
  synchronized void drop(long id) {
    Integer node = locations.remove(id);
    if (node != null) {
      replicas.get(node).remove(id);
    }
  }

  /** A call of one process, run atomically. */
  interface Call<T> {
    T run() throws IOException;
  }

  /**
   * One coordinator process: every call it makes goes through {@link #call} (reads) or {@link
   * #change} (state changes, counted for crash injection).
   */
  public final class Process {
    private boolean dead;
    private final FakeNamespace.View ns = namespace.viewFor(this);
    private final FakeAgents agents = new FakeAgents(FakeCluster.this, this);

    public FakeNamespace.View namespace() {
      return ns;
    }

    public FakeAgents agents() {
      return agents;
    }

    public boolean isDead() {
      synchronized (FakeCluster.this) {
        return dead;
      }
    }

    <T> T call(Call<T> c) throws IOException {
      synchronized (FakeCluster.this) {
        if (dead) {
          throw new SimulatedCrash("(the process is dead)");
        }
        return c.run();
      }
    }

    <T> T change(String what, Call<T> c) throws IOException {
      synchronized (FakeCluster.this) {
        if (dead) {
          throw new SimulatedCrash("(the process is dead)");
        }
        if (++steps == crashAt) {
          dead = true;
          crashAt = Long.MAX_VALUE;
          throw new SimulatedCrash("before step " + steps + ": " + what);
        }
        if (steps == userActionAt) {
          userActionAt = Long.MAX_VALUE;
          userAction.run();
        }
        if (stepLog != null) {
          stepLog.add(what);
        }
        return c.run();
      }
    }
  }
}
