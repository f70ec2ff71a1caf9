package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.hdfs.CreatedFile;
import org.bart.namenode.metadata.BartPaths;
import org.bart.plan.PlannedGroup;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.ops.EncodeOp;
import org.bart.protocol.ops.MergeOp;
import org.bart.protocol.ops.OpResult;
import org.bart.protocol.ops.RelabelOp;
import org.bart.protocol.ops.ReplicaAt;
import org.bart.protocol.ops.SendOp;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideUnit;

/**
 * Phase 3: builds the new layout beside the old one, changing nothing a reader sees. For every
 * member file a data-only twin whose block groups are the old data blocks, re-labelled where the
 * plan keeps them and sent where it moves them; for every wide group a parity file whose blocks
 * are the merged wide parities, computed on the planned merge nodes and stored on the planned
 * nodes. Files and groups are staged in parallel; the agents' worker pools pace each DataNode.
 */
public final class Stager {

  private static final short PRIVATE_FILE = 0600;

  private final TransitionContext ctx;
  private final ExecutorService tasks;
  private final ExecutorService ops;
  /** Per wide group: blocks still to be placed before it counts as done. */
  private AtomicIntegerArray remaining;

  Stager(TransitionContext ctx, ExecutorService tasks, ExecutorService ops) {
    this.ctx = ctx;
    this.tasks = tasks;
    this.ops = ops;
  }

  void run() throws IOException {
    int groups = ctx.plan.groups().size();
    remaining = new AtomicIntegerArray(groups);
    for (int g = 0; g < groups; g++) {
      remaining.set(g, ctx.plan.problem().code().nF());
    }
    for (int s = 0; s < ctx.table.stripes.size(); s++) {
      for (int b = 0; b < ctx.k(); b++) {
        if (ctx.table.stripes.get(s).group().isAbsent(b)) {
          remaining.decrementAndGet(ctx.groupOf[s]); // nothing to place
        }
      }
    }
    ctx.twins = new CreatedFile[ctx.table.files.size()];
    ctx.twinGroupIds = new long[ctx.table.stripes.size()];
    ctx.parityFiles = new CreatedFile[groups];
    ctx.merges = new MergeOp[groups][ctx.code.merges() ? ctx.plan.problem().code().mF() : 0];
    ctx.encodes = new EncodeOp[groups];
    // The tasks touching the busiest DataNodes first (StageOrder): the agents' own worker pools
    // then pace each DataNode, and the busiest never wait behind work that could come later.
    int[] stripesPerFile = new int[ctx.table.files.size()];
    for (int f = 0; f < stripesPerFile.length; f++) {
      stripesPerFile[f] = ctx.table.files.get(f).groups.size();
    }
    List<Callable<Void>> work = new ArrayList<>();
    for (StageOrder.Task t : StageOrder.of(ctx.plan, stripesPerFile)) {
      work.add(() -> {
        if (t.parity) {
          stageParity(t.index);
        } else {
          stageFile(t.index);
        }
        return null;
      });
    }
    awaitAll(tasks, work);
  }

  /** The data-only twin of one file: its groups allocated in order, their data blocks placed. */
  private void stageFile(int fileIndex) throws IOException {
    CandidateFile file = ctx.table.files.get(fileIndex);
    CreatedFile twin = ctx.ns.createFile(BartPaths.twin(ctx.tree, ctx.batchId, file.fileId()),
        PRIVATE_FILE, ctx.dataOnlyPolicy.getName(), file.status.getBlockSize());
    ctx.twins[fileIndex] = twin;
    int firstStripe = firstStripeOf(fileIndex);
    Replica previous = null;
    for (int gi = 0; gi < file.groups.size(); gi++) {
      int stripe = firstStripe + gi;
      Replica twinGroup = ctx.ns.addBlock(twin, previous, null);
      ctx.twinGroupIds[stripe] = twinGroup.blockId();
      placeDataBlocks(stripe, twinGroup);
      previous = new Replica(twinGroup.poolId(), twinGroup.blockId(), twinGroup.genStamp(),
          file.groups.get(gi).group().getNumBytes());
    }
    ctx.ns.complete(twin, previous);
  }

  private int firstStripeOf(int fileIndex) {
    int s = 0;
    for (int f = 0; f < fileIndex; f++) {
      s += ctx.table.files.get(f).groups.size();
    }
    return s;
  }

  /**
   * Re-labels or sends each data block of one stripe into its twin group, as planned. An absent
   * data block has no counterpart either: the twin group has the same data size, so the NameNode
   * expects no internal block for that unit.
   */
  private void placeDataBlocks(int stripe, Replica twinGroup) throws IOException {
    BlockGroup old = ctx.table.stripes.get(stripe).group();
    int g = ctx.groupOf[stripe];
    PlannedGroup pg = ctx.plan.groups().get(g);
    int k = ctx.k();
    List<Callable<Void>> moves = new ArrayList<>();
    for (int b = 0; b < k; b++) {
      if (old.isAbsent(b)) {
        continue;
      }
      Replica source = WideReadConverter.toReplica(old.block(b));
      int from = ctx.table.prePlacement[stripe][b];
      int to = pg.postNode(ctx.positionOf[stripe] * k + b);
      Replica target = new Replica(source.poolId(), twinGroup.blockId() + b,
          twinGroup.genStamp(), source.numBytes());
      moves.add(() -> {
        OpResult r = from == to
            ? ctx.agents.relabel(from, new RelabelOp(source, target))
            : ctx.agents.send(from, new SendOp(source, target, ctx.nodes.agentNode(to)));
        recordDataMove(from, to, source.numBytes(), r);
        blockPlaced(g);
        return null;
      });
    }
    awaitAll(ops, moves);
  }

  private void recordDataMove(int from, int to, long bytes, OpResult r) {
    synchronized (ctx.report) {
      if (from == to) {
        ctx.report.blocksRelabelled++;
        ctx.report.bytesRelabelled += bytes;
        if (r.path() == OpResult.Path.LINKED) {
          ctx.report.blocksLinked++;
        }
      } else {
        ctx.report.blocksSent++;
        ctx.report.bytesSent += bytes;
      }
    }
    if (r.path() != OpResult.Path.ALREADY_DONE) {
      ctx.meter.transfer(from, to, bytes);
      ctx.progress.bytesMoved.addAndGet(from == to ? 0 : bytes);
    }
  }

  /** The parity file of one wide group: each wide parity merged and stored where planned. */
  private void stageParity(int g) throws IOException {
    if (!ctx.code.merges()) {
      stageEncodedParity(g);
      return;
    }
    PlannedGroup pg = ctx.plan.groups().get(g);
    long blockSize = ctx.table.stripes.get(pg.member(0)).file.status.getBlockSize();
    CreatedFile parity = ctx.ns.createFile(BartPaths.parityFile(ctx.tree, ctx.batchId, g),
        PRIVATE_FILE, null, blockSize);
    ctx.parityFiles[g] = parity;
    int kF = ctx.plan.problem().code().kF();
    Replica previous = null;
    for (int j = 0; j < ctx.plan.problem().code().mF(); j++) {
      int post = pg.postNode(kF + j);
      Replica allocated = ctx.ns.addBlock(parity, previous, ctx.nodes.node(post).getXferAddr());
      MergeOp op = mergeOp(g, j, allocated);
      ctx.merges[g][j] = op;
      OpResult r = ctx.agents.merge(pg.mergeNode(j), op);
      recordMerge(pg, j, op, r);
      blockPlaced(g);
      previous = op.target();
    }
    ctx.ns.complete(parity, previous);
  }

  /**
   * The merge of wide parity {@code j} of group {@code g} into {@code block} (allocated, length
   * set here): sources in member order, target on the planned post node.
   */
  private MergeOp mergeOp(int g, int j, Replica block) {
    PlannedGroup pg = ctx.plan.groups().get(g);
    int k = ctx.k();
    List<ReplicaAt> sources = new ArrayList<>(pg.numMembers());
    long length = 0;
    for (int p = 0; p < pg.numMembers(); p++) {
      int stripe = pg.member(p);
      Replica narrow = WideReadConverter.toReplica(ctx.table.stripes.get(stripe).group()
          .block(k + j));
      length = Math.max(length, narrow.numBytes());
      sources.add(new ReplicaAt(narrow,
          ctx.nodes.agentNode(ctx.table.prePlacement[stripe][k + j])));
    }
    Replica target = new Replica(block.poolId(), block.blockId(), block.genStamp(), length);
    return new MergeOp(ctx.code, j, sources, target,
        ctx.nodes.agentNode(pg.postNode(ctx.plan.problem().code().kF() + j)));
  }

  private void recordMerge(PlannedGroup pg, int j, MergeOp op, OpResult r) {
    int e = pg.mergeNode(j);
    int post = pg.postNode(ctx.plan.problem().code().kF() + j);
    synchronized (ctx.report) {
      ctx.report.parityBlocksMerged++;
      ctx.report.bytesMerged += op.target().numBytes();
    }
    if (r.path() == OpResult.Path.ALREADY_DONE) {
      return;
    }
    for (int p = 0; p < pg.numMembers(); p++) {
      int from = ctx.table.prePlacement[pg.member(p)][ctx.k() + j];
      ctx.meter.transfer(from, e, op.sources().get(p).replica().numBytes());
    }
    ctx.meter.transfer(e, post, op.target().numBytes());
    ctx.progress.bytesMoved.addAndGet(r.bytesReceived() + r.bytesSent());
  }

  /**
   * The parity file of a re-encoded group: the encoding node reads the group's data once and
   * stores every wide parity where planned, so all m_f blocks must exist before it starts; HDFS
   * allocates a file's next block only when the one before the last is reported, so each parity
   * gets a one-block file of its own, and the parts are then concatenated into the parity file.
   */
  private void stageEncodedParity(int g) throws IOException {
    PlannedGroup pg = ctx.plan.groups().get(g);
    long blockSize = ctx.table.stripes.get(pg.member(0)).file.status.getBlockSize();
    int kF = ctx.plan.problem().code().kF();
    List<WideUnit> data = encodeSources(pg);
    long length = 0;
    for (WideUnit u : data) {
      length = Math.max(length, u.length());
    }
    List<CreatedFile> parts = new ArrayList<>();
    List<ReplicaAt> targets = new ArrayList<>();
    for (int j = 0; j < ctx.plan.problem().code().mF(); j++) {
      int post = pg.postNode(kF + j);
      CreatedFile part = ctx.ns.createFile(BartPaths.parityPart(ctx.tree, ctx.batchId, g, j),
          PRIVATE_FILE, null, blockSize);
      parts.add(part);
      Replica b = ctx.ns.addBlock(part, null, ctx.nodes.node(post).getXferAddr());
      targets.add(new ReplicaAt(new Replica(b.poolId(), b.blockId(), b.genStamp(), length),
          ctx.nodes.agentNode(post)));
    }
    EncodeOp op = new EncodeOp(ctx.code, data, targets);
    ctx.encodes[g] = op;
    OpResult r = ctx.agents.encode(pg.mergeNode(0), op);
    recordEncode(pg, op, r);
    List<String> rest = new ArrayList<>();
    for (int j = 0; j < parts.size(); j++) {
      ctx.ns.complete(parts.get(j), targets.get(j).replica());
      blockPlaced(g);
      if (j > 0) {
        rest.add(parts.get(j).path());
      }
    }
    if (!rest.isEmpty()) {
      ctx.ns.concat(parts.get(0).path(), rest);
    }
    String path = BartPaths.parityFile(ctx.tree, ctx.batchId, g);
    if (!ctx.ns.rename(parts.get(0).path(), path)) {
      throw new IOException("cannot move the staged parity of group " + g + " to " + path);
    }
    ctx.parityFiles[g] = new CreatedFile(path, parts.get(0).fileId());
  }

  /** The group's lambda*k data units in wide order, where they are before the transition. */
  private List<WideUnit> encodeSources(PlannedGroup pg) {
    int k = ctx.k();
    List<WideUnit> data = new ArrayList<>(pg.numMembers() * k);
    for (int p = 0; p < pg.numMembers(); p++) {
      int stripe = pg.member(p);
      BlockGroup old = ctx.table.stripes.get(stripe).group();
      for (int b = 0; b < k; b++) {
        if (old.internalLength(b) == 0) { // a shortened stripe's absent unit: zeros
          data.add(new WideUnit(0, null, null));
        } else {
          data.add(new WideUnit(old.internalLength(b), WideReadConverter.toReplica(old.block(b)),
              ctx.nodes.agentNode(ctx.table.prePlacement[stripe][b])));
        }
      }
    }
    return data;
  }

  private void recordEncode(PlannedGroup pg, EncodeOp op, OpResult r) {
    int e = pg.mergeNode(0);
    int kF = ctx.plan.problem().code().kF();
    synchronized (ctx.report) {
      ctx.report.parityBlocksEncoded += op.targets().size();
      ctx.report.bytesEncoded += op.targets().size() * op.targets().get(0).replica().numBytes();
    }
    if (r.path() == OpResult.Path.ALREADY_DONE) {
      return;
    }
    for (int b = 0; b < kF; b++) {
      WideUnit u = op.sources().get(b);
      if (u.replica() != null) {
        ctx.meter.transfer(ctx.table.prePlacement[pg.member(b / ctx.k())][b % ctx.k()], e,
            u.length());
      }
    }
    for (int j = 0; j < op.targets().size(); j++) {
      ctx.meter.transfer(e, pg.postNode(kF + j), op.targets().get(j).replica().numBytes());
    }
    ctx.progress.bytesMoved.addAndGet(r.bytesReceived() + r.bytesSent());
  }

  private void blockPlaced(int g) {
    if (remaining.decrementAndGet(g) == 0) {
      ctx.progress.groupsDone.incrementAndGet();
    }
  }

  /**
   * Runs every task on {@code pool} and waits for all; the first failure is rethrown. After a
   * failure the tasks not started yet do nothing, and those running are waited for, so that a
   * roll-back never races a task still placing a block (whose replica would then be left).
   */
  static void awaitAll(ExecutorService pool, List<Callable<Void>> work) throws IOException {
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<Void>> futures = new ArrayList<>();
    for (Callable<Void> c : work) {
      futures.add(pool.submit(() -> {
        if (failed.get()) {
          return null;
        }
        try {
          return c.call();
        } catch (Exception | Error e) {
          failed.set(true);
          throw e;
        }
      }));
    }
    IOException failure = null;
    RuntimeException crash = null;
    for (Future<Void> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new java.io.InterruptedIOException("interrupted");
        break;
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException) {
          crash = crash == null ? (RuntimeException) c : crash; // includes a simulated crash
        } else if (failure == null) {
          failure = c instanceof IOException ? (IOException) c : new IOException(c);
        }
      }
    }
    if (crash != null) {
      throw crash;
    }
    if (failure != null) {
      throw failure;
    }
  }
}
