package org.bart.datanode;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.hdfs.server.datanode.ReplicaInfo;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.token.SecretManager.InvalidToken;
import org.apache.hadoop.thirdparty.com.google.common.util.concurrent.ThreadFactoryBuilder;
import org.apache.hadoop.thirdparty.protobuf.UnsafeByteOperations;
import org.apache.hadoop.util.concurrent.HadoopExecutors;
import org.bart.conf.BartConfigKeys;
import org.bart.datanode.wide.PlannedRead;
import org.bart.datanode.wide.ReusedReaders;
import org.bart.datanode.wide.WideRead;
import org.bart.protocol.PlanCredentials;
import org.bart.protocol.ReadPlanConverter;
import org.bart.protocol.MemberPartialsConverter;
import org.bart.protocol.proto.ClientProtos.ReadPlannedRequestProto;
import org.bart.protocol.proto.ClientProtos.ReadPlannedResponseProto;
import org.bart.protocol.wide.ReadPlan;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.proto.AgentProtos.Direction;
import org.bart.protocol.proto.AgentProtos.GetAgentStatusResponseProto;
import org.bart.protocol.proto.AgentProtos.GetReplicaResponseProto;
import org.bart.protocol.proto.AgentProtos.EncodeRequestProto;
import org.bart.protocol.proto.AgentProtos.MergeRequestProto;
import org.bart.protocol.proto.AgentProtos.PrefetchRequestProto;
import org.bart.protocol.proto.AgentProtos.MoveRequestProto;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.OpResultProto;
import org.bart.protocol.proto.AgentProtos.ReadWideRequestProto;
import org.bart.protocol.proto.AgentProtos.ReadWideResponseProto;
import org.bart.protocol.proto.AgentProtos.RelabelRequestProto;
import org.bart.protocol.proto.AgentProtos.SendRequestProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.wide.WideReadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BART agent of one DataNode: runs the block operations of a transition on two worker pools
 * (compute: merges; transfer: relabels and sends), each operation idempotent, checked and
 * measured. Callers block until their operation ends; beyond what {@link OpAdmission} accepts
 * they are refused as busy.
 */
public final class Agent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
  // Two degraded readers of a (6,3,3) group keep 2 x 18 readers between windows; a window comes
  // within milliseconds of the last, so a reader idle for seconds has no reader left to serve.
  private static final int PARKED_READERS = 64;
  private static final long PARKED_READER_IDLE_MS = 3_000;

  /** The body of one operation. */
  private interface Operation {
    OpPath run(OpStats stats) throws IOException;
  }

  private final AgentContext ctx;
  private final ExecutorService computePool;
  private final ExecutorService transferPool;
  /** The unit reads of wide reads, in parallel: at most lambda*k + m per running wide read. */
  private final ExecutorService unitReadPool;
  /** Unit readers kept open between the windows of a degraded reader. */
  private final ReusedReaders unitReaders;
  private final ScheduledExecutorService idleReaderCloser;
  private final AgentMetrics metrics;
  private final long maxReadBytes;
  private final ReplicaSend send;
  private final ParityMerge merge;
  private final ParityEncode encode;
  private final WideRead wideRead;
  private final PlannedRead plannedRead;
  private final WideReadConverter wideReads = new WideReadConverter();
  private final ReplicaMove move;
  private final OpAdmission admission;
  /** Operations that create a replica, running or queued, by operation and target block. */
  private final Map<String, Future<OpResultProto>> running = new ConcurrentHashMap<>();

  Agent(DataNode dn, Configuration conf, AgentMetrics metrics) {
    this.ctx = new AgentContext(dn, conf, metrics);
    this.metrics = metrics;
    this.computePool = HadoopExecutors.newFixedThreadPool(conf.getInt(
        BartConfigKeys.AGENT_COMPUTE_THREADS, BartConfigKeys.AGENT_COMPUTE_THREADS_DEFAULT));
    this.transferPool = HadoopExecutors.newFixedThreadPool(conf.getInt(
        BartConfigKeys.AGENT_TRANSFER_THREADS, BartConfigKeys.AGENT_TRANSFER_THREADS_DEFAULT));
    this.maxReadBytes = conf.getLongBytes(BartConfigKeys.AGENT_READ_MAX_BYTES,
        BartConfigKeys.AGENT_READ_MAX_BYTES_DEFAULT);
    this.send = new ReplicaSend(ctx);
    this.merge = new ParityMerge(ctx);
    this.encode = new ParityEncode(ctx);
    this.unitReadPool = HadoopExecutors.newCachedThreadPool(new ThreadFactoryBuilder()
        .setDaemon(true).setNameFormat("bart-unit-read-%d").build());
    this.unitReaders = new ReusedReaders(new HdfsUnitSource(ctx), PARKED_READERS,
        PARKED_READER_IDLE_MS);
    this.idleReaderCloser = HadoopExecutors.newSingleThreadScheduledExecutor(
        new ThreadFactoryBuilder().setDaemon(true).setNameFormat("bart-idle-readers").build());
    idleReaderCloser.scheduleWithFixedDelay(unitReaders::closeIdle, PARKED_READER_IDLE_MS,
        PARKED_READER_IDLE_MS, TimeUnit.MILLISECONDS);
    this.wideRead = new WideRead(unitReaders, new HdfsUnitSink(ctx), ctx.chunkBytes,
        unitReadPool, conf.getTimeDuration(BartConfigKeys.AGENT_READ_STRAGGLER_TIMEOUT,
            BartConfigKeys.AGENT_READ_STRAGGLER_TIMEOUT_MS_DEFAULT, TimeUnit.MILLISECONDS));
    this.plannedRead = new PlannedRead(wideRead, maxReadBytes);
    this.move = new ReplicaMove(ctx);
    this.admission = new OpAdmission(conf.getInt(BartConfigKeys.AGENT_HANDLER_COUNT,
        BartConfigKeys.AGENT_HANDLER_COUNT_DEFAULT));
  }

  /** Null when the agent can serve operations, else why not. */
  String notReadyReason() {
    return ctx.internals.notReadyReason();
  }

  OpResultProto relabel(RelabelRequestProto req) throws IOException {
    OpResultProto r = executeOnce("relabel", transferPool, req.getTarget(),
        stats -> ctx.relabeler.relabel(req.getSource(), req.getTarget()));
    if (r.getPath() == OpPath.LINKED || r.getPath() == OpPath.COPIED) {
      metrics.bytesRelabelled.incr(req.getTarget().getNumBytes());
    }
    return r;
  }

  OpResultProto send(SendRequestProto req) throws IOException {
    return executeOnce("send", transferPool, req.getTarget(), stats -> send.run(req, stats));
  }

  OpResultProto merge(MergeRequestProto req) throws IOException {
    OpResultProto r = executeOnce("merge", computePool, req.getTarget(),
        stats -> merge.merge(req, stats));
    if (r.getPath() == OpPath.COMPUTED) {
      metrics.bytesMerged.incr(req.getTarget().getNumBytes());
    }
    return r;
  }

  /** Copies a merge's remote source here ahead of the merge (joined with a repeat of itself). */
  OpResultProto prefetch(PrefetchRequestProto req) throws IOException {
    return executeOnce("prefetch", transferPool, req.getSource().getBlock(),
        stats -> ctx.copies.fetch(req.getSource(), stats));
  }

  OpResultProto checkMerge(MergeRequestProto req) throws IOException {
    return execute("checkMerge", computePool, req.getTarget(),
        stats -> merge.checkMerge(req, stats));
  }

  /** Re-encodes a group's wide parities; joined, like a merge, by its first target. */
  OpResultProto encode(EncodeRequestProto req) throws IOException {
    checkHasTargets(req);
    return executeOnce("encode", computePool, req.getTargets(0).getBlock(),
        stats -> encode.encode(req, stats));
  }

  OpResultProto checkEncode(EncodeRequestProto req) throws IOException {
    checkHasTargets(req);
    return execute("checkEncode", computePool, req.getTargets(0).getBlock(),
        stats -> encode.checkEncode(req, stats));
  }

  private static void checkHasTargets(EncodeRequestProto req) throws BartAgentException {
    if (req.getTargetsCount() == 0) {
      throw new BartAgentException("encode: no target wide parity given");
    }
  }

  /**
   * Reads (decoding where needed) units of a wide group: a rebuild with a target runs on the
   * compute pool; a range read for a client also, as it may decode.
   */
  ReadWideResponseProto readWide(ReadWideRequestProto req) throws IOException {
    checkReadSize(req);
    WideReadResult[] done = new WideReadResult[1];
    BlockProto label = req.hasTarget() ? req.getTarget()
        : req.getUnits(req.getWanted(0)).getBlock();
    OpResultProto result = execute("readWide", computePool, label, stats -> {
      done[0] = wideRead.run(wideReads.toRequest(req));
      stats.bytesRead += done[0].bytesRead();
      stats.bytesWritten += done[0].bytesWritten();
      stats.bytesSent += done[0].bytesSent();
      stats.bytesReceived += done[0].bytesReceived();
      return WideReadConverter.toProto(done[0].path());
    });
    count(req, done[0]);
    return WideReadConverter.toResponse(done[0], result);
  }

  /** A rebuild counts its unit, a read for a client its decoded bytes; a check neither. */
  private void count(ReadWideRequestProto req, WideReadResult r) {
    if (req.hasTarget()) {
      if (r.path() == WideReadResult.Path.COMPUTED) {
        metrics.unitsRebuilt.incr();
        metrics.bytesDecoded.incr(r.bytesWritten());
      }
    } else if (!req.getCheck()) {
      metrics.degradedReadsServed.incr();
      for (int i = 0; i < req.getWantedCount(); i++) {
        if (r.decoded().contains(req.getWanted(i))) {
          metrics.bytesDecoded.incr(r.data().get(i).remaining());
        }
      }
    }
  }

  /**
   * Reads for user {@code caller} with a plan the NameNode made for that user: the plan must name
   * the caller and, when the cluster has block tokens, carry a token over exactly these plan
   * bytes for the caller ({@link PlanCredentials}); then the member's bytes are read (decoding
   * where needed) on the compute pool and returned to the caller directly.
   *
   * @throws AccessControlException naming the file if the plan is not for the caller or its
   *     token does not check out
   */
  ReadPlannedResponseProto readPlanned(ReadPlannedRequestProto req, String caller)
      throws IOException {
    byte[] bytes = req.getPlan().toByteArray();
    ReadPlan plan = ReadPlanConverter.fromBytes(bytes);
    if (!plan.user().equals(caller)) {
      throw new AccessControlException("read plan of " + plan.path() + " was made for "
          + plan.user() + ", not for " + caller);
    }
    ExtendedBlock tokenBlock = PlanCredentials.tokenBlock(plan);
    if (ctx.internals.blockTokensOn(tokenBlock.getBlockPoolId())) {
      if (!req.hasCredential()) {
        throw new AccessControlException("read plan of " + plan.path()
            + " carries no block token, and this cluster checks block tokens");
      }
      try {
        ctx.internals.checkReadToken(PlanCredentials.fromProto(req.getCredential()),
            PlanCredentials.tokenUser(caller, bytes), tokenBlock);
      } catch (InvalidToken e) {
        throw new AccessControlException("read plan of " + plan.path() + " refused for "
            + caller + ": " + e.getMessage());
      }
    }
    if (req.getLostBlocksCount() > 0) {
      return readPartial(plan, req, tokenBlock);
    }
    PlannedRead.Result[] done = new PlannedRead.Result[1];
    execute("readPlanned", computePool, WideReadConverter.toProto(
        WideReadConverter.toReplica(tokenBlock)), stats -> {
          done[0] = plannedRead.read(plan, req.getOffset(), req.getLength());
          stats.bytesRead += done[0].bytesRead;
          stats.bytesSent += done[0].data.length;
          return done[0].decoded.isEmpty() ? OpPath.TRANSFERRED : OpPath.COMPUTED;
        });
    metrics.degradedReadsServed.incr();
    metrics.bytesDecoded.incr(done[0].decodedBytes);
    return ReadPlannedResponseProto.newBuilder()
        .setData(UnsafeByteOperations.unsafeWrap(done[0].data))
        .addAllDecoded(done[0].decoded).build();
  }

  /** A checked plan's partial decode of the member's lost blocks (see PlannedRead#readPartial). */
  private ReadPlannedResponseProto readPartial(ReadPlan plan, ReadPlannedRequestProto req,
      ExtendedBlock tokenBlock) throws IOException {
    PlannedRead.PartialResult[] done = new PlannedRead.PartialResult[1];
    execute("readPlanned", computePool, WideReadConverter.toProto(
        WideReadConverter.toReplica(tokenBlock)), stats -> {
          done[0] = plannedRead.readPartial(plan, req.getOffset(), req.getLength(),
              req.getLostBlocksList());
          stats.bytesRead += done[0].bytesRead;
          stats.bytesSent += done[0].decodedBytes;
          return OpPath.COMPUTED;
        });
    metrics.degradedReadsServed.incr();
    metrics.bytesDecoded.incr(done[0].decodedBytes);
    return MemberPartialsConverter.toProto(done[0].partials);
  }

  private void checkReadSize(ReadWideRequestProto req) throws BartAgentException {
    if (req.getWantedCount() == 0) {
      throw new BartAgentException("wide read: no unit wanted");
    }
    // Only a read that returns its bytes is bounded: a rebuild or a check streams chunk by chunk.
    if (!req.hasTarget() && !req.getCheck()
        && req.getLength() * req.getWantedCount() > maxReadBytes) {
      throw new BartAgentException("wide read: " + req.getLength() + " bytes of "
          + req.getWantedCount() + " units exceed " + BartConfigKeys.AGENT_READ_MAX_BYTES + " = "
          + maxReadBytes);
    }
  }

  OpResultProto move(MoveRequestProto req) throws IOException {
    return execute("move", transferPool, req.getBlock(), stats -> move.run(req, stats));
  }

  /** Reports the local finalized replica {@code b} to the NameNode (after a peer pushed it). */
  void reportReplica(BlockProto b) throws IOException {
    checkReady();
    ctx.replicas.reportToNameNode(b);
  }

  GetReplicaResponseProto getReplica(String poolId, long blockId) throws IOException {
    checkReady();
    ReplicaInfo r = ctx.replicas.find(poolId, blockId);
    GetReplicaResponseProto.Builder b = GetReplicaResponseProto.newBuilder().setExists(r != null);
    if (r != null) {
      b.setState(r.getState().name()).setGenStamp(r.getGenerationStamp())
          .setNumBytes(r.getNumBytes()).setStorageUuid(r.getStorageUuid());
    }
    return b.build();
  }

  /** Blocks the calling peer until this node's budget for {@code direction} admits the bytes. */
  void throttle(Direction direction, long bytes) {
    if (direction == Direction.SEND) {
      ctx.limiter.sent(bytes);
    } else {
      ctx.limiter.received(bytes);
    }
  }

  GetAgentStatusResponseProto status() {
    String reason = notReadyReason();
    GetAgentStatusResponseProto.Builder b = GetAgentStatusResponseProto.newBuilder()
        .setReady(reason == null)
        .setDatanodeUuid(String.valueOf(ctx.dn.getDatanodeUuid()))
        .setOpsCompleted(metrics.opsCompleted.value())
        .setOpsFailed(metrics.opsFailed.value())
        .setBytesSent(metrics.bytesSent.value())
        .setBytesReceived(metrics.bytesReceived.value())
        .setBytesWritten(metrics.bytesWritten.value())
        .setBytesRead(metrics.bytesRead.value())
        .setBandwidthPerSec(ctx.limiter.bytesPerSec());
    if (reason != null) {
      b.setNotReadyReason(reason);
    }
    return b.build();
  }

  private void checkReady() throws BartAgentException {
    String reason = notReadyReason();
    if (reason != null) {
      throw new BartAgentException("BART agent of DataNode " + ctx.dn.getDisplayName()
          + " is not ready: " + reason);
    }
  }

  /**
   * Runs an operation that creates {@code target}, or joins the same operation already running
   * here: a caller that timed out asks again while the first attempt may still be writing the
   * target, and two writers of one replica would fail each other.
   */
  private OpResultProto executeOnce(String name, ExecutorService pool, BlockProto target,
      Operation op) throws IOException {
    return execute(name, pool, target, op,
        name + " " + target.getPoolId() + " " + target.getBlockId());
  }

  private OpResultProto execute(String name, ExecutorService pool, BlockProto target,
      Operation op) throws IOException {
    return execute(name, pool, target, op, null);
  }

  /** @param joinKey operations with the same non-null key run once at a time, callers share it */
  private OpResultProto execute(String name, ExecutorService pool, BlockProto target,
      Operation op, String joinKey) throws IOException {
    checkReady();
    admission.admit(name + " " + ProtoConverters.describe(target), ctx.dn.getDisplayName());
    try {
      return admitted(name, pool, target, op, joinKey);
    } finally {
      admission.release();
    }
  }

  private OpResultProto admitted(String name, ExecutorService pool, BlockProto target,
      Operation op, String joinKey) throws IOException {
    // Whoever sets it first (the worker, or a cancel before the worker came) leaves the queue.
    AtomicBoolean dequeued = new AtomicBoolean();
    Callable<OpResultProto> task = () -> {
      if (dequeued.compareAndSet(false, true)) {
        metrics.opsQueued.decr();
      }
      metrics.opsRunning.incr();
      try {
        return timed(name, target, op);
      } finally {
        metrics.opsRunning.decr();
      }
    };
    AtomicBoolean submitted = new AtomicBoolean();
    Future<OpResultProto> future = joinKey == null ? queue(pool, task, submitted)
        : running.computeIfAbsent(joinKey, k -> queue(pool, task, submitted));
    try {
      return await(name, target, future);
    } finally {
      if (joinKey != null) {
        running.remove(joinKey, future);
      }
      // A joined caller's queue entry is the first caller's to count down.
      if (submitted.get() && future.isCancelled() && dequeued.compareAndSet(false, true)) {
        metrics.opsQueued.decr();
      }
    }
  }

  private Future<OpResultProto> queue(ExecutorService pool, Callable<OpResultProto> task,
      AtomicBoolean submitted) {
    metrics.opsQueued.incr();
    submitted.set(true);
    return pool.submit(task);
  }

  private OpResultProto timed(String name, BlockProto target, Operation op) throws IOException {
    long start = System.nanoTime();
    ctx.faults().beforeOperation(name, ctx.uuid(), target.getBlockId());
    OpStats stats = new OpStats();
    OpPath path = op.run(stats);
    ctx.faults().afterOperation(name, ctx.uuid(), target.getBlockId());
    OpResultProto result = stats.toProto(path, (System.nanoTime() - start) / 1000);
    LOG.debug("{} -> {} on {}: {}", name, ProtoConverters.describe(target),
        ctx.dn.getDisplayName(), result);
    return result;
  }

  private OpResultProto await(String name, BlockProto target, Future<OpResultProto> future)
      throws IOException {
    try {
      OpResultProto result = future.get();
      metrics.record(result);
      return result;
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(name + " " + ProtoConverters.describe(target)
          + " interrupted");
    } catch (CancellationException e) { // the caller this one had joined was interrupted
      throw new InterruptedIOException(name + " " + ProtoConverters.describe(target)
          + " interrupted");
    } catch (ExecutionException e) {
      metrics.opsFailed.incr();
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      throw new BartAgentException(name + " " + ProtoConverters.describe(target) + " on DataNode "
          + ctx.dn.getDisplayName() + " failed: " + cause, cause);
    }
  }

  @Override
  public void close() {
    computePool.shutdownNow();
    transferPool.shutdownNow();
    unitReadPool.shutdownNow();
    idleReaderCloser.shutdownNow();
    unitReaders.closeAll();
    ctx.peers.close();
  }
}
