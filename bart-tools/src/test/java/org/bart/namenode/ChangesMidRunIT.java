package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.Block;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.admin.TransitionRunner;
import org.bart.demo.SampleFiles;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.hdfs.DataOnlyPolicy;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.transition.CoordinatorFaultInjector;
import org.bart.namenode.transition.Phase;
import org.bart.protocol.CoordinatorClient;
import org.bart.report.MaintenanceReport;
import org.bart.report.SkippedFile;
import org.bart.testing.Poll;
import org.bart.testing.Users;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 3: a user changes one of their files while the superuser's transition runs (a
 * fault-injection hook of the coordinator is the moment), or renames the whole tree. The changed
 * file is left out as its user left it, the others are committed (data-only policy, membership),
 * every file reads back byte for byte, {@code -verify} passes, and nothing of BART's is left:
 * nothing staged, no ghost, no replica the NameNode does not know.
 */
class ChangesMidRunIT {

  private static SmallCluster small;
  private static UserGroupInformation alice;
  private static int trees;

  @BeforeAll
  static void start() throws Exception {
    small = new SmallCluster();
    alice = small.userWithHome("alice");
  }

  @AfterAll
  static void stop() {
    if (small != null) {
      small.close();
    }
  }

  @AfterEach
  void noInjector() {
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector());
  }

  /** Alice's tree of 4 files (6 stripes: f0 2, f1 2, f2 1, f3 1), owned by her. */
  private static final class Tree {
    final String path = "/users/alice/t" + (trees++);
    final Map<String, byte[]> contents;

    Tree() throws Exception {
      contents = small.writeTree(path, SmallCluster.SEED + 100L * trees);
      small.dfs().setOwner(new Path(path), "alice", "alices");
      for (String p : contents.keySet()) {
        small.dfs().setOwner(new Path(p), "alice", "alices");
      }
    }

    String file(int i) {
      return path + "/f" + i;
    }
  }

  @Test
  void aFileDeletedAfterStagingIsLeftOutAndTheOthersCommit() throws Exception {
    Tree t = new Tree();
    afterPhase(Phase.STAGE, fs -> fs.delete(new Path(t.file(1)), false));
    TransitionRunner.Outcome o = small.transition(t.path, 2);
    assertLeftOut(o, t.file(1), "deleted since discovery");
    assertFalse(small.dfs().exists(new Path(t.file(1))));
    t.contents.remove(t.file(1));
    assertCommitted(t.path, t.contents, 2);
  }

  @Test
  void aFileRenamedAfterStagingIsLeftOutWhereItWent() throws Exception {
    Tree t = new Tree();
    String moved = t.path + "/moved";
    afterPhase(Phase.STAGE, fs -> fs.rename(new Path(t.file(1)), new Path(moved)));
    TransitionRunner.Outcome o = small.transition(t.path, 2);
    assertLeftOut(o, t.file(1), "renamed or moved since discovery");
    assertNarrow(moved, t.contents.remove(t.file(1)));
    assertCommitted(t.path, t.contents, 2);
  }

  @Test
  void aFileAppendedAfterStagingKeepsItsBytesAndItsOwnParity() throws Exception {
    Tree t = new Tree();
    byte[] more = SampleFiles.randomBytes(7, 3 * SmallCluster.CELL);
    afterPhase(Phase.STAGE, fs -> {
      try (OutputStream out = fs.append(new Path(t.file(1)),
          EnumSet.of(CreateFlag.APPEND, CreateFlag.NEW_BLOCK), 4096, null)) {
        out.write(more);
      }
    });
    TransitionRunner.Outcome o = small.transition(t.path, 2);
    assertLeftOut(o, t.file(1), "modified since discovery");
    assertNarrow(t.file(1), concat(t.contents.remove(t.file(1)), more));
    assertCommitted(t.path, t.contents, 2);
  }

  @Test
  void aFileReopenedForWriteDuringTheRunIsNotClobbered() throws Exception {
    Tree t = new Tree();
    byte[] more = SampleFiles.randomBytes(8, SmallCluster.CELL + 5);
    List<OutputStream> open = new ArrayList<>();
    FileSystem aliceFs = Users.as(alice, () -> FileSystem.newInstance(small.cluster.conf()));
    try {
      afterPhase(Phase.STAGE, fs -> open.add(((DistributedFileSystem) aliceFs).append(
          new Path(t.file(1)), EnumSet.of(CreateFlag.APPEND, CreateFlag.NEW_BLOCK), 4096,
          null)));
      TransitionRunner.Outcome o = small.transition(t.path, 2);
      assertLeftOut(o, t.file(1), "reopened for write since discovery");
      assertEquals(1, open.size());
      open.get(0).write(more); // the writer never noticed: its file is still its own
      open.get(0).close();
    } finally {
      aliceFs.close();
    }
    assertNarrow(t.file(1), concat(t.contents.remove(t.file(1)), more));
    assertCommitted(t.path, t.contents, 2);
  }

  /**
   * During the commit (after f0's rename) Alice deletes f2 and appends to f3: both become ghost
   * members, which the coordinator re-protects away before the run ends.
   */
  @Test
  void filesChangedDuringTheCommitAreLeftOutAndTheirGroupsReprotected() throws Exception {
    Tree t = new Tree();
    byte[] more = SampleFiles.randomBytes(9, 2 * SmallCluster.CELL);
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void afterFileCommit(String path) {
        if (path.endsWith("/f0")) {
          asAlice(fs -> {
            fs.delete(new Path(t.file(2)), false);
            try (OutputStream out = fs.append(new Path(t.file(3)),
                EnumSet.of(CreateFlag.APPEND, CreateFlag.NEW_BLOCK), 4096, null)) {
              out.write(more);
            }
          });
        }
      }
    });
    TransitionRunner.Outcome o = small.transition(t.path, 2);
    assertTrue(o.succeeded, o.error);
    assertEquals(2, o.report.notCommitted.size(), describe(o.report.notCommitted));
    assertEquals(t.file(2), o.report.notCommitted.get(0).path);
    assertTrue(o.report.notCommitted.get(0).reason.startsWith("deleted since discovery"));
    assertEquals(t.file(3), o.report.notCommitted.get(1).path);
    assertTrue(o.report.notCommitted.get(1).reason.startsWith("modified since discovery"));
    t.contents.remove(t.file(2));
    assertNarrow(t.file(3), concat(t.contents.remove(t.file(3)), more));
    // 3 groups, or 2 where the plan put f2's and f3's stripes together: such a group has no
    // member left and is deleted. Either way, exactly the groups the committed files point to.
    int groups = WideGroups.namedBy(small.dfs(), t.contents.keySet());
    assertTrue(groups == 2 || groups == 3, groups + " groups");
    assertCommitted(t.path, t.contents, groups);
  }

  @Test
  void aTreeRenamedDuringTheRunIsTransitionedWhereItWentAndNothingIsLeft() throws Exception {
    Tree t = new Tree();
    String renamed = t.path + "-renamed";
    afterPhase(Phase.STAGE, fs -> fs.rename(new Path(t.path), new Path(renamed)));
    TransitionRunner.Outcome o = small.transition(t.path, 2);
    assertTrue(o.succeeded, o.error);
    assertEquals(new ArrayList<SkippedFile>(), o.report.notCommitted);
    assertFalse(small.dfs().exists(new Path(t.path)), "nothing at the old path");
    Map<String, byte[]> moved = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : t.contents.entrySet()) {
      moved.put(renamed + e.getKey().substring(t.path.length()), e.getValue());
    }
    assertCommitted(renamed, moved, 3);
  }

  /**
   * HDFS deletes a replica the plan reads (as it deletes an extra copy after rebuilding a block
   * whose report came late) between planning and staging: the batch is rolled back and
   * re-planned from where the replicas are now, and the run succeeds. The file of the deleted
   * block is left out with why, or committed if HDFS rebuilt the block first.
   */
  @Test
  void aReplicaHdfsDeletesAfterPlanningIsPlannedAroundAndTheRunSucceeds() throws Exception {
    Tree t = new Tree();
    String victim = t.file(1);
    onceAfter(Phase.PLAN, () -> deleteReplicaOfFirstDataBlock(victim));
    TransitionRunner.Outcome o = small.transition(t.path, 2);
    assertTrue(o.succeeded, o.error);
    assertTrue(o.report.batches.stream().anyMatch(b -> b.outcome.startsWith(
        "rolled back: HDFS moved replicas it read") && small.narrow.getName().equals(b.policy)),
        "a batch of " + small.narrow.getName() + " re-planned: " + o.report.toJson());
    int groups = 3;
    if (!o.report.notCommitted.isEmpty()) {
      assertLeftOut(o, victim, "block group 0 has no live replica of internal block 0");
      assertNarrow(victim, t.contents.remove(victim)); // stock reads decode the lost block
      groups = 2;
    }
    assertCommitted(t.path, t.contents, groups);
  }

  /** The DataNode holding internal block 0 of {@code path}'s first group deletes it. */
  private static void deleteReplicaOfFirstDataBlock(String path) {
    try {
      BlockGroup g = BlockGroup.of(small.dfs().getClient(), path).get(0);
      DatanodeInfo holder = g.node(0);
      DataNode dn = small.cluster.mini().getDataNode(holder.getIpcPort());
      dn.getFSDataset().invalidate(g.block(0).getBlockPoolId(),
          new Block[] {g.block(0).getLocalBlock()});
      Poll.until("the NameNode forgets " + g.block(0) + " on " + holder, 30_000,
          () -> BlockGroup.of(small.dfs().getClient(), path).get(0).nodes(0).stream()
              .noneMatch(n -> n.getDatanodeUuid().equals(holder.getDatanodeUuid())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot delete a replica of " + path, e);
    }
  }

  /** Runs {@code action} as Alice when {@code phase} of any transition has finished. */
  private static void afterPhase(Phase phase, Users.ClientAction action) {
    onceAfter(phase, () -> asAlice(action));
  }

  /** Runs {@code step} in the coordinator once, when {@code phase} of a transition has finished. */
  private static void onceAfter(Phase phase, Runnable step) {
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void afterPhase(String tree, Phase p) {
        if (p == phase) {
          CoordinatorFaultInjector.set(new CoordinatorFaultInjector()); // once
          step.run();
        }
      }
    });
  }

  private static void asAlice(Users.ClientAction action) {
    Users.act(alice, small.cluster.conf(), action);
  }

  private static void assertLeftOut(TransitionRunner.Outcome o, String path, String reason) {
    assertTrue(o.succeeded, o.error);
    assertEquals(1, o.report.notCommitted.size(), describe(o.report.notCommitted));
    assertEquals(path, o.report.notCommitted.get(0).path);
    assertTrue(o.report.notCommitted.get(0).reason.startsWith(reason),
        o.report.notCommitted.get(0).reason);
  }

  /** {@code path} is a file of its old narrow policy with {@code bytes}, Alice's, no BART xattr. */
  private static void assertNarrow(String path, byte[] bytes) throws Exception {
    Path p = new Path(path);
    assertEquals(small.narrow.getName(), small.dfs().getErasureCodingPolicy(p).getName(), path);
    assertArrayEquals(bytes, SampleFiles.read(small.dfs(), p), path);
    assertEquals("alice", small.dfs().getFileStatus(p).getOwner(), path);
    assertFalse(small.dfs().getXAttrs(p).containsKey(BartPaths.MEMBER_XATTR), path);
  }

  /**
   * Every file of {@code contents} is committed (data-only, a member) with its bytes, {@code
   * groups} wide groups pass -verify, and nothing staged, no ghost, no unknown replica is left.
   */
  private static void assertCommitted(String tree, Map<String, byte[]> contents, int groups)
      throws Exception {
    DistributedFileSystem dfs = small.dfs();
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      Path p = new Path(e.getKey());
      assertTrue(DataOnlyPolicy.isDataOnly(dfs.getErasureCodingPolicy(p)), e.getKey());
      assertNotNull(dfs.getXAttrs(p).get(BartPaths.MEMBER_XATTR), e.getKey());
      assertEquals("alice", dfs.getFileStatus(p).getOwner(), e.getKey());
      assertArrayEquals(e.getValue(), SampleFiles.read(dfs, p), e.getKey());
    }
    try (CoordinatorClient c = CoordinatorClient.connect(small.cluster.conf())) {
      MaintenanceReport v = MaintenanceReport.fromJson(c.verify(tree));
      assertEquals(new ArrayList<String>(), v.problems, "-verify of " + tree);
      assertEquals(groups, v.groupsChecked, "wide groups of " + tree);
    }
    for (String dir : new String[] {"staging", "ghosts"}) {
      Path d = new Path(BartPaths.hidden(tree), dir);
      assertTrue(!dfs.exists(d) || dfs.listStatus(d).length == 0, d + " is empty");
    }
    Poll.until("no replica left that the NameNode does not know", 60_000,
        small::knowsEveryReplica);
  }


  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String describe(List<SkippedFile> files) {
    StringBuilder sb = new StringBuilder();
    for (SkippedFile f : files) {
      sb.append(f.path).append(": ").append(f.reason).append("; ");
    }
    return sb.toString();
  }
}
