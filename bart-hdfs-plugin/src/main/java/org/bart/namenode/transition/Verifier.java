package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.bart.namenode.hdfs.ContentChecksum;
import org.bart.plan.PlannedGroup;
import org.bart.protocol.ops.EncodeOp;
import org.bart.protocol.ops.MergeOp;

/**
 * Phase 4: proves the staged layout before anything is committed. Each twin's COMPOSITE_CRC file
 * checksum (independent of the block layout) must equal its original's, and each wide parity
 * block must equal a fresh merge of the narrow parities it came from (recomputed by the agent of
 * the node that stores it) or, for a re-encoded group, a fresh encoding of the group's data
 * (recomputed by the encoding node's agent, which reads the stored parities). Last, no member
 * file may have changed since discovery (deleted, renamed, replaced, written or reopened): the
 * batch is then rolled back and re-planned without it ({@link BatchLeaveOut}).
 */
public final class Verifier {

  private final TransitionContext ctx;
  private final ExecutorService tasks;

  Verifier(TransitionContext ctx, ExecutorService tasks) {
    this.ctx = ctx;
    this.tasks = tasks;
  }

  void run() throws IOException {
    List<Callable<Void>> checks = new ArrayList<>();
    for (int f = 0; f < ctx.table.files.size(); f++) {
      int file = f;
      checks.add(() -> {
        checkChecksum(file);
        return null;
      });
    }
    int kF = ctx.plan.problem().code().kF();
    for (int g = 0; g < ctx.merges.length; g++) {
      PlannedGroup pg = ctx.plan.groups().get(g);
      for (int j = 0; j < ctx.merges[g].length; j++) {
        MergeOp merge = ctx.merges[g][j];
        int holder = pg.postNode(kF + j);
        checks.add(() -> {
          ctx.agents.checkMerge(holder, merge);
          synchronized (ctx.report) {
            ctx.report.paritiesVerified++;
          }
          return null;
        });
      }
    }
    for (int g = 0; g < ctx.encodes.length; g++) {
      EncodeOp encode = ctx.encodes[g];
      if (encode == null) {
        continue;
      }
      // The encoding node recomputes from the data and reads each stored parity where it is.
      int encoder = ctx.plan.groups().get(g).mergeNode(0);
      checks.add(() -> {
        ctx.agents.checkEncode(encoder, encode);
        synchronized (ctx.report) {
          ctx.report.paritiesVerified += encode.targets().size();
        }
        return null;
      });
    }
    Stager.awaitAll(tasks, checks);
    leftUnchanged();
  }

  /** Fails if a member file changed since discovery: the batch is then re-planned without it. */
  private void leftUnchanged() throws IOException {
    for (CandidateFile f : ctx.table.files) {
      String change = FileChange.of(ctx.ns, f);
      if (change != null) {
        throw new IOException(f.path + " was " + change.replace(" since discovery", "")
            + " during the run; nothing was committed");
      }
    }
  }

  private void checkChecksum(int fileIndex) throws IOException {
    CandidateFile file = ctx.table.files.get(fileIndex);
    String twin = ctx.twins[fileIndex].path();
    ContentChecksum original = ctx.ns.checksum(file.path);
    ContentChecksum staged = ctx.ns.checksum(twin);
    if (original == null || !original.equals(staged)) {
      throw new IOException("checksum of the staged twin of " + file.path + " (" + staged
          + ") differs from the original's (" + original + "); nothing was committed");
    }
    synchronized (ctx.report) {
      ctx.report.checksumsVerified++;
    }
  }
}
