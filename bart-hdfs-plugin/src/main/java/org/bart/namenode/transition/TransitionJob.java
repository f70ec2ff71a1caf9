package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.util.Time;
import org.apache.hadoop.util.concurrent.HadoopExecutors;
import org.bart.codec.NarrowCodec;
import org.bart.codec.WideCode;
import org.bart.namenode.cluster.AgentPool;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.cluster.TransitionAgents;
import org.bart.namenode.hdfs.DataOnlyPolicy;
import org.bart.namenode.hdfs.HdfsNamespace;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.BatchStore;
import org.bart.namenode.metadata.GroupMetadata;
import org.bart.namenode.metadata.StateOwnership;
import org.bart.plan.CodeParams;
import org.bart.plan.EncodeMethod;
import org.bart.plan.LoadStats;
import org.bart.plan.PlanningProblem;
import org.bart.plan.RackSpread;
import org.bart.plan.Rng;
import org.bart.plan.TransitionPlan;
import org.bart.protocol.proto.MetadataProtos.BatchFileProto;
import org.bart.protocol.proto.MetadataProtos.BatchProto;
import org.bart.protocol.proto.MetadataProtos.BatchState;
import org.bart.protocol.proto.MetadataProtos.GroupState;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;
import org.bart.report.SkippedFile;
import org.bart.report.TransitionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transition of a tree, phase by phase (DESIGN.md §5): recover, discover, plan, stage, verify,
 * commit, clean up. Before commit a failure rolls back what this run created; from commit on,
 * a failure leaves the batch for the next run to finish. A {@link
 * CoordinatorFaultInjector.SimulatedCrash} stops it on the spot, like a dead process.
 */
public final class TransitionJob {

  private static final Logger LOG = LoggerFactory.getLogger(TransitionJob.class);

  final TransitionContext ctx;
  /** The coordinator's client, for discovery (null where a test sets up the stripes itself). */
  private final DistributedFileSystem dfs;
  private final Function<ClusterView, TransitionAgents> connect;
  private final AgentRegistry registry;
  private final int threads;
  private final StateOwnership trust;
  private final BatchStore store;
  private long phaseStart;
  /** Set when a simulated crash passes: nothing may be cleaned up after it. */
  private boolean crashing;

  /**
   * @param dfs the coordinator's client, running as the HDFS superuser
   * @param trust who must own BART's state for it to be used (the user {@code dfs} runs as)
   */
  public TransitionJob(DistributedFileSystem dfs, Configuration conf, TransitionOptions options,
      JobProgress progress, AgentRegistry registry, int threads, StateOwnership trust) {
    this(dfs, new HdfsNamespace(dfs), nodes -> new AgentPool(nodes, conf), options, progress,
        registry, threads, trust);
  }

  /**
   * @param ns the NameNode as the phases see it
   * @param connect the agents of a cluster view, connected
   */
  TransitionJob(DistributedFileSystem dfs, Namespace ns,
      Function<ClusterView, TransitionAgents> connect, TransitionOptions options,
      JobProgress progress, AgentRegistry registry, int threads, StateOwnership trust) {
    this.ctx = new TransitionContext(ns, options, progress);
    this.dfs = dfs;
    this.connect = connect;
    this.registry = registry;
    this.threads = threads;
    this.trust = trust;
    this.store = new BatchStore(ns, options.tree, trust);
  }

  public TransitionReport report() {
    return ctx.report;
  }

  /** Runs the transition; the report is filled in as it goes. */
  public void run() throws IOException {
    TransitionReport r = ctx.report;
    r.tree = ctx.tree;
    r.approach = ctx.options.approach.label();
    r.dryRun = ctx.options.dryRun;
    r.lambda = ctx.options.lambda;
    if (ctx.ns.info(ctx.tree) == null) {
      throw new IOException("path " + ctx.tree + " does not exist");
    }
    if (!ctx.options.dryRun) {
      enter(Phase.RECOVER);
      r.recovery = String.join("; ",
          new Recovery(ctx.ns, ctx.tree, store, trust).run(r.notCommitted));
      done(Phase.RECOVER);
    }
    enter(Phase.DISCOVER);
    boolean work = discover();
    done(Phase.DISCOVER);
    if (!work) {
      return; // everything is transitioned already (perhaps by this run's recovery)
    }
    enter(Phase.PLAN);
    plan();
    done(Phase.PLAN);
    if (ctx.options.dryRun) {
      return;
    }
    execute();
  }

  /** Stages, verifies, commits and cleans up the planned batch, with the agents of its nodes. */
  void execute() throws IOException {
    TransitionReport r = ctx.report;
    ExecutorService tasks = HadoopExecutors.newFixedThreadPool(threads);
    ExecutorService ops = HadoopExecutors.newFixedThreadPool(4 * threads);
    ctx.agents = connect.apply(ctx.nodes);
    try {
      stageAndVerify(tasks, ops);
      enter(Phase.COMMIT);
      BatchProto committing = batchRecord(BatchState.BATCH_COMMITTING);
      store.write(committing);
      r.notCommitted.addAll(new Committer(ctx.ns, ctx.tree, store, trust).commit(committing));
      r.filesCommitted = r.filesTransitioned - r.notCommitted.size();
      store.write(batchRecord(BatchState.BATCH_DONE));
      done(Phase.COMMIT);
      enter(Phase.CLEANUP);
      store.deleteStaging(ctx.batchId);
      done(Phase.CLEANUP);
    } finally {
      ctx.agents.close();
      tasks.shutdownNow();
      ops.shutdownNow();
    }
  }

  private void stageAndVerify(ExecutorService tasks, ExecutorService ops) throws IOException {
    enter(Phase.STAGE);
    store.ensureDirs(); // refused if someone else made them: then nothing is rolled back either
    boolean ok = false;
    try {
      store.write(batchRecord(BatchState.BATCH_STAGING));
      new Stager(ctx, tasks, ops).run();
      writeGroupMetadata();
      done(Phase.STAGE);
      enter(Phase.VERIFY);
      new Verifier(ctx, tasks).run();
      store.write(batchRecord(BatchState.BATCH_VERIFIED));
      done(Phase.VERIFY);
      ok = true;
    } finally {
      if (!ok && !crashing) {
        LOG.warn("Transition of {} failed before commit; rolling back batch {}", ctx.tree,
            ctx.batchId);
        new Recovery(ctx.ns, ctx.tree, store, trust)
            .rollBack(batchRecord(BatchState.BATCH_STAGING));
      }
    }
  }

  /**
   * Finds the files to transition.
   *
   * @return false if there are none but the tree was transitioned before (nothing to do)
   * @throws IOException if there are none at all, saying why for each file
   */
  private boolean discover() throws IOException {
    ctx.nodes = ClusterView.of(dfs, registry);
    Discovery.Result found = new Discovery(dfs, ctx.nodes.uuids()).run(ctx.tree);
    ctx.report.skipped.addAll(found.skipped);
    List<CandidateFile> files = new ArrayList<>(found.candidates);
    for (CandidateFile f : StripeTable.fitToLambda(files, ctx.options.lambda)) {
      ctx.report.skipped.add(new SkippedFile(f.path, "left for a later run: a wide group needs "
          + ctx.options.lambda + " stripes and this run's stripe count must be a multiple of it"));
    }
    if (files.isEmpty()) {
      if (!ctx.report.recovery.isEmpty() || anyAlreadyTransitioned()) {
        return false;
      }
      throw new IOException("nothing to transition under " + ctx.tree + ": "
          + summarize(ctx.report.skipped));
    }
    ctx.narrowPolicy = found.policy;
    int k = found.policy.getNumDataUnits();
    int m = found.policy.getNumParityUnits();
    int needed = ctx.options.lambda * k + m;
    if (ctx.nodes.size() < needed) {
      throw new IOException("too few DataNodes: a wide group of " + found.policy.getName()
          + " with lambda " + ctx.options.lambda + " needs " + needed + " distinct live "
          + "DataNodes with ready BART agents, and there are " + ctx.nodes.size());
    }
    ctx.table = new StripeTable(files, ctx.nodes);
    ctx.report.narrowPolicy = found.policy.getName();
    ctx.report.filesTransitioned = files.size();
    ctx.report.stripes = ctx.table.stripes.size();
    for (int i = 0; i < ctx.nodes.size(); i++) {
      ctx.report.nodes.add(ctx.nodes.label(i));
    }
    return true;
  }

  private boolean anyAlreadyTransitioned() {
    for (SkippedFile f : ctx.report.skipped) {
      if (f.reason.startsWith(Discovery.ALREADY_TRANSITIONED)) {
        return true;
      }
    }
    return false;
  }

  private static String summarize(List<SkippedFile> skipped) {
    if (skipped.isEmpty()) {
      return "no files";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(5, skipped.size()); i++) {
      sb.append(i == 0 ? "" : "; ").append(skipped.get(i).path).append(": ")
          .append(skipped.get(i).reason);
    }
    if (skipped.size() > 5) {
      sb.append("; and ").append(skipped.size() - 5).append(" more");
    }
    return sb.toString();
  }

  /** Plans the transition of the stripes in {@code ctx.table} over {@code ctx.nodes}. */
  void plan() throws IOException {
    int k = ctx.narrowPolicy.getNumDataUnits();
    int m = ctx.narrowPolicy.getNumParityUnits();
    int lambda = ctx.options.lambda;
    ctx.code = WideCode.forGeometry(NarrowCodec.forName(ctx.narrowPolicy.getCodecName()), k, m,
        lambda);
    CodeParams params = CodeParams.of(k, m, lambda * k, m);
    PlanningProblem problem = new PlanningProblem(params, ctx.nodes.size(),
        ctx.table.prePlacement, ctx.options.bandwidthProfile(ctx.nodes.size()));
    Rng rng = ctx.options.seed == null ? Rng.fast(System.nanoTime()) : Rng.exact(ctx.options.seed);
    // HDFS asks a data-only group to span min(k, racks) racks; spread it in the plan, or the
    // NameNode would move blocks afterwards and undo the plan's placement.
    ctx.plan = RackSpread.apply(ctx.options.approach.planner().plan(problem, rng),
        ctx.nodes.rackIds());
    for (int g = 0; g < ctx.plan.groups().size(); g++) {
      if (ctx.plan.groups().get(g).method() != EncodeMethod.PARITY_MERGE) {
        throw new IOException("approach " + ctx.options.approach.label() + " re-encodes from the "
            + "data; HDFS transitions merge parity: use RDPM, BWPM, BTPM or BTWeighted");
      }
    }
    ctx.indexPlan();
    ctx.batchId = "b" + Time.now();
    ctx.dataOnlyPolicy = ctx.options.dryRun
        ? DataOnlyPolicy.of(ctx.narrowPolicy)
        : ctx.ns.ensureDataOnlyPolicy(ctx.narrowPolicy);
    ctx.meter = new LoadMeter(ctx.nodes.size());
    TransitionReport r = ctx.report;
    r.batchId = ctx.options.dryRun ? "" : ctx.batchId;
    r.dataOnlyPolicy = ctx.dataOnlyPolicy.getName();
    r.wideCode = ctx.code.toString();
    r.wideGroups = ctx.plan.groups().size();
    LoadStats predicted = ctx.plan.loadStats();
    r.predictedSend = predicted.send();
    r.predictedRecv = predicted.recv();
    r.predictedMaxLoad = predicted.maxLoad();
    r.predictedBandwidth = predicted.bandwidth();
    long blockSize = ctx.table.files.get(0).status.getBlockSize();
    ctx.progress.groupsTotal = r.wideGroups;
    ctx.progress.bytesPlanned = predicted.bandwidth() * blockSize;
    for (CandidateFile f : ctx.table.files) {
      r.rawBytesBefore += f.rawBytes();
      r.dataBytes += f.status.getLen();
    }
    r.rawBytesAfter = rawBytesAfter();
  }

  /** Raw bytes of the transitioned data after the transition: data blocks plus wide parity. */
  private long rawBytesAfter() {
    int k = ctx.k();
    long sum = 0;
    for (StripeTable.Stripe s : ctx.table.stripes) {
      for (int i = 0; i < k; i++) {
        sum += s.group().internalLength(i);
      }
    }
    for (int g = 0; g < ctx.plan.groups().size(); g++) {
      for (int j = 0; j < ctx.plan.problem().code().mF(); j++) {
        long longest = 0;
        for (int member : ctx.plan.groups().get(g).members()) {
          longest = Math.max(longest, ctx.table.stripes.get(member).group().internalLength(k + j));
        }
        sum += longest;
      }
    }
    return sum;
  }

  private BatchProto batchRecord(BatchState state) {
    BatchProto.Builder b = BatchProto.newBuilder().setId(ctx.batchId).setState(state);
    for (CandidateFile f : ctx.table.files) {
      b.addFiles(BatchFileProto.newBuilder().setPath(f.path).setOriginalFileId(f.fileId())
          .setLength(f.status.getLen()).setModificationTime(f.status.getModificationTime())
          .setTwinPath(BartPaths.twin(ctx.tree, ctx.batchId, f.fileId())));
    }
    for (int g = 0; g < ctx.plan.groups().size(); g++) {
      b.addParityPaths(BartPaths.parityFile(ctx.tree, ctx.batchId, g));
    }
    return b.build();
  }

  private void writeGroupMetadata() throws IOException {
    for (int g = 0; g < ctx.plan.groups().size(); g++) {
      WideGroupProto.Builder group = WideGroupProto.newBuilder()
          .setWideCode(ctx.code.toString())
          .setCellSize(ctx.narrowPolicy.getCellSize())
          .setNarrowPolicy(ctx.narrowPolicy.getName())
          .setDataOnlyPolicy(ctx.dataOnlyPolicy.getName())
          .setState(GroupState.STAGING)
          .setBatchId(ctx.batchId);
      for (int stripe : ctx.plan.groups().get(g).members()) {
        StripeTable.Stripe s = ctx.table.stripes.get(stripe);
        int file = ctx.table.files.indexOf(s.file);
        group.addMembers(MemberProto.newBuilder()
            .setFileId(ctx.twins[file].fileId())
            .setGroupIndex(s.groupIndex)
            .setBlockGroupId(ctx.twinGroupIds[stripe])
            .setDataBytes(s.group().group().getNumBytes())
            .setOriginalFileId(s.file.fileId())
            .setOriginalBlockGroupId(s.group().group().getBlockId()));
      }
      GroupMetadata.writeGroup(ctx.ns, ctx.parityFiles[g].path(), group.build());
    }
  }

  private void recordMeasuredLoads() {
    TransitionReport r = ctx.report;
    r.measuredSend = ctx.meter.send();
    r.measuredRecv = ctx.meter.recv();
    r.networkBytes = ctx.meter.networkBytes.get();
    r.measuredMaxLoad = 0;
    r.measuredBandwidth = 0;
    for (int i = 0; i < r.measuredSend.length; i++) {
      r.measuredMaxLoad = Math.max(r.measuredMaxLoad,
          Math.max(r.measuredSend[i], r.measuredRecv[i]));
      r.measuredBandwidth += r.measuredSend[i];
    }
  }

  private void enter(Phase p) {
    ctx.progress.enter(p);
    phaseStart = Time.monotonicNow();
    LOG.info("Transition of {}: {}", ctx.tree, p.description());
  }

  private void done(Phase p) {
    ctx.report.phases.add(new TransitionReport.PhaseTime(p.name().toLowerCase(),
        Time.monotonicNow() - phaseStart));
    if (p == Phase.STAGE) {
      recordMeasuredLoads();
    }
    try {
      CoordinatorFaultInjector.get().afterPhase(ctx.tree, p);
    } catch (CoordinatorFaultInjector.SimulatedCrash c) {
      crashing = true;
      throw c;
    }
  }
}
