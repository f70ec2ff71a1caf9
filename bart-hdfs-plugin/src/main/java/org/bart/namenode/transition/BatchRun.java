package org.bart.namenode.transition;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.util.concurrent.HadoopExecutors;
import org.bart.codec.NarrowCodec;
import org.bart.codec.WideCode;
import org.bart.conf.BartConfigKeys;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.cluster.RetryingAgentPool;
import org.bart.namenode.cluster.TransitionAgents;
import org.bart.namenode.hdfs.DataOnlyPolicy;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.BatchStore;
import org.bart.namenode.metadata.GroupMetadata;
import org.bart.namenode.metadata.StateOwnership;
import org.bart.plan.BandwidthProfile;
import org.bart.plan.CodeParams;
import org.bart.plan.EncodeMethod;
import org.bart.plan.LoadStats;
import org.bart.plan.PlanningProblem;
import org.bart.plan.RackSpread;
import org.bart.plan.Rng;
import org.bart.plan.approach.Approach;
import org.bart.protocol.proto.MetadataProtos.BatchFileProto;
import org.bart.protocol.proto.MetadataProtos.BatchProto;
import org.bart.protocol.proto.MetadataProtos.BatchState;
import org.bart.protocol.proto.MetadataProtos.GroupState;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;
import org.bart.report.TransitionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of a transition: plan, stage, verify, commit and clean up a set of whole files, with
 * its own batch record. Before commit a failure rolls back what this batch created (earlier
 * batches stay committed); from commit on the record lets the next run finish it. Everything it
 * holds (stripes, plan, staged files) is dropped when it ends.
 */
final class BatchRun {

  private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);

  private final TransitionContext ctx;
  private final Function<ClusterView, TransitionAgents> connect;
  private final Configuration conf;
  private final PhaseClock clock;
  private final StateOwnership trust;
  private final BatchStore store;
  private final int threads;
  private boolean verified;

  /**
   * @param ns the NameNode as the phases see it
   * @param connect the agents of a cluster view, connected (calls are retried around them)
   */
  BatchRun(Namespace ns, Function<ClusterView, TransitionAgents> connect, Configuration conf,
      TransitionOptions options, JobProgress progress, PhaseClock clock, StateOwnership trust,
      BatchStore store, int threads, String batchId) {
    this.ctx = new TransitionContext(ns, options, progress);
    this.connect = connect;
    this.conf = conf;
    this.ctx.batchId = batchId;
    this.clock = clock;
    this.trust = trust;
    this.store = store;
    this.threads = threads;
  }

  /** Whether the batch passed verification (from then on it is rolled forward, not back). */
  boolean verified() {
    return verified;
  }

  /** This batch's report: its own counts, loads and phase times. */
  TransitionReport report() {
    return ctx.report;
  }

  /** Transitions {@code files} (a multiple of lambda stripes, all of {@code policy}). */
  void run(List<CandidateFile> files, ErasureCodingPolicy policy, ClusterView nodes)
      throws IOException {
    ctx.nodes = nodes;
    ctx.narrowPolicy = policy;
    ctx.table = new StripeTable(files, nodes);
    TransitionReport r = ctx.report;
    r.narrowPolicy = policy.getName();
    r.filesTransitioned = files.size();
    r.stripes = ctx.table.stripes.size();
    for (int i = 0; i < nodes.size(); i++) {
      r.nodes.add(nodes.label(i));
    }
    clock.enter(Phase.PLAN);
    plan();
    done(Phase.PLAN);
    if (ctx.options.dryRun) {
      return;
    }
    ExecutorService tasks = HadoopExecutors.newFixedThreadPool(threads);
    ExecutorService ops = HadoopExecutors.newFixedThreadPool(4 * threads);
    RetryingAgentPool agents = new RetryingAgentPool(ctx.nodes, connect.apply(ctx.nodes), conf,
        what -> CoordinatorFaultInjector.get().beforeAgentRetry(what));
    ctx.agents = agents;
    try {
      stageAndVerify(tasks, ops);
      clock.enter(Phase.COMMIT);
      BatchProto committing = batchRecord(BatchState.BATCH_COMMITTING);
      store.write(committing);
      r.notCommitted.addAll(new Committer(ctx.ns, ctx.tree, store, trust).commit(committing));
      r.filesCommitted = r.filesTransitioned - r.notCommitted.size();
      store.write(batchRecord(BatchState.BATCH_DONE));
      done(Phase.COMMIT);
      clock.enter(Phase.CLEANUP);
      store.deleteStaging(ctx.batchId);
      done(Phase.CLEANUP);
    } finally {
      r.agentCallsRetried = agents.retried();
      r.agentBusyWaits = agents.busyWaits();
      agents.close();
      tasks.shutdownNow();
      ops.shutdownNow();
    }
  }

  private void stageAndVerify(ExecutorService tasks, ExecutorService ops) throws IOException {
    clock.enter(Phase.STAGE);
    store.ensureDirs(); // refused if someone else made them: then nothing is rolled back either
    boolean ok = false;
    try {
      store.write(batchRecord(BatchState.BATCH_STAGING));
      new Stager(ctx, tasks, ops, conf.getInt(BartConfigKeys.STAGE_TRANSFERS_PER_LINK,
          BartConfigKeys.STAGE_TRANSFERS_PER_LINK_DEFAULT)).run();
      writeGroupMetadata();
      done(Phase.STAGE);
      clock.enter(Phase.VERIFY);
      new Verifier(ctx, tasks).run();
      store.write(batchRecord(BatchState.BATCH_VERIFIED));
      verified = true;
      done(Phase.VERIFY);
      ok = true;
    } finally {
      if (!ok && !clock.crashed()) {
        LOG.warn("Transition of {} failed before commit; rolling back batch {}", ctx.tree,
            ctx.batchId);
        new Recovery(ctx.ns, ctx.tree, store, trust)
            .rollBack(batchRecord(BatchState.BATCH_STAGING));
      }
    }
  }

  private void plan() throws IOException {
    int k = ctx.narrowPolicy.getNumDataUnits();
    int m = ctx.narrowPolicy.getNumParityUnits();
    int lambda = ctx.options.lambda;
    int needed = lambda * k + m;
    if (ctx.nodes.size() < needed) {
      throw new IOException("too few DataNodes: a wide group of " + ctx.narrowPolicy.getName()
          + " with lambda " + lambda + " needs " + needed + " distinct live "
          + "DataNodes with ready BART agents, and there are " + ctx.nodes.size());
    }
    NarrowCodec codec = NarrowCodec.forName(ctx.narrowPolicy.getCodecName());
    // Re-encode where no per-index merge exists, or where the operator chose a re-encoding approach.
    ctx.code = ctx.options.approach.reEncodes() ? WideCode.reEncoded(codec, k, m, lambda)
        : WideCode.forTransition(codec, k, m, lambda);
    Approach approach = ctx.code.merges() ? ctx.options.approach
        : ctx.options.approach.reEncoding();
    PlannerBound.checkBatch(approach, ctx.table.stripes.size());
    CodeParams params = CodeParams.of(k, m, lambda * k, m);
    int real = ctx.nodes.size();
    int all = real + ctx.table.virtualNodes; // absent data blocks sit on virtual nodes
    PlanningProblem problem = new PlanningProblem(params, real, all, ctx.table.prePlacement,
        withVirtualNodes(ctx.options.bandwidthProfile(real), all));
    Rng rng = ctx.options.seed == null ? Rng.fast(System.nanoTime()) : Rng.exact(ctx.options.seed);
    // HDFS asks a data-only group to span min(k, racks) racks; spread it in the plan, or the
    // NameNode would move blocks afterwards and undo the plan's placement.
    ctx.plan = RackSpread.apply(approach.planner().plan(problem, rng),
        Arrays.copyOf(ctx.nodes.rackIds(), all));
    EncodeMethod method = ctx.code.merges() ? EncodeMethod.PARITY_MERGE : EncodeMethod.RE_ENCODE;
    for (int g = 0; g < ctx.plan.groups().size(); g++) {
      if (ctx.plan.groups().get(g).method() != method) {
        throw new IOException("approach " + approach.label() + " planned group " + g + " with "
            + ctx.plan.groups().get(g).method() + ", but " + ctx.code + " needs " + method);
      }
    }
    ctx.indexPlan();
    ctx.dataOnlyPolicy = ctx.options.dryRun
        ? DataOnlyPolicy.of(ctx.narrowPolicy)
        : ctx.ns.ensureDataOnlyPolicy(ctx.narrowPolicy);
    ctx.meter = new LoadMeter(ctx.nodes.size());
    TransitionReport r = ctx.report;
    r.batchId = ctx.options.dryRun ? "" : ctx.batchId;
    r.dataOnlyPolicy = ctx.dataOnlyPolicy.getName();
    r.wideCode = ctx.code.toString();
    r.wideGroups = ctx.plan.groups().size();
    GroupMethods.report(ctx, approach, r);
    LoadStats predicted = ctx.plan.loadStats();
    r.predictedSend = Arrays.copyOf(predicted.send(), real);
    r.predictedRecv = Arrays.copyOf(predicted.recv(), real);
    r.predictedMaxLoad = predicted.maxLoad();
    r.predictedBandwidth = predicted.bandwidth();
    long blockSize = ctx.table.files.get(0).status.getBlockSize();
    ctx.progress.groupsTotal += r.wideGroups;
    ctx.progress.bytesPlanned += predicted.bandwidth() * blockSize;
    for (CandidateFile f : ctx.table.files) {
      r.rawBytesBefore += f.rawBytes();
      r.dataBytes += f.status.getLen();
    }
    r.rawBytesAfter = rawBytesAfter();
  }

  /** {@code profile} with the virtual nodes added (they never transfer), or null. */
  private static BandwidthProfile withVirtualNodes(BandwidthProfile profile, int all) {
    if (profile == null) {
      return null;
    }
    double[] up = new double[all];
    double[] down = new double[all];
    for (int n = 0; n < all; n++) {
      up[n] = n < profile.numNodes() ? profile.upload(n) : 1;
      down[n] = n < profile.numNodes() ? profile.download(n) : 1;
    }
    return new BandwidthProfile(up, down);
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

  private void done(Phase p) {
    ctx.report.phases.add(new TransitionReport.PhaseTime(p.name().toLowerCase(),
        clock.elapsed()));
    if (p == Phase.STAGE) {
      recordMeasuredLoads();
    }
    clock.after(p);
  }
}
