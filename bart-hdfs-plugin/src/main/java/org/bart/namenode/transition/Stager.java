package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * nodes. Files and groups are staged in parallel. With link admission (the default), every
 * block that crosses the network is first copied to the node that needs it, as the links admit
 * it ({@link LinkAdmission}), and merges and moved data blocks are then stored from the copies;
 * without it, the agents stream sources as each operation runs, paced by their bandwidth limit.
 */
public final class Stager {

  private static final short PRIVATE_FILE = 0600;

  private final TransitionContext ctx;
  private final ExecutorService tasks;
  private final ExecutorService ops;
  /** Blocks a DataNode's link carries at once; 0: every operation starts at once, unpaced. */
  private final int transfersPerLink;
  /** The stage's transfers onto the links, or null (transfersPerLink 0). */
  private LinkAdmission links;
  /** Per wide group and parity index: done when the merge's remote sources are on its node. */
  private CompletableFuture<?>[][] prefetched;
  /** Per stripe and data block: done when a block the plan moves is on its new node, or null. */
  private CompletableFuture<?>[][] dataPrefetched;
  /** Per wide group: its parity file's last block so far. */
  private Replica[] lastParity;
  /** Per wide group: blocks still to be placed before it counts as done. */
  private AtomicIntegerArray remaining;

  Stager(TransitionContext ctx, ExecutorService tasks, ExecutorService ops, int transfersPerLink) {
    this.ctx = ctx;
    this.tasks = tasks;
    this.ops = ops;
    this.transfersPerLink = transfersPerLink;
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
    lastParity = new Replica[groups];
    if (transfersPerLink > 0) {
      links = new LinkAdmission(ctx.plan.loadStats().send(), ctx.plan.loadStats().recv(),
          transfersPerLink);
    }
    prefetched = prefetchAll();
    dataPrefetched = prefetchData();
    // Each group's parity as a chain of steps, each started when its sources are on its merge
    // node: a step waits for no other group, and no thread waits for a step.
    List<CompletableFuture<Void>> parities = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      parities.add(parityChain(g));
    }
    // The files touching the busiest DataNodes first (StageOrder).
    int[] stripesPerFile = new int[ctx.table.files.size()];
    for (int f = 0; f < stripesPerFile.length; f++) {
      stripesPerFile[f] = ctx.table.files.get(f).groups.size();
    }
    List<Callable<Void>> work = new ArrayList<>();
    for (StageOrder.Task t : StageOrder.of(ctx.plan, stripesPerFile)) {
      if (!t.parity) {
        work.add(() -> {
          stageFile(t.index);
          return null;
        });
      }
    }
    IOException failure = null;
    RuntimeException crash = null;
    try {
      awaitAll(tasks, work);
    } catch (IOException e) {
      failure = e;
    } catch (RuntimeException e) {
      crash = e;
    }
    for (CompletableFuture<Void> p : parities) {
      if (failure != null || crash != null) {
        stopTransfers();
      }
      try {
        join(p);
      } catch (IOException e) {
        failure = failure != null ? failure : e;
      } catch (RuntimeException e) {
        crash = crash != null ? crash : e;
      }
    }
    if (crash != null) {
      throw crash; // includes a simulated crash
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void stopTransfers() {
    if (links != null) {
      links.abort();
    }
  }

  /**
   * Starts copying every merge's remote sources to its merge node, each as a transfer of its
   * own, as the links admit them (store and forward: see the agent's PrefetchedCopies). Without
   * link admission, nothing is fetched ahead: each merge streams its sources itself.
   */
  private CompletableFuture<?>[][] prefetchAll() {
    int mF = ctx.code.merges() ? ctx.plan.problem().code().mF() : 0; // a re-encode reads data
    CompletableFuture<?>[][] done = new CompletableFuture<?>[ctx.plan.groups().size()][mF];
    for (int g = 0; g < done.length; g++) {
      PlannedGroup pg = ctx.plan.groups().get(g);
      for (int j = 0; j < mF; j++) {
        List<CompletableFuture<OpResult>> copies = new ArrayList<>();
        int e = pg.mergeNode(j);
        for (int p = 0; p < pg.numMembers() && links != null; p++) {
          int stripe = pg.member(p);
          int from = ctx.table.prePlacement[stripe][ctx.k() + j];
          if (from != e) {
            ReplicaAt source = new ReplicaAt(WideReadConverter.toReplica(
                ctx.table.stripes.get(stripe).group().block(ctx.k() + j)), ctx.nodes.agentNode(from));
            copies.add(links.submit(from, e, () -> prefetch(e, source), ops));
          }
        }
        done[g][j] = CompletableFuture.allOf(copies.toArray(new CompletableFuture<?>[0]));
      }
    }
    return done;
  }

  /** Starts copying every data block the plan moves to its new node, as the links admit them. */
  private CompletableFuture<?>[][] prefetchData() {
    CompletableFuture<?>[][] done = new CompletableFuture<?>[ctx.table.stripes.size()][];
    if (links == null) {
      return done;
    }
    int k = ctx.k();
    for (int stripe = 0; stripe < done.length; stripe++) {
      done[stripe] = new CompletableFuture<?>[k];
      PlannedGroup pg = ctx.plan.groups().get(ctx.groupOf[stripe]);
      for (int b = 0; b < k; b++) {
        int from = ctx.table.prePlacement[stripe][b];
        int to = pg.postNode(ctx.positionOf[stripe] * k + b);
        if (from != to) {
          ReplicaAt source = new ReplicaAt(WideReadConverter.toReplica(
              ctx.table.stripes.get(stripe).group().block(b)), ctx.nodes.agentNode(from));
          done[stripe][b] = links.submit(from, to, () -> prefetch(to, source), ops);
        }
      }
    }
    return done;
  }

  private OpResult prefetch(int node, ReplicaAt source) throws IOException {
    OpResult r = ctx.agents.prefetch(node, source);
    ctx.progress.bytesMoved.addAndGet(r.bytesReceived());
    return r;
  }

  /** Group {@code g}'s parity file: created, each wide parity merged in turn, completed. */
  private CompletableFuture<Void> parityChain(int g) {
    if (!ctx.code.merges()) {
      return CompletableFuture.runAsync(io(() -> stageEncodedParity(g)), tasks);
    }
    CompletableFuture<Void> step = prefetched[g][0].thenRunAsync(io(() -> createParity(g)),
        tasks);
    for (int j = 0; j < prefetched[g].length; j++) {
      int jj = j;
      step = step.thenCombine(prefetched[g][j], (a, b) -> (Void) null)
          .thenRunAsync(io(() -> mergeParity(g, jj)), tasks);
    }
    return step.thenRunAsync(io(() -> ctx.ns.complete(ctx.parityFiles[g], lastParity[g])),
        tasks);
  }

  /** An I/O step of a chain: its IOException completes the chain with it. */
  private interface IoStep {
    void run() throws IOException;
  }

  private static Runnable io(IoStep step) {
    return () -> {
      try {
        step.run();
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    };
  }

  /** Waits for {@code f}; its failure is rethrown as it was thrown. */
  private static void join(CompletableFuture<?> f) throws IOException {
    try {
      f.join();
    } catch (CompletionException | CancellationException e) {
      Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      while (c instanceof CompletionException && c.getCause() != null) {
        c = c.getCause();
      }
      if (c instanceof IOException) {
        throw (IOException) c;
      }
      if (c instanceof CancellationException) {
        throw new java.io.InterruptedIOException("stage stopped: " + c.getMessage());
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      throw new IOException(c);
    }
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
    if (links != null) { // here, not in the moves: the copies run on the pool the moves use
      for (int b = 0; b < k; b++) {
        if (dataPrefetched[stripe][b] != null) {
          join(dataPrefetched[stripe][b]);
        }
      }
    }
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
            : send(from, to, source, target);
        recordDataMove(from, to, source.numBytes(), r);
        blockPlaced(g);
        return null;
      });
    }
    awaitAll(ops, moves);
  }

  /**
   * Data block {@code b} of {@code stripe} onto its new node: stored there from the copy fetched
   * ahead (by the target's agent), or, without link admission, pushed by the source's agent.
   */
  private OpResult send(int from, int to, Replica source, Replica target) throws IOException {
    if (links == null) {
      return ctx.agents.send(from, new SendOp(source, target, ctx.nodes.agentNode(to)));
    }
    return ctx.agents.send(to, SendOp.pull(source, ctx.nodes.agentNode(from), target,
        ctx.nodes.agentNode(to)));
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
      // a block fetched ahead counted when it arrived
      ctx.progress.bytesMoved.addAndGet(from == to || links != null ? 0 : bytes);
    }
  }

  private void createParity(int g) throws IOException {
    PlannedGroup pg = ctx.plan.groups().get(g);
    long blockSize = ctx.table.stripes.get(pg.member(0)).file.status.getBlockSize();
    ctx.parityFiles[g] = ctx.ns.createFile(BartPaths.parityFile(ctx.tree, ctx.batchId, g),
        PRIVATE_FILE, null, blockSize);
  }

  /** Wide parity {@code j} of group {@code g}: its block allocated, merged and stored. */
  private void mergeParity(int g, int j) throws IOException {
    PlannedGroup pg = ctx.plan.groups().get(g);
    int post = pg.postNode(ctx.plan.problem().code().kF() + j);
    Replica allocated = ctx.ns.addBlock(ctx.parityFiles[g], lastParity[g],
        ctx.nodes.node(post).getXferAddr());
    MergeOp op = mergeOp(g, j, allocated);
    ctx.merges[g][j] = op;
    OpResult r = merge(g, j, op);
    recordMerge(pg, j, op, r);
    blockPlaced(g);
    lastParity[g] = op.target();
  }

  /** The merge, its sources fetched ahead; a target on another node is one more transfer. */
  private OpResult merge(int g, int j, MergeOp op) throws IOException {
    PlannedGroup pg = ctx.plan.groups().get(g);
    int e = pg.mergeNode(j);
    int post = pg.postNode(ctx.plan.problem().code().kF() + j);
    if (links == null || e == post) {
      return ctx.agents.merge(e, op);
    }
    LinkAdmission.Ticket t = links.admit(e, post);
    try {
      return ctx.agents.merge(pg.mergeNode(j), op);
    } finally {
      links.release(t);
    }
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
