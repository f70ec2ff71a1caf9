package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.admin.TransitionRunner;
import org.bart.cli.BartMain;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.SampleFiles;
import org.bart.namenode.hdfs.HdfsNamespace;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.BatchStore;
import org.bart.namenode.metadata.StateOwnership;
import org.bart.namenode.transition.CoordinatorFaultInjector;
import org.bart.namenode.transition.Phase;
import org.bart.protocol.proto.MetadataProtos.BatchFileProto;
import org.bart.protocol.proto.MetadataProtos.BatchProto;
import org.bart.protocol.proto.MetadataProtos.BatchState;
import org.bart.report.SkippedFile;
import org.bart.testing.FileSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 1: nothing an ordinary user can write steers what the coordinator (the HDFS
 * superuser) deletes, renames, chowns or trusts. Mallory may write into a tree that the
 * administrator later transitions; she plants batch records of every kind. The administrator's
 * -transition must refuse them in one line naming the path, leave every victim file as it was
 * (bytes, owner, mode, xattrs), and the tree must transition once the administrator has removed
 * what was refused.
 */
class TamperIT {

  private static final String BATCH = "b1";

  private static SmallCluster small;
  private static UserGroupInformation mallory;
  private static UserGroupInformation victim;
  private static int trees;

  @BeforeAll
  static void start() throws Exception {
    small = new SmallCluster();
    mallory = UserGroupInformation.createUserForTesting("mallory", new String[] {"mallory"});
    victim = UserGroupInformation.createUserForTesting("victim", new String[] {"victim"});
    DistributedFileSystem dfs = small.dfs();
    dfs.mkdirs(new Path("/victims"));
    dfs.mkdirs(new Path("/mallory"));
    dfs.setOwner(new Path("/mallory"), "mallory", "mallory");
  }

  @AfterAll
  static void stop() {
    if (small != null) {
      small.close();
    }
  }

  /** A tree anyone may write into, whose files belong to the victim, and the victim's files. */
  private static final class Scene {
    final String tree = "/tamper" + (trees++);
    final String secret = "/victims/secret" + trees;
    final String own = "/mallory/own" + trees;
    final Map<String, byte[]> contents;
    final List<String> watched = new ArrayList<>();
    final Map<String, FileSnapshot> before = new LinkedHashMap<>();

    Scene() throws Exception {
      DistributedFileSystem dfs = small.dfs();
      contents = small.writeTree(tree, SmallCluster.SEED + 1000L * trees);
      dfs.setPermission(new Path(tree), new FsPermission((short) 0777));
      SampleFiles.write(dfs, new Path(secret), "the victim's secret".getBytes(
          StandardCharsets.UTF_8));
      for (String p : contents.keySet()) {
        watched.add(p);
      }
      watched.add(secret);
      for (String p : watched) {
        dfs.setOwner(new Path(p), "victim", "victim");
        dfs.setPermission(new Path(p), new FsPermission((short) 0600));
        dfs.setXAttr(new Path(p), "user.note", "victim's".getBytes(StandardCharsets.UTF_8),
            EnumSet.of(XAttrSetFlag.CREATE));
      }
      as(mallory, fs -> {
        try (OutputStream out = fs.create(new Path(own))) {
          out.write("mallory's".getBytes(StandardCharsets.UTF_8));
        }
      });
      watched.add(own);
      for (String p : watched) {
        before.put(p, FileSnapshot.of(dfs, p));
      }
    }

    String file(int i) {
      return tree + "/f" + i;
    }

    String hidden() {
      return BartPaths.hidden(tree);
    }

    String staging() {
      return hidden() + "/staging/" + BATCH;
    }

    void assertUnchanged() throws Exception {
      for (String p : watched) {
        assertEquals(before.get(p), FileSnapshot.of(small.dfs(), p), p + " must not change");
      }
    }

    /** The superuser's transition is refused in one line containing every {@code words}. */
    String refused(String... words) throws Exception {
      TransitionRunner.Outcome o = small.transition(tree, 2);
      assertFalse(o.succeeded, "the transition of " + tree + " must be refused");
      assertFalse(o.error.contains("\n"), "one line: " + o.error);
      for (String w : words) {
        assertTrue(o.error.contains(w), "'" + w + "' in: " + o.error);
      }
      assertUnchanged();
      return o.error;
    }

    /** Once the administrator removed {@code refusedPath}, the tree transitions. */
    void transitionsAfterRemoving(String refusedPath) throws Exception {
      small.dfs().delete(new Path(refusedPath), true);
      TransitionRunner.Outcome o = small.transition(tree, 2);
      assertTrue(o.succeeded, o.error);
      assertEquals(before.get(secret), FileSnapshot.of(small.dfs(), secret));
      assertEquals(before.get(own), FileSnapshot.of(small.dfs(), own));
      for (Map.Entry<String, byte[]> e : contents.entrySet()) {
        assertTrue(java.util.Arrays.equals(e.getValue(),
            SampleFiles.read(small.dfs(), new Path(e.getKey()))), e.getKey());
        assertEquals("victim", small.dfs().getFileStatus(new Path(e.getKey())).getOwner());
      }
    }

    /** The tree as the coordinator addresses it during a run: by its inode. */
    String root() throws Exception {
      return BartPaths.byInode(small.dfs().getClient().getFileInfo(tree).getFileId());
    }

    /** {@code path} as the coordinator's records name it: under the tree's inode if in it. */
    String rooted(String path) throws Exception {
      return path.startsWith(tree + "/") ? root() + path.substring(tree.length()) : path;
    }

    /** What the record says about the file at {@code path} as it is now. */
    BatchFileProto entry(String path, String twin) throws Exception {
      HdfsFileStatus st = small.dfs().getClient().getFileInfo(path);
      return BatchFileProto.newBuilder().setPath(rooted(path)).setOriginalFileId(st.getFileId())
          .setLength(st.getLen()).setModificationTime(st.getModificationTime())
          .setTwinPath(rooted(twin)).build();
    }

    String twin(String path) throws Exception {
      return BartPaths.twin(tree, BATCH, small.dfs().getClient().getFileInfo(path).getFileId());
    }
  }

  private interface Action {
    void run(DistributedFileSystem fs) throws Exception;
  }

  private static void as(UserGroupInformation user, Action action) throws Exception {
    user.doAs((PrivilegedExceptionAction<Void>) () -> {
      try (DistributedFileSystem fs = (DistributedFileSystem) FileSystem.newInstance(
          small.cluster.conf())) {
        action.run(fs);
      }
      return null;
    });
  }

  /** Mallory creates {@code TREE/.bart/staging/b1/batch} with these bytes. */
  private static void plantAsMallory(Scene s, byte[] record) throws Exception {
    as(mallory, fs -> {
      fs.mkdirs(new Path(s.staging()));
      try (OutputStream out = fs.create(new Path(s.staging(), "batch"))) {
        out.write(record);
      }
    });
  }

  private static BatchProto.Builder record(BatchState state) {
    return BatchProto.newBuilder().setId(BATCH).setState(state);
  }

  // ---- Mallory's own .bart: she made it before any transition ----

  @Test
  void aStagingRecordNamingAnotherUsersFilesDeletesNothing() throws Exception {
    Scene s = new Scene();
    plantAsMallory(s, record(BatchState.BATCH_STAGING).addParityPaths(s.secret)
        .addParityPaths(s.file(0)).build().toByteArray());
    s.refused(s.hidden(), "mallory");
    s.transitionsAfterRemoving(s.hidden());
  }

  @Test
  void aForgedCommittingRecordCopiesNoAttributesAndRenamesNothing() throws Exception {
    Scene s = new Scene();
    plantAsMallory(s, record(BatchState.BATCH_COMMITTING)
        .addFiles(s.entry(s.secret, s.own)).build().toByteArray());
    s.refused(s.hidden(), "mallory");
    s.refused(s.hidden(), "mallory"); // and again: no NullPointerException, same refusal
    s.transitionsAfterRemoving(s.hidden());
  }

  @Test
  void aForgedRecordNamingTheVictimsFileAsATwinStealsNothing() throws Exception {
    Scene s = new Scene();
    plantAsMallory(s, record(BatchState.BATCH_COMMITTING)
        .addFiles(s.entry(s.own, s.secret)).addFiles(s.entry(s.file(1), s.file(0)))
        .build().toByteArray());
    s.refused(s.hidden(), "mallory");
    s.transitionsAfterRemoving(s.hidden());
  }

  @Test
  void garbageRecordBytesAreRefused() throws Exception {
    Scene s = new Scene();
    plantAsMallory(s, "not a batch record".getBytes(StandardCharsets.UTF_8));
    s.refused(s.hidden(), "mallory");
    s.transitionsAfterRemoving(s.hidden());
  }

  /** Runs the CLI against the cluster; returns its standard error, which must be one line. */
  private static String cliError(int expectedRc, String... args) throws Exception {
    String[] generic = {"-D", CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY + "="
        + small.cluster.conf().get(CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY),
        "-D", BartConfigKeys.NAMENODE_RPC_ADDRESS + "="
        + small.cluster.conf().get(BartConfigKeys.NAMENODE_RPC_ADDRESS)};
    String[] all = new String[generic.length + args.length];
    System.arraycopy(generic, 0, all, 0, generic.length);
    System.arraycopy(args, 0, all, generic.length, args.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = BartMain.run(all, new PrintStream(out, true), new PrintStream(err, true));
    System.out.println("CLI stderr: " + err);
    assertEquals(expectedRc, rc, err.toString());
    String[] lines = err.toString().trim().split("\n");
    assertEquals(1, lines.length, err.toString());
    assertTrue(lines[0].startsWith("bart -transition: "), lines[0]);
    return lines[0];
  }

  @Test
  void theCliPrintsTheRefusalInOneLine() throws Exception {
    Scene s = new Scene();
    plantAsMallory(s, record(BatchState.BATCH_STAGING).addParityPaths(s.secret).build()
        .toByteArray());
    String line = cliError(1, "-transition", s.tree, "-lambda", "2");
    assertTrue(line.contains(s.hidden()) && line.contains("mallory"), line);
    s.assertUnchanged();
    s.transitionsAfterRemoving(s.hidden());
  }

  @Test
  void requestsTheCoordinatorRefusesReachTheCliInOneLine() throws Exception {
    String line = cliError(1, "-transition", "/no/such/tree");
    assertTrue(line.contains("path /no/such/tree does not exist"), line);
    String[] denied = new String[1];
    mallory.doAs((PrivilegedExceptionAction<Void>) () -> {
      denied[0] = cliError(1, "-transition", "/victims");
      return null;
    });
    assertTrue(denied[0].contains("mallory") && denied[0].contains("superuser"), denied[0]);
  }

  // ---- A .bart of the superuser that someone else can write into ----

  @Test
  void aGroupWritableBartIsRefused() throws Exception {
    Scene s = new Scene();
    small.dfs().mkdirs(new Path(s.hidden()));
    small.dfs().setOwner(new Path(s.hidden()), null, "mallory");
    small.dfs().setPermission(new Path(s.hidden()), new FsPermission((short) 0770));
    plantAsMallory(s, record(BatchState.BATCH_STAGING).addParityPaths(s.secret).build()
        .toByteArray());
    s.refused(s.hidden(), "rwxrwx---");
    s.transitionsAfterRemoving(s.hidden());
  }

  @Test
  void aDirectoryUnderBartOwnedBySomeoneElseIsRefused() throws Exception {
    Scene s = new Scene();
    DistributedFileSystem dfs = small.dfs();
    dfs.mkdirs(new Path(s.staging()), new FsPermission((short) 0700));
    dfs.setPermission(new Path(s.hidden()), new FsPermission((short) 0700));
    dfs.setPermission(new Path(s.hidden(), "staging"), new FsPermission((short) 0700));
    try (OutputStream out = dfs.create(new Path(s.staging(), "batch"))) {
      out.write(record(BatchState.BATCH_COMMITTING).addFiles(s.entry(s.secret, s.own)).build()
          .toByteArray());
    }
    dfs.setOwner(new Path(s.staging()), "mallory", "mallory");
    dfs.setOwner(new Path(s.staging(), "batch"), "mallory", "mallory");
    s.refused(s.staging(), "mallory");
    s.transitionsAfterRemoving(s.staging());
  }

  // ---- Records in a sound .bart whose fields do not match BART's metadata ----

  /** Writes a record through BART's own store, as the coordinator would have. */
  private static void writeAsCoordinator(Scene s, BatchProto batch) throws Exception {
    BatchStore store = new BatchStore(new HdfsNamespace(small.dfs()), s.root(),
        StateOwnership.ofLoginUser());
    store.ensureDirs();
    store.write(batch);
  }

  @Test
  void aTwinOutsideTheStagingDirectoryIsRefused() throws Exception {
    Scene s = new Scene();
    writeAsCoordinator(s, record(BatchState.BATCH_COMMITTING)
        .addFiles(s.entry(s.file(0), s.own)).build());
    s.refused(s.own, "twin");
    s.transitionsAfterRemoving(s.staging());
  }

  @Test
  void aParityPathOutsideTheGroupsDirectoryIsRefused() throws Exception {
    Scene s = new Scene();
    writeAsCoordinator(s, record(BatchState.BATCH_STAGING).addParityPaths(s.secret)
        .addParityPaths(s.file(2)).build());
    s.refused(s.secret, "parity");
    s.transitionsAfterRemoving(s.staging());
  }

  @Test
  void anOriginalOutsideTheTreeIsRefused() throws Exception {
    Scene s = new Scene();
    writeAsCoordinator(s, record(BatchState.BATCH_COMMITTING)
        .addFiles(s.entry(s.secret, BartPaths.twin(s.tree, BATCH, 1))).build());
    s.refused(s.secret, "not under " + s.tree);
    s.transitionsAfterRemoving(s.staging());
  }

  @Test
  void aTwinThatNoWideGroupListsIsRefused() throws Exception {
    Scene s = new Scene();
    String twin = s.twin(s.file(0));
    writeAsCoordinator(s, record(BatchState.BATCH_COMMITTING)
        .addFiles(s.entry(s.file(0), twin)).build());
    SampleFiles.write(small.dfs(), new Path(twin), "not a twin".getBytes(StandardCharsets.UTF_8));
    s.refused(twin, "no wide group");
    s.refused(twin, "no wide group");
    s.transitionsAfterRemoving(s.staging());
  }

  @Test
  void aRecordUnderAnotherBatchsNameIsRefused() throws Exception {
    Scene s = new Scene();
    writeAsCoordinator(s, record(BatchState.BATCH_STAGING).setId("b2")
        .addParityPaths(BartPaths.parityFile(s.root(), "b2", 0)).build());
    // b2's genuine record moved under b1's name:
    small.dfs().rename(new Path(s.hidden() + "/staging/b2"), new Path(s.staging()));
    s.refused(s.staging(), "b2");
    s.transitionsAfterRemoving(s.staging());
  }

  @Test
  void anUnsealedOrAlteredRecordIsRefused() throws Exception {
    Scene s = new Scene();
    writeAsCoordinator(s, record(BatchState.BATCH_STAGING).build());
    Path batch = new Path(s.staging(), "batch");
    try (OutputStream out = small.dfs().append(batch)) {
      out.write(record(BatchState.BATCH_STAGING).addParityPaths(s.secret).build().toByteArray());
    }
    s.refused(batch.toString(), "not the ones the coordinator sealed");
    small.dfs().delete(batch, false);
    try (OutputStream out = small.dfs().create(batch)) {
      out.write(record(BatchState.BATCH_STAGING).build().toByteArray());
    }
    s.refused(batch.toString(), "no seal");
    s.transitionsAfterRemoving(s.staging());
  }

  @Test
  void aRecordNamingAnotherInodeForATreeFileIsRefused() throws Exception {
    Scene s = new Scene();
    long secretId = small.dfs().getClient().getFileInfo(s.secret).getFileId();
    writeAsCoordinator(s, record(BatchState.BATCH_COMMITTING).addFiles(
        s.entry(s.file(0), BartPaths.twin(s.tree, BATCH, secretId)).toBuilder()
            .setOriginalFileId(secretId)).build());
    s.refused(BartPaths.twin(s.tree, BATCH, secretId), "no wide group");
    s.transitionsAfterRemoving(s.staging());
  }

  /**
   * A genuine batch (its run crashed after verifying) whose record is altered to commit a file
   * its wide groups do not hold is refused; restored, it is recovered as usual.
   */
  @Test
  void aGenuineBatchWithAnAlteredRecordIsRefusedThenRecoveredOnceRestored() throws Exception {
    Scene s = new Scene();
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void afterPhase(String tree, Phase phase) {
        if (phase == Phase.VERIFY) {
          throw new SimulatedCrash("after " + phase);
        }
      }
    });
    try {
      assertFalse(small.transition(s.tree, 2).succeeded);
    } finally {
      CoordinatorFaultInjector.set(new CoordinatorFaultInjector());
    }
    BatchStore store = new BatchStore(new HdfsNamespace(small.dfs()), s.root(),
        StateOwnership.ofLoginUser());
    List<String> ids = store.batchIds();
    assertEquals(1, ids.size());
    BatchProto genuine = store.read(ids.get(0));
    long secretId = small.dfs().getClient().getFileInfo(s.secret).getFileId();
    String twin = BartPaths.twin(s.tree, genuine.getId(), secretId);
    store.write(genuine.toBuilder().setState(BatchState.BATCH_COMMITTING).setFiles(0,
        genuine.getFiles(0).toBuilder().setOriginalFileId(secretId)
            .setTwinPath(s.rooted(twin))).build());
    s.refused(twin, "no wide group");
    store.write(genuine);
    TransitionRunner.Outcome o = small.transition(s.tree, 2);
    assertTrue(o.succeeded, o.error);
    assertTrue(o.report.recovery.contains("rolled back"), o.report.recovery);
    assertEquals(s.before.get(s.secret), FileSnapshot.of(small.dfs(), s.secret));
    for (Map.Entry<String, byte[]> e : s.contents.entrySet()) {
      assertTrue(java.util.Arrays.equals(e.getValue(),
          SampleFiles.read(small.dfs(), new Path(e.getKey()))), e.getKey());
    }
  }

  /** The commit works on inodes: a file its owner touched during the run is not clobbered. */
  @Test
  void aFileTouchedByItsOwnerBeforeTheCommitKeepsItsInodeAndItsTwinBecomesAGhost()
      throws Exception {
    Scene s = new Scene();
    String touched = s.file(3);
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void afterPhase(String tree, Phase phase) {
        if (phase == Phase.VERIFY) {
          try {
            as(victim, fs -> fs.setTimes(new Path(touched), 12345L, -1));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }
    });
    TransitionRunner.Outcome o;
    try {
      o = small.transition(s.tree, 2);
    } finally {
      CoordinatorFaultInjector.set(new CoordinatorFaultInjector());
    }
    assertTrue(o.succeeded, o.error);
    assertEquals(1, o.report.notCommitted.size(), o.report.toJson());
    assertEquals(touched, o.report.notCommitted.get(0).path);
    assertEquals(s.before.get(touched).toString().replaceAll(" mtime=\\d+", ""),
        FileSnapshot.of(small.dfs(), touched).toString().replaceAll(" mtime=\\d+", ""));
    // Its twin was a ghost member until the coordinator re-protected its group without it.
    Path ghosts = new Path(s.hidden(), "ghosts");
    assertTrue(!small.dfs().exists(ghosts) || small.dfs().listStatus(ghosts).length == 0);
  }

  /**
   * Mallory renames the coordinator's .bart away while the run verifies and puts her own in its
   * place, with her bytes at every path the batch uses: the commit is refused, nothing of hers
   * lands at a victim's path, and once the administrator puts the genuine .bart back the batch is
   * recovered and the tree transitions.
   */
  @Test
  void aBartSwappedDuringTheRunIsRefusedAndTheGenuineOneStillRecovers() throws Exception {
    Scene s = new Scene();
    String stolen = s.tree + "/stolen";
    CoordinatorFaultInjector.set(new CoordinatorFaultInjector() {
      @Override
      public void afterPhase(String tree, Phase phase) {
        if (phase != Phase.VERIFY) {
          return;
        }
        try {
          List<String> paths = new ArrayList<>();
          for (FileStatus b : small.dfs().listStatus(new Path(s.hidden(), "staging"))) {
            for (FileStatus f : small.dfs().listStatus(b.getPath())) {
              paths.add(f.getPath().toUri().getPath());
            }
          }
          as(mallory, fs -> {
            assertTrue(fs.rename(new Path(s.hidden()), new Path(stolen)));
            for (String p : paths) {
              try (OutputStream out = fs.create(new Path(p))) {
                out.write("mallory's".getBytes(StandardCharsets.UTF_8));
              }
            }
          });
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    });
    try {
      s.refused(s.staging().replace(BATCH, ""), "mallory");
    } finally {
      CoordinatorFaultInjector.set(new CoordinatorFaultInjector());
    }
    small.dfs().delete(new Path(s.hidden()), true);
    small.dfs().rename(new Path(stolen), new Path(s.hidden()));
    TransitionRunner.Outcome o = small.transition(s.tree, 2);
    assertTrue(o.succeeded, o.error);
    assertTrue(o.report.recovery.contains("rolled back"), o.report.recovery);
    for (Map.Entry<String, byte[]> e : s.contents.entrySet()) {
      assertTrue(java.util.Arrays.equals(e.getValue(),
          SampleFiles.read(small.dfs(), new Path(e.getKey()))), e.getKey());
      assertEquals("victim", small.dfs().getFileStatus(new Path(e.getKey())).getOwner());
    }
  }

  // ---- Item 5: a file the superuser may not read is skipped, not fatal ----

  @Test
  void aFileUnreadableByTheSuperuserIsSkippedWithItsReason() throws Exception {
    Scene s = new Scene();
    String marked = s.file(2);
    as(victim, fs -> fs.setXAttr(new Path(marked), "security.hdfs.unreadable.by.superuser",
        null));
    TransitionRunner.Outcome o = small.transition(s.tree, 2);
    assertTrue(o.succeeded, o.error);
    boolean named = false;
    for (SkippedFile f : o.report.skipped) {
      named |= f.path.equals(marked) && f.reason.contains("security.hdfs.unreadable.by.superuser");
    }
    assertTrue(named, "skipped with its reason: " + o.report.toJson());
  }
}
