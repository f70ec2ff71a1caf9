package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.admin.TransitionRunner;
import org.bart.demo.SampleFiles;
import org.bart.namenode.hdfs.DataOnlyPolicy;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.transition.CoordinatorFaultInjector;
import org.bart.namenode.transition.CoordinatorFaultInjector.SimulatedCrash;
import org.bart.protocol.CoordinatorClient;
import org.bart.report.MaintenanceReport;
import org.bart.testing.Poll;
import org.bart.testing.Users;
import org.bart.testing.WideGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commit's window: between its last check that a member file is unchanged and the rename
 * that puts the twin in its place (the coordinator's {@code beforeFileCommit} hook), the file's
 * owner replaces one file by a new one at the same path, deletes another and appends to a third.
 * Nothing of hers may be lost or brought back: the new file keeps its bytes and the replaced one
 * is committed where she moved it, the deleted one stays deleted (left out, its group
 * re-protected), the append is refused while the commit holds the file (she is told, and the hold
 * ends with the commit, and no one who may not write the file can add to it under the hold's
 * name); every other file is committed, reads back byte for byte, and -verify
 * passes. A hold that a crashed coordinator left in the window is released by the next run.
 */
class CommitWindowIT {

  private static SmallCluster small;
  private static UserGroupInformation alice;

  @BeforeAll
  static void start() throws Exception {
    small = new SmallCluster();
    alice = small.userWithHome("alice");
  }

  @AfterAll
  static void stop() {
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector());
    if (small != null) {
      small.close();
    }
  }

  @Test
  void changesBetweenTheLastCheckAndTheRenameAreNeverClobbered() throws Exception {
    String tree = "/users/alice/t";
    Map<String, byte[]> contents = small.writeTree(tree, SmallCluster.SEED + 7);
    small.dfs().setOwner(new Path(tree), "alice", "alices");
    for (String p : contents.keySet()) {
      small.dfs().setOwner(new Path(p), "alice", "alices");
    }
    String replaced = tree + "/f1";
    String movedAway = tree + "/f1.old";
    String deleted = tree + "/f2";
    String appended = tree + "/f3";
    byte[] newer = SampleFiles.randomBytes(11, 3 * SmallCluster.CELL + 1);
    byte[] more = SampleFiles.randomBytes(12, SmallCluster.CELL);
    List<IOException> refusals = new ArrayList<>();
    List<IOException> hijacks = new ArrayList<>();
    UserGroupInformation mallory = Users.ordinary("mallory");
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void beforeFileCommit(String path) { // named under the tree's inode path
        if (path.endsWith("/f1")) {
          asAlice(fs -> {
            fs.rename(new Path(replaced), new Path(movedAway));
            try (OutputStream out = fs.create(new Path(replaced))) {
              out.write(newer);
            }
          });
        } else if (path.endsWith("/f2")) {
          asAlice(fs -> assertTrue(fs.delete(new Path(deleted), false)));
        } else if (path.endsWith("/f3")) {
          // Mallory may not write f3; the NameNode trusts a lease holder's name, so she must not
          // be able to add a block to it under a name she can know.
          long id = fileId(appended);
          Users.act(mallory, small.cluster.conf(), fs -> {
            try {
              ExtendedBlock last = fs.getClient().getLocatedBlocks(appended, 0)
                  .getLastLocatedBlock().getBlock();
              fs.getClient().getNamenode().addBlock(appended, "BART_commit", last, null, id,
                  null, null);
            } catch (IOException e) {
              hijacks.add(e);
            }
          });
          asAlice(fs -> {
            try (OutputStream out = fs.append(new Path(appended),
                EnumSet.of(CreateFlag.APPEND, CreateFlag.NEW_BLOCK), 4096, null)) {
              out.write(more);
            } catch (IOException e) {
              refusals.add(e);
            }
          });
        }
      }
    });
    TransitionRunner.Outcome o;
    try {
      o = small.transition(tree, 2);
    } finally {
      CoordinatorFaultInjector.set(new CoordinatorFaultInjector());
    }
    assertTrue(o.succeeded, o.error);
    assertEquals(1, hijacks.size(), "a block added to the held " + appended + " by mallory");

    DistributedFileSystem dfs = small.dfs();
    assertArrayEquals(newer, SampleFiles.read(dfs, new Path(replaced)),
        "the file Alice put at " + replaced + " is hers");
    assertEquals(small.narrow.getName(), dfs.getErasureCodingPolicy(new Path(replaced)).getName());
    assertFalse(dfs.getXAttrs(new Path(replaced)).containsKey(BartPaths.MEMBER_XATTR));
    assertFalse(dfs.exists(new Path(deleted)), "a file deleted in the window stays deleted");
    assertEquals(1, o.report.notCommitted.size(), o.report.toJson());
    assertEquals(deleted, o.report.notCommitted.get(0).path);
    assertTrue(o.report.notCommitted.get(0).reason.startsWith("deleted since discovery"));
    assertEquals(1, refusals.size(), "Alice's append while the commit holds " + appended);
    assertTrue(String.valueOf(refusals.get(0).getMessage()).contains("BART_commit_"),
        String.valueOf(refusals.get(0)));

    contents.put(movedAway, contents.remove(replaced)); // committed where she moved it
    contents.remove(deleted);
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
      assertEquals(WideGroups.namedBy(small.dfs(), contents.keySet()), v.groupsChecked);
    }
    for (String dir : new String[] {"staging", "ghosts"}) {
      Path d = new Path(BartPaths.hidden(tree), dir);
      assertTrue(!dfs.exists(d) || dfs.listStatus(d).length == 0, d + " is empty");
    }
    Poll.until("no replica left that the NameNode does not know", 60_000,
        small::knowsEveryReplica);
    assertTrue(dfs.isFileClosed(new Path(appended)), "the commit's hold on it ended");
  }

  /**
   * A coordinator that dies in the window leaves the file held (open for write as BART_commit,
   * its bytes and times as they were); the next run releases the hold, finds the file unchanged
   * and commits it with its own modification time.
   */
  @Test
  void aHoldLeftByACrashInTheWindowIsReleasedByTheNextRun() throws Exception {
    String tree = "/users/alice/crash";
    Map<String, byte[]> contents = small.writeTree(tree, SmallCluster.SEED + 8);
    String held = tree + "/f1";
    long mtime = small.dfs().getFileStatus(new Path(held)).getModificationTime();
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void beforeFileCommit(String path) {
        if (path.endsWith("/f1")) {
          throw new SimulatedCrash("in the window of " + path);
        }
      }
    });
    TransitionRunner.Outcome crashed;
    try {
      crashed = small.transition(tree, 2);
    } finally {
      CoordinatorFaultInjector.set(new CoordinatorFaultInjector());
    }
    assertFalse(crashed.succeeded, "the injected crash stops the run");
    DistributedFileSystem dfs = small.dfs();
    assertFalse(dfs.isFileClosed(new Path(held)), held + " is held");
    assertEquals(mtime, dfs.getFileStatus(new Path(held)).getModificationTime());
    assertArrayEquals(contents.get(held), SampleFiles.read(dfs, new Path(held)));

    TransitionRunner.Outcome rerun = small.transition(tree, 2);
    assertTrue(rerun.succeeded, rerun.error);
    assertEquals(0, rerun.report.notCommitted.size(), rerun.report.toJson());
    assertTrue(dfs.isFileClosed(new Path(held)));
    assertEquals(mtime, dfs.getFileStatus(new Path(held)).getModificationTime(),
        "the twin took the original's time, which the release gave back");
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      Path p = new Path(e.getKey());
      assertTrue(DataOnlyPolicy.isDataOnly(dfs.getErasureCodingPolicy(p)), e.getKey());
      assertArrayEquals(e.getValue(), SampleFiles.read(dfs, p), e.getKey());
    }
    assertEquals(3, WideGroups.check(dfs, tree, contents));
  }

  private static void asAlice(Users.ClientAction action) {
    Users.act(alice, small.cluster.conf(), action);
  }

  private static long fileId(String path) {
    try {
      return small.dfs().getClient().getFileInfo(path).getFileId();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
