package org.bart.namenode.coordinator;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.client.HdfsClientConfigKeys;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.conf.BartConfigKeys;
import org.bart.namenode.cluster.AgentPool;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.hdfs.HdfsNamespace;
import org.bart.namenode.hdfs.InodePaths;
import org.bart.namenode.hdfs.NameNodeInternals;
import org.bart.namenode.maintenance.HdfsGroupLocations;
import org.bart.namenode.maintenance.Maintenance;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.StateOwnership;
import org.bart.namenode.metadata.TreeIndex;
import org.bart.namenode.metadata.UntrustedStateException;
import org.bart.namenode.metrics.CoordinatorMetrics;
import org.bart.namenode.read.HdfsReadNamespace;
import org.bart.namenode.read.ReadPlanner;
import org.bart.namenode.safemode.SafeModeRelease;
import org.bart.namenode.transition.CoordinatorFaultInjector.SimulatedCrash;
import org.bart.namenode.transition.JobProgress;
import org.bart.namenode.transition.TransitionJob;
import org.bart.namenode.transition.TransitionOptions;
import org.bart.plan.approach.Approach;
import org.bart.protocol.wide.ReadPlan;
import org.bart.protocol.proto.CoordinatorProtos.JobState;
import org.bart.protocol.proto.CoordinatorProtos.JobStatusProto;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.MaintenanceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs transitions as background jobs inside the NameNode: at most one per tree (and none on
 * overlapping trees), each reporting its progress and, at the end, its report. The jobs act on
 * HDFS through an ordinary client of this NameNode, as the NameNode's own (super)user.
 */
public final class Coordinator {

  private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);
  /** Finished jobs kept for -status, the oldest forgotten first (each holds its report). */
  static final int MAX_FINISHED_JOBS = 100;

  /** A job and what the CLI may ask of it. */
  private static final class Job {
    final long id;
    final String tree;
    /** The tree's inode: a tree renamed during the run is still this job's (its files follow). */
    final long treeInode;
    final JobProgress progress = new JobProgress();
    volatile JobState state = JobState.RUNNING;
    volatile String error;
    volatile String reportJson;

    Job(long id, String tree, long treeInode) {
      this.id = id;
      this.tree = tree;
      this.treeInode = treeInode;
    }
  }

  private final Configuration conf;
  private final URI nameNode;
  private final NameNodeInternals nn;
  private final AgentRegistry agents;
  private final InodePaths paths;
  private final long freshMs;
  private final SafeModeRelease safeMode;
  private final CoordinatorMetrics metrics;
  private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "bart-transition");
    t.setDaemon(true);
    return t;
  });
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
  /** Jobs that finished before the NameNode last started ({@link JobHistory}). */
  private final Map<Long, JobStatusProto> earlier = new ConcurrentHashMap<>();
  private boolean historyLoaded;
  private final AtomicLong nextId = new AtomicLong(1);
  private DistributedFileSystem dfs;

  public Coordinator(Configuration conf, NameNodeInternals nn, AgentRegistry agents,
      CoordinatorMetrics metrics) {
    this.metrics = metrics;
    this.conf = new Configuration(conf);
    // File checksums that do not depend on the block layout, to compare twins with originals.
    this.conf.set(HdfsClientConfigKeys.DFS_CHECKSUM_COMBINE_MODE_KEY, "COMPOSITE_CRC");
    this.nn = nn;
    this.nameNode = URI.create("hdfs://" + nn.rpcHostPort());
    this.agents = agents;
    this.paths = new InodePaths(nn);
    this.freshMs = 3 * conf.getLong(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
        BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT);
    this.safeMode = new SafeModeRelease(nn, paths, conf.getTimeDuration(
        DFSConfigKeys.DFS_NAMENODE_SAFEMODE_EXTENSION_KEY,
        DFSConfigKeys.DFS_NAMENODE_SAFEMODE_EXTENSION_DEFAULT, TimeUnit.MILLISECONDS));
  }

  /** Leaves startup safe mode if only blocks that repair rebuilds keep the NameNode there. */
  public void checkSafeMode() {
    try {
      safeMode.check(dfs());
    } catch (IOException | RuntimeException e) {
      LOG.warn("BART safe-mode check failed: {}", e.toString());
    }
  }

  /** Repairs the wide groups under {@code tree} (every transitioned tree if null). */
  public MaintenanceReport repair(String tree) throws IOException {
    return maintenance().repair(tree);
  }

  /** Verifies the wide groups under {@code tree} (every transitioned tree if null). */
  public MaintenanceReport verify(String tree) throws IOException {
    return maintenance().verify(tree);
  }

  /** The periodic repair: every transitioned tree no transition is running on. */
  public void repairAll() {
    try {
      for (String tree : TreeIndex.trees(dfs(), paths)) {
        if (busy(tree)) {
          continue;
        }
        MaintenanceReport r = maintenance().repair(tree);
        for (String a : r.actions) {
          LOG.info("BART repair: {}", a);
        }
        for (String p : r.problems) {
          LOG.warn("BART repair: {}", p);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("BART repair pass failed: {}", e.toString());
    }
  }

  private boolean busy(String tree) {
    for (Job j : jobs.values()) {
      if (j.state == JobState.RUNNING && overlaps(currentTree(j), tree)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The read plan of the block group of {@code path} holding {@code offset} for the calling user
   * {@code user} (checked by the NameNode as that user), or null past the file's end.
   */
  public ReadPlan readPlan(String path, long offset, String user) throws IOException {
    long maxBytes = conf.getLongBytes(BartConfigKeys.AGENT_READ_MAX_BYTES,
        BartConfigKeys.AGENT_READ_MAX_BYTES_DEFAULT);
    ReadPlan plan;
    try {
      plan = new ReadPlanner(new HdfsReadNamespace(nn.rpcServer(), dfs(), paths), agents,
          freshMs, maxBytes).plan(path, offset, user);
    } catch (IOException | RuntimeException e) {
      metrics.readPlanFailed();
      throw e;
    }
    if (plan != null) {
      metrics.readPlanServed();
    }
    return plan;
  }

  private Maintenance maintenance() throws IOException {
    return new Maintenance(new HdfsNamespace(dfs()), new HdfsGroupLocations(dfs(), agents, paths),
        nodes -> new AgentPool(nodes, conf), agents, conf, metrics,
        b -> nn.corruptReplicaNodes(b.getLocalBlock()));
  }

  /**
   * The coordinator's client, always as the NameNode's login user (the HDFS superuser, who owns
   * BART's state), never as the caller of the RPC that happens to create it.
   */
  private synchronized DistributedFileSystem dfs() throws IOException {
    if (dfs == null) {
      try {
        dfs = UserGroupInformation.getLoginUser().doAs(
            (PrivilegedExceptionAction<DistributedFileSystem>) () ->
                (DistributedFileSystem) FileSystem.newInstance(nameNode, conf));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while connecting to the NameNode");
      }
    }
    return dfs;
  }

  /**
   * Starts a transition.
   *
   * @throws RequestRefusedException if the request is invalid or overlaps a running transition
   */
  public synchronized long start(StartTransitionRequestProto req) throws IOException {
    String tree = new Path(req.getPath()).toUri().getPath();
    Approach approach;
    try {
      approach = Approach.parse(req.getApproach());
    } catch (IllegalArgumentException e) {
      throw new RequestRefusedException(e.getMessage());
    }
    int lambda = req.hasLambda() ? req.getLambda() : 3;
    if (lambda < 2) {
      throw new RequestRefusedException("lambda must be at least 2 (narrow stripes per wide "
          + "stripe), got " + lambda);
    }
    if (approach.needsBandwidthProfile() && !req.hasBandwidthProfile()) {
      throw new RequestRefusedException("approach " + approach.label()
          + " needs -bw-profile FILE");
    }
    int batchGroups = batchGroups(req);
    loadHistory(); // job ids go on from the last run's
    HdfsFileStatus root = dfs().getClient().getFileInfo(tree);
    if (root == null) {
      throw new RequestRefusedException("path " + tree + " does not exist");
    }
    for (Job j : jobs.values()) {
      String running = j.state == JobState.RUNNING ? currentTree(j) : null;
      if (running != null && overlaps(running, tree)) {
        throw new RequestRefusedException("a transition of " + running
            + (running.equals(j.tree) ? "" : " (started as " + j.tree + ")")
            + " is already running (job " + j.id + "); wait for it (bart -status) before "
            + "transitioning " + tree);
      }
    }
    TransitionOptions options = new TransitionOptions(tree, approach, lambda,
        req.hasBandwidthProfile() ? req.getBandwidthProfile() : null, req.getDryRun(),
        req.hasSeed() ? req.getSeed() : null, batchGroups);
    Job job = new Job(nextId.getAndIncrement(), tree, root.getFileId());
    jobs.put(job.id, job);
    metrics.transitionStarted();
    runner.submit(() -> run(job, options));
    return job.id;
  }

  /**
   * The request's batch bound, or 0 for the configured one. A request may only lower the bound
   * the NameNode's administrator set: it bounds the coordinator's memory inside the NameNode.
   */
  private int batchGroups(StartTransitionRequestProto req) throws RequestRefusedException {
    if (!req.hasBatchGroups()) {
      return 0;
    }
    int configured = conf.getInt(BartConfigKeys.TRANSITION_BATCH_GROUPS,
        BartConfigKeys.TRANSITION_BATCH_GROUPS_DEFAULT);
    int asked = req.getBatchGroups();
    if (asked < 1 || asked > configured) {
      throw new RequestRefusedException("-batch-groups must be between 1 and "
          + BartConfigKeys.TRANSITION_BATCH_GROUPS + " = " + configured + " (set on the NameNode; "
          + "a run may only lower it), got " + Integer.toUnsignedString(asked));
    }
    return asked;
  }

  private void run(Job job, TransitionOptions options) {
    TransitionJob t;
    try {
      t = new TransitionJob(dfs(), conf, options, job.progress, agents, conf.getInt(
          BartConfigKeys.COORDINATOR_THREADS, BartConfigKeys.COORDINATOR_THREADS_DEFAULT),
          StateOwnership.ofLoginUser(), paths);
    } catch (IOException e) {
      finish(job, null, e);
      return;
    }
    try {
      t.run();
      if (!options.dryRun) {
        reprotectGhosts(t);
      }
      finish(job, t, null);
    } catch (IOException | RuntimeException e) {
      finish(job, t, e);
    }
  }

  /**
   * Re-protects at once the groups of the tree that got ghost members (files that changed just
   * before their commit), so that no ghost outlives the run: the repair pass recomputes their
   * wide parity without the ghost and deletes it. A failure is left to the periodic repair.
   */
  private void reprotectGhosts(TransitionJob t) {
    try {
      String tree = t.currentPath();
      Path ghosts = new Path(BartPaths.ghostsDir(tree));
      if (dfs().exists(ghosts) && dfs().listStatus(ghosts).length > 0) {
        MaintenanceReport r = maintenance().repair(tree);
        for (String a : r.actions) {
          LOG.info("BART transition of {}: {}", tree, a);
        }
        for (String p : r.problems) {
          LOG.warn("BART transition of {}: {}", tree, p);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Re-protecting the ghost members of {} failed (the periodic repair retries): {}",
          t.report().tree, e.toString());
    }
  }

  /** Forgets the oldest finished jobs beyond {@link #MAX_FINISHED_JOBS}. */
  private synchronized void pruneFinished() {
    List<Long> finished = new ArrayList<>();
    for (Job j : jobs.values()) {
      if (j.state != JobState.RUNNING) {
        finished.add(j.id);
      }
    }
    Collections.sort(finished);
    for (int i = 0; i < finished.size() - MAX_FINISHED_JOBS; i++) {
      jobs.remove(finished.get(i));
    }
  }

  private void finish(Job job, TransitionJob t, Exception e) {
    metrics.transitionFinished(e == null, t == null ? null : t.report());
    if (t != null) {
      try {
        job.reportJson = t.report().toJson();
      } catch (IOException ex) {
        LOG.warn("Cannot serialise the report of job {}", job.id, ex);
      }
    }
    if (e == null) {
      job.state = JobState.SUCCEEDED;
      LOG.info("Transition job {} of {} succeeded", job.id, job.tree);
    } else {
      job.error = firstLine(e);
      job.state = JobState.FAILED;
      if (e instanceof SimulatedCrash) {
        LOG.info("Transition job {} of {}: {}", job.id, job.tree, e.getMessage());
      } else if (e instanceof UntrustedStateException) {
        LOG.warn("Transition job {} of {} refused: {}", job.id, job.tree, e.getMessage());
      } else {
        LOG.warn("Transition job {} of {} failed", job.id, job.tree, e);
      }
    }
    pruneFinished();
    try {
      JobHistory.append(dfs(), toProto(job));
    } catch (IOException | RuntimeException ex) {
      LOG.warn("Transition job {} is not kept for -status after a restart: {}", job.id,
          ex.toString());
    }
  }

  /** Reads the jobs of earlier runs of the NameNode, once. */
  private synchronized void loadHistory() throws IOException {
    if (historyLoaded) {
      return;
    }
    for (JobStatusProto p : JobHistory.load(dfs())) {
      earlier.put(p.getJobId(), p);
      nextId.accumulateAndGet(p.getJobId() + 1, Math::max);
    }
    historyLoaded = true;
  }

  /**
   * As {@link #loadHistory}, but a NameNode that cannot be read now (a standby) still shows the
   * jobs of this run; the kept ones are read on a later call.
   */
  private void tryLoadHistory() {
    try {
      loadHistory();
    } catch (IOException e) {
      LOG.warn("Cannot read the finished jobs of earlier runs ({}): {}", JobHistory.XATTR,
          e.toString());
    }
  }

  /**
   * What the CLI shows of a failure: the first line of its message (an exception that came
   * through RPC carries the remote stack trace after it; the coordinator's log has the rest).
   */
  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int eol = m.indexOf('\n');
    return eol < 0 ? m : m.substring(0, eol);
  }

  public JobStatusProto status(long id) throws IOException {
    tryLoadHistory();
    Job job = jobs.get(id);
    if (job != null) {
      return toProto(job);
    }
    JobStatusProto before = earlier.get(id);
    if (before == null) {
      throw new RequestRefusedException("no transition job " + id + " (the newest "
          + MAX_FINISHED_JOBS + " finished jobs are kept, " + JobHistory.MAX_JOBS
          + " of them across NameNode restarts)");
    }
    return before;
  }

  /** The jobs of this run of the NameNode and the finished ones kept from earlier runs. */
  public List<JobStatusProto> all() {
    tryLoadHistory();
    List<JobStatusProto> out = new ArrayList<>(earlier.values());
    for (Job j : jobs.values()) {
      out.add(toProto(j));
    }
    out.sort((a, b) -> Long.compare(a.getJobId(), b.getJobId()));
    return out;
  }

  private static JobStatusProto toProto(Job job) {
    JobProgress p = job.progress;
    JobStatusProto.Builder b = JobStatusProto.newBuilder()
        .setJobId(job.id).setPath(job.tree).setState(job.state)
        .setPhase(p.phase().description())
        .setGroupsDone(p.groupsDone.get()).setGroupsTotal(p.groupsTotal)
        .setBytesMoved(p.bytesMoved.get()).setBytesPlanned(p.bytesPlanned)
        .setElapsedMs(p.elapsedMs())
        .setBatch(p.batch()).setBatchesCommitted(p.batchesCommitted.get());
    if (job.error != null) {
      b.setError(job.error);
    }
    if (job.reportJson != null && job.state != JobState.RUNNING) {
      b.setReportJson(job.reportJson);
    }
    return b.build();
  }

  /** Where the job's tree is now (where it started, if it is gone). */
  private String currentTree(Job j) {
    String now = paths.pathOf(j.treeInode);
    return now != null ? now : j.tree;
  }

  private static boolean overlaps(String a, String b) {
    return a.equals(b) || a.startsWith(b.endsWith("/") ? b : b + "/")
        || b.startsWith(a.endsWith("/") ? a : a + "/");
  }

  public void stop() {
    runner.shutdownNow();
    if (dfs != null) {
      try {
        dfs.close();
      } catch (IOException e) {
        LOG.debug("closing the coordinator's client", e);
      }
    }
  }
}
