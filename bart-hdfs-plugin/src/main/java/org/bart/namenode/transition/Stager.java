package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.hdfs.NameNodeCalls;
import org.bart.namenode.hdfs.PlacedFile;
import org.bart.namenode.metadata.BartPaths;
import org.bart.plan.PlannedGroup;
import org.bart.protocol.ProtoConverters;
import org.bart.protocol.proto.AgentProtos.MergeRequestProto;
import org.bart.protocol.proto.AgentProtos.OpPath;
import org.bart.protocol.proto.AgentProtos.OpResultProto;
import org.bart.protocol.proto.AgentProtos.RelabelRequestProto;
import org.bart.protocol.proto.AgentProtos.SendRequestProto;
import org.bart.protocol.proto.AgentProtos.SourceReplicaProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;

/**
 * Phase 3: builds the new layout beside the old one, changing nothing a reader sees. For every
 * member file a data-only twin whose block groups are the old data blocks, re-labelled where the
 * plan keeps them and sent where it moves them; for every wide group a parity file whose blocks
 * are the merged wide parities, computed on the planned merge nodes and stored on the planned
 * nodes. Files and groups are staged in parallel; the agents' worker pools pace each DataNode.
 */
public final class Stager {

  private static final FsPermission PRIVATE_FILE = new FsPermission((short) 0600);

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
    ctx.twins = new PlacedFile[ctx.table.files.size()];
    ctx.twinGroupIds = new long[ctx.table.stripes.size()];
    ctx.parityFiles = new PlacedFile[groups];
    ctx.merges = new MergeRequestProto[groups][ctx.plan.problem().code().mF()];
    // Parity merges and data moves interleaved, so that neither waits behind the other on the
    // task pool: the agents' own worker pools are what should pace each DataNode.
    List<Callable<Void>> work = new ArrayList<>();
    int files = ctx.table.files.size();
    for (int i = 0; i < Math.max(files, groups); i++) {
      if (i < groups) {
        int group = i;
        work.add(() -> {
          stageParity(group);
          return null;
        });
      }
      if (i < files) {
        int file = i;
        work.add(() -> {
          stageFile(file);
          return null;
        });
      }
    }
    awaitAll(tasks, work);
  }

  /** The data-only twin of one file: its groups allocated in order, their data blocks placed. */
  private void stageFile(int fileIndex) throws IOException {
    CandidateFile file = ctx.table.files.get(fileIndex);
    PlacedFile twin = PlacedFile.create(ctx.dfs.getClient(),
        BartPaths.twin(ctx.tree, ctx.batchId, file.fileId()), PRIVATE_FILE,
        ctx.dataOnlyPolicy.getName(), (short) 1, file.status.getBlockSize());
    ctx.twins[fileIndex] = twin;
    int firstStripe = firstStripeOf(fileIndex);
    ExtendedBlock previous = null;
    for (int gi = 0; gi < file.groups.size(); gi++) {
      int stripe = firstStripe + gi;
      LocatedBlock allocated = NameNodeCalls.addBlock(twin, previous, null);
      ExtendedBlock twinGroup = allocated.getBlock();
      ctx.twinGroupIds[stripe] = twinGroup.getBlockId();
      placeDataBlocks(stripe, twinGroup);
      previous = new ExtendedBlock(twinGroup);
      previous.setNumBytes(file.groups.get(gi).group().getNumBytes());
    }
    NameNodeCalls.complete(twin, previous);
  }

  private int firstStripeOf(int fileIndex) {
    int s = 0;
    for (int f = 0; f < fileIndex; f++) {
      s += ctx.table.files.get(f).groups.size();
    }
    return s;
  }

  /** Re-labels or sends each data block of one stripe into its twin group, as planned. */
  private void placeDataBlocks(int stripe, ExtendedBlock twinGroup) throws IOException {
    BlockGroup old = ctx.table.stripes.get(stripe).group();
    int g = ctx.groupOf[stripe];
    PlannedGroup pg = ctx.plan.groups().get(g);
    int k = ctx.k();
    List<Callable<Void>> moves = new ArrayList<>();
    for (int b = 0; b < k; b++) {
      ExtendedBlock source = old.block(b);
      int from = ctx.table.prePlacement[stripe][b];
      int to = pg.postNode(ctx.positionOf[stripe] * k + b);
      BlockProto target = BlockProto.newBuilder().setPoolId(source.getBlockPoolId())
          .setBlockId(twinGroup.getBlockId() + b).setGenStamp(twinGroup.getGenerationStamp())
          .setNumBytes(source.getNumBytes()).build();
      moves.add(() -> {
        OpResultProto r = from == to
            ? ctx.agents.of(from).relabel(RelabelRequestProto.newBuilder()
                .setSource(ProtoConverters.toProto(source)).setTarget(target).build())
            : ctx.agents.of(from).send(SendRequestProto.newBuilder()
                .setSource(ProtoConverters.toProto(source)).setTarget(target)
                .setTargetNode(ctx.nodes.proto(to)).build());
        recordDataMove(from, to, source.getNumBytes(), r);
        blockPlaced(g);
        return null;
      });
    }
    awaitAll(ops, moves);
  }

  private void recordDataMove(int from, int to, long bytes, OpResultProto r) {
    synchronized (ctx.report) {
      if (from == to) {
        ctx.report.blocksRelabelled++;
        ctx.report.bytesRelabelled += bytes;
        if (r.getPath() == OpPath.LINKED) {
          ctx.report.blocksLinked++;
        }
      } else {
        ctx.report.blocksSent++;
        ctx.report.bytesSent += bytes;
      }
    }
    if (r.getPath() != OpPath.ALREADY_DONE) {
      ctx.meter.transfer(from, to, bytes);
      ctx.progress.bytesMoved.addAndGet(from == to ? 0 : bytes);
    }
  }

  /** The parity file of one wide group: each wide parity merged and stored where planned. */
  private void stageParity(int g) throws IOException {
    PlannedGroup pg = ctx.plan.groups().get(g);
    long blockSize = ctx.table.stripes.get(pg.member(0)).file.status.getBlockSize();
    PlacedFile parity = PlacedFile.create(ctx.dfs.getClient(),
        BartPaths.parityFile(ctx.tree, ctx.batchId, g), PRIVATE_FILE, null, (short) 1, blockSize);
    ctx.parityFiles[g] = parity;
    int kF = ctx.plan.problem().code().kF();
    ExtendedBlock previous = null;
    for (int j = 0; j < ctx.plan.problem().code().mF(); j++) {
      int post = pg.postNode(kF + j);
      LocatedBlock allocated = NameNodeCalls.addBlock(parity, previous,
          ctx.nodes.node(post).getXferAddr());
      MergeRequestProto req = mergeRequest(g, j, allocated.getBlock());
      ctx.merges[g][j] = req;
      OpResultProto r = ctx.agents.of(pg.mergeNode(j)).merge(req);
      recordMerge(pg, j, req, r);
      blockPlaced(g);
      previous = ProtoConverters.toBlock(req.getTarget());
    }
    NameNodeCalls.complete(parity, previous);
  }

  /**
   * The merge of wide parity {@code j} of group {@code g} into {@code block} (allocated, length
   * set here): sources in member order, target on the planned post node.
   */
  private MergeRequestProto mergeRequest(int g, int j, ExtendedBlock block) {
    PlannedGroup pg = ctx.plan.groups().get(g);
    int k = ctx.k();
    MergeRequestProto.Builder req = MergeRequestProto.newBuilder()
        .setWideCode(ctx.code.toString()).setParityIndex(j);
    long length = 0;
    for (int p = 0; p < pg.numMembers(); p++) {
      int stripe = pg.member(p);
      BlockGroup old = ctx.table.stripes.get(stripe).group();
      length = Math.max(length, old.block(k + j).getNumBytes());
      req.addSources(SourceReplicaProto.newBuilder()
          .setBlock(ProtoConverters.toProto(old.block(k + j)))
          .setNode(ctx.nodes.proto(ctx.table.prePlacement[stripe][k + j])));
    }
    BlockProto target = BlockProto.newBuilder().setPoolId(block.getBlockPoolId())
        .setBlockId(block.getBlockId()).setGenStamp(block.getGenerationStamp())
        .setNumBytes(length).build();
    return req.setTarget(target)
        .setTargetNode(ctx.nodes.proto(pg.postNode(ctx.plan.problem().code().kF() + j))).build();
  }

  private void recordMerge(PlannedGroup pg, int j, MergeRequestProto req, OpResultProto r) {
    int e = pg.mergeNode(j);
    int post = pg.postNode(ctx.plan.problem().code().kF() + j);
    synchronized (ctx.report) {
      ctx.report.parityBlocksMerged++;
      ctx.report.bytesMerged += req.getTarget().getNumBytes();
    }
    if (r.getPath() == OpPath.ALREADY_DONE) {
      return;
    }
    for (int p = 0; p < pg.numMembers(); p++) {
      int from = ctx.table.prePlacement[pg.member(p)][ctx.k() + j];
      ctx.meter.transfer(from, e, req.getSources(p).getBlock().getNumBytes());
    }
    ctx.meter.transfer(e, post, req.getTarget().getNumBytes());
    ctx.progress.bytesMoved.addAndGet(r.getBytesReceived() + r.getBytesSent());
  }

  private void blockPlaced(int g) {
    if (remaining.decrementAndGet(g) == 0) {
      ctx.progress.groupsDone.incrementAndGet();
    }
  }

  /** Runs every task on {@code pool} and waits for all; the first failure is rethrown. */
  static void awaitAll(ExecutorService pool, List<Callable<Void>> work) throws IOException {
    List<Future<Void>> futures = new ArrayList<>();
    for (Callable<Void> c : work) {
      futures.add(pool.submit(c));
    }
    IOException failure = null;
    for (Future<Void> f : futures) {
      try {
        if (failure != null) {
          f.cancel(true);
        } else {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new java.io.InterruptedIOException("interrupted");
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException) {
          throw (RuntimeException) c; // includes a simulated crash
        }
        failure = c instanceof IOException ? (IOException) c : new IOException(c);
      } catch (java.util.concurrent.CancellationException e) {
        // cancelled after an earlier failure
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
