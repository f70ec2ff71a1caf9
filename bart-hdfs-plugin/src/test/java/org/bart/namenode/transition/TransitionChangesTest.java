package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.bart.datanode.wide.TestSeed;
import org.bart.fake.FakeCluster;
import org.bart.fake.FakeInode;
import org.bart.fake.FakeNamespace;
import org.bart.fake.ParallelCases;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.transition.CoordinatorFaultInjector.SimulatedCrash;
import org.bart.report.SkippedFile;
import org.junit.jupiter.api.Test;

/**
 * A user changes one member file (deletes, renames, appends to, reopens or touches it), or
 * renames the whole tree, just before each state-changing call a transition makes: the other
 * files must be committed in wide groups whose parity is right, the changed file must be left
 * out as its user left it (never clobbered), and nothing of BART's may be left but the groups.
 * In the commit's window (between its last check and its rename) a write is refused, a renamed
 * file is committed where it went, a deleted one is left out.
 */
class TransitionChangesTest {

  private static final String TREE = "/data";
  /** 3 files of 3 stripes: without any one of them the others still make whole wide groups. */
  private static final int[] GROUPS = {3, 3, 3};
  private static final int CHANGED = 1;

  private final Random random = TestSeed.forClass(TransitionChangesTest.class);
  private final long treeSeed = random.nextLong();
  private final int planSeed = random.nextInt(Integer.MAX_VALUE);
  private long changedFileId;

  /** What the user does to the file {@code path} of {@code cluster}. */
  private enum Change {
    DELETE(FileChange.DELETED),
    RENAME(FileChange.RENAMED),
    APPEND(FileChange.MODIFIED),
    REOPEN(FileChange.REOPENED),
    TOUCH(FileChange.MODIFIED);

    final String reason;

    Change(String reason) {
      this.reason = reason;
    }

    /** Makes the change; false if the NameNode refuses it (a write to a file the commit holds). */
    boolean apply(FakeCluster cluster, String path) {
      FakeNamespace ns = cluster.namespace();
      if (this != DELETE && this != RENAME && ns.refusesWriters(path)) {
        return false;
      }
      switch (this) {
        case DELETE:
          ns.userDelete(path);
          break;
        case RENAME:
          ns.userRename(path, path + ".renamed");
          break;
        case APPEND: // an EC append with NEW_BLOCK: a new block group, written whole
          FakeInode f = ns.inode(path);
          FakeInode.Block b = ns.addGroup(f, FakeTree.K * FakeTree.CELL);
          try {
            int width = f.policy().getNumDataUnits() + f.policy().getNumParityUnits();
            for (int u = 0; u < width; u++) {
              cluster.put(u, b.id + u, b.genStamp, new byte[FakeTree.CELL]);
            }
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          break;
        case REOPEN:
          ns.userReopen(path);
          break;
        default:
          ns.touch(path);
      }
      return true;
    }
  }

  /** What a change made before one step came to. */
  private enum Outcome {
    /** In the commit's window: a write refused, a rename followed; committed. */
    IN_THE_WINDOW,
    /** After the replace: the user changed a committed file. */
    AFTER_THE_COMMIT,
    /** Left out, and the other files re-planned into groups of their own. */
    REPLANNED,
    /** Left out as a ghost its verified group keeps. */
    GHOST
  }

  @Test
  void aFileChangedAtAnyStepIsLeftOutAndTheOthersCommit() throws Exception {
    List<String> log = cleanRunSteps();
    int verifiedRecord = recordWrite(log, 1);
    // The twin is renamed over the original named by its inode: the commit's window ends there.
    int changedReplace = stepOf(log, "replace ", " " + BartPaths.byInode(changedFileId));
    List<Callable<Outcome>> cases = new ArrayList<>();
    for (Change change : Change.values()) {
      for (int c = 1; c <= log.size(); c++) {
        int step = c;
        cases.add(() -> changeBeforeStep(change, step, log, verifiedRecord, changedReplace));
      }
    }
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    for (Outcome o : ParallelCases.run(cases)) {
      outcomes.merge(o, 1, Integer::sum);
    }
    int kinds = Change.values().length;
    assertEquals(kinds * (verifiedRecord - 1), (int) outcomes.getOrDefault(Outcome.REPLANNED, 0),
        "changes before the verified record");
    assertEquals(kinds * (changedReplace - verifiedRecord) + 1,
        (int) outcomes.getOrDefault(Outcome.GHOST, 0),
        "changes within the commit, and a deletion in its window");
    assertEquals(kinds - 1, (int) outcomes.getOrDefault(Outcome.IN_THE_WINDOW, 0),
        "other changes in the commit's window");
  }

  /** A transition of its own tree whose changed file's user makes {@code change} before step c. */
  private Outcome changeBeforeStep(Change change, int c, List<String> log, int verifiedRecord,
      int changedReplace) throws Exception {
    String changedPath = TREE + "/f" + CHANGED;
    String where = change + " of " + changedPath + " before step " + c + " of " + log.size()
        + " (" + log.get(c - 1) + ") " + TestSeed.reproduce();
    FakeCluster cluster = new FakeCluster(TransitionPhasesTest.DATANODES, true);
    FakeTree tree = new FakeTree(cluster, TREE, GROUPS, new Random(treeSeed));
    FakeTree.Written w = tree.files.get(CHANGED);
    boolean[] made = new boolean[1];
    cluster.beforeStep(cluster.steps() + c, () -> made[0] = change.apply(cluster, w.path));
    List<SkippedFile> notCommitted =
        FakeTransition.runLeavingOutChanges(cluster, cluster.start(), tree, planSeed);
    TreeState state = new TreeState(cluster, tree, where);
    if (c == changedReplace && change != Change.DELETE) {
      // Between the commit's last check and its rename the file is held against writers,
      // and a renamed one is replaced where it went; a deleted one is left out (below).
      assertEquals(new ArrayList<SkippedFile>(), notCommitted, where);
      assertEquals(change == Change.RENAME, made[0], where);
      if (change == Change.RENAME) {
        assertNull(cluster.namespace().inode(w.path), "nothing put back " + where);
        cluster.namespace().userRename(w.path + ".renamed", w.path); // to check it whole
      }
      state.assertCommitted();
      return Outcome.IN_THE_WINDOW;
    }
    assertTrue(made[0], where);
    if (c > changedReplace) { // the user changed the committed file: nothing to leave out
      assertEquals(new ArrayList<SkippedFile>(), notCommitted, where);
      state.assertNoStagingLeft();
      state.assertNoOrphanReplica();
      return Outcome.AFTER_THE_COMMIT;
    }
    assertEquals(1, notCommitted.size(), where + ": " + describe(notCommitted));
    assertEquals(w.path, notCommitted.get(0).path, where);
    assertTrue(notCommitted.get(0).reason.startsWith(change.reason),
        where + ": " + notCommitted.get(0).reason);
    assertAsTheUserLeftIt(cluster, change, w, state, where);
    boolean ghost = c >= verifiedRecord;
    // Re-planned: the other 6 stripes make 2 groups. A ghost's group keeps it: 3 groups.
    state.assertCommittedBut(w, ghost ? 3 : 2);
    List<String> ghostFiles = cluster.namespace().walk(BartPaths.ghostsDir(TREE));
    assertEquals(ghost ? 1 : 0, ghostFiles.size(), where + ": " + ghostFiles);
    return ghost ? Outcome.GHOST : Outcome.REPLANNED;
  }

  @Test
  void theTreeRenamedAtAnyStepIsTransitionedWhereItWentAndNothingIsLeft() throws Exception {
    List<String> log = cleanRunSteps();
    for (int c = 1; c <= log.size(); c++) {
      String where = "tree renamed before step " + c + " of " + log.size() + " ("
          + log.get(c - 1) + ") " + TestSeed.reproduce();
      FakeCluster cluster = new FakeCluster(TransitionPhasesTest.DATANODES, true);
      FakeTree tree = new FakeTree(cluster, TREE, GROUPS, new Random(treeSeed));
      String root = BartPaths.byInode(cluster.namespace().inode(TREE).id());
      cluster.beforeStep(cluster.steps() + c,
          () -> cluster.namespace().userRename(TREE, "/archive"));
      List<SkippedFile> notCommitted = FakeTransition.runLeavingOutChanges(cluster,
          cluster.start(), tree.rootedAt(root), planSeed);
      assertEquals(new ArrayList<SkippedFile>(), notCommitted, where);
      assertNull(cluster.namespace().inode(TREE), where);
      new TreeState(cluster, tree.rootedAt(root), where).assertCommitted();
      assertNotNull(cluster.namespace().inode("/archive/f0"), where);
    }
  }

  @Test
  void aRenamedTreeWhoseRunCrashedIsRecoveredWhereItWent() throws Exception {
    List<String> log = cleanRunSteps();
    int committing = recordWrite(log, 2) + 2;
    for (int c : new int[] {committing - 5, committing, committing + 3}) {
      String where = "crash before step " + c + ", tree renamed " + TestSeed.reproduce();
      FakeCluster cluster = new FakeCluster(TransitionPhasesTest.DATANODES, true);
      FakeTree tree = new FakeTree(cluster, TREE, GROUPS, new Random(treeSeed));
      String root = BartPaths.byInode(cluster.namespace().inode(TREE).id());
      FakeTree rooted = tree.rootedAt(root);
      cluster.crashBeforeStep(cluster.steps() + c);
      FakeCluster.Process dead = cluster.start();
      assertThrows(SimulatedCrash.class,
          () -> FakeTransition.runLeavingOutChanges(cluster, dead, rooted, planSeed), where);
      cluster.namespace().userRename(TREE, "/archive");
      List<SkippedFile> notCommitted = new ArrayList<>();
      FakeTransition.recover(cluster.start(), root, notCommitted);
      if (c <= committing) {
        new TreeState(cluster, rooted, where).assertRolledBack();
        FakeTransition.runLeavingOutChanges(cluster, cluster.start(), rooted, planSeed);
      }
      new TreeState(cluster, rooted, where).assertCommitted();
      assertEquals(new ArrayList<SkippedFile>(), notCommitted, where);
    }
  }

  @Test
  void aFileDeletedWhileTheCommitWasCrashedBecomesAGhostOnRecovery() throws Exception {
    List<String> log = cleanRunSteps();
    int committing = recordWrite(log, 2) + 2;
    String where = "crash before step " + (committing + 1) + " " + TestSeed.reproduce();
    FakeCluster cluster = new FakeCluster(TransitionPhasesTest.DATANODES, true);
    FakeTree tree = new FakeTree(cluster, TREE, GROUPS, new Random(treeSeed));
    FakeTree.Written w = tree.files.get(CHANGED);
    cluster.crashBeforeStep(cluster.steps() + committing + 1);
    FakeCluster.Process dead = cluster.start();
    assertThrows(SimulatedCrash.class,
        () -> FakeTransition.runLeavingOutChanges(cluster, dead, tree, planSeed), where);
    cluster.namespace().userDelete(w.path);
    List<SkippedFile> notCommitted = new ArrayList<>();
    FakeTransition.recover(cluster.start(), TREE, notCommitted);
    assertEquals(1, notCommitted.size(), describe(notCommitted));
    assertTrue(notCommitted.get(0).reason.startsWith(FileChange.DELETED), where);
    TreeState state = new TreeState(cluster, tree, where);
    state.assertCommittedBut(w, 3);
    assertEquals(1, cluster.namespace().walk(BartPaths.ghostsDir(TREE)).size(), where);
  }

  /** The changed file is exactly as its user left it: BART neither replaced nor restored it. */
  private static void assertAsTheUserLeftIt(FakeCluster cluster, Change change,
      FakeTree.Written w, TreeState state, String where) {
    FakeNamespace ns = cluster.namespace();
    FakeInode byId = ns.inode(BartPaths.byInode(w.fileId));
    switch (change) {
      case DELETE:
        assertNull(byId, where);
        assertNull(ns.inode(w.path), where);
        break;
      case RENAME:
        assertNull(ns.inode(w.path), "nothing put back at the old path " + where);
        assertEquals(w.fileId, ns.inode(w.path + ".renamed").id(), where);
        state.assertDataUnits(w, byId);
        break;
      default:
        assertEquals(w.fileId, ns.inode(w.path).id(), "the original inode " + where);
        assertEquals(FakeTree.POLICY.getName(), byId.policy().getName(), where);
        assertEquals(w.dataUnits.size() + (change == Change.APPEND ? 1 : 0),
            byId.blocks().size(), where);
        if (change != Change.APPEND) {
          state.assertDataUnits(w, byId);
        }
    }
  }

  /** The state-changing calls of a transition without changes, in order. */
  private List<String> cleanRunSteps() throws Exception {
    FakeCluster clean = new FakeCluster(TransitionPhasesTest.DATANODES, true);
    FakeTree cleanTree = new FakeTree(clean, TREE, GROUPS, new Random(treeSeed));
    changedFileId = cleanTree.files.get(CHANGED).fileId; // the same in every tree of the seed
    clean.logSteps();
    long before = clean.steps();
    assertEquals(new ArrayList<SkippedFile>(),
        FakeTransition.runLeavingOutChanges(clean, clean.start(), cleanTree, planSeed));
    new TreeState(clean, cleanTree, "clean run").assertCommitted();
    List<String> log = clean.stepLog();
    assertEquals(clean.steps() - before, log.size());
    return log;
  }

  /** The step (from 1) that writes the n-th batch record (0: staging, 1: verified, ...). */
  private static int recordWrite(List<String> log, int n) {
    List<Integer> writes = new ArrayList<>();
    for (int s = 0; s < log.size(); s++) {
      if (log.get(s).startsWith("write ") && log.get(s).endsWith("/batch.tmp")) {
        writes.add(s + 1);
      }
    }
    assertEquals(4, writes.size(), "records staging, verified, committing, done: " + log);
    return writes.get(n);
  }

  private static int stepOf(List<String> log, String prefix, String suffix) {
    for (int s = 0; s < log.size(); s++) {
      if (log.get(s).startsWith(prefix) && log.get(s).endsWith(suffix)) {
        return s + 1;
      }
    }
    throw new AssertionError("no step " + prefix + "..." + suffix + " in " + log);
  }

  private static String describe(List<SkippedFile> files) {
    StringBuilder sb = new StringBuilder();
    for (SkippedFile f : files) {
      sb.append(f.path).append(": ").append(f.reason).append("; ");
    }
    return sb.toString();
  }
}
