package org.bart.namenode.transition;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bart.namenode.hdfs.InodeInfo;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.BatchStore;
import org.bart.namenode.metadata.GroupMetadata;
import org.bart.namenode.metadata.StateOwnership;
import org.bart.namenode.metadata.TreeIndex;
import org.bart.protocol.proto.MetadataProtos.BatchFileProto;
import org.bart.protocol.proto.MetadataProtos.BatchProto;
import org.bart.protocol.proto.MetadataProtos.GroupState;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;
import org.bart.report.SkippedFile;

/**
 * Phase 5: replaces each original file by its twin in one atomic rename, after giving the twin
 * the original's attributes and its BART membership. A file that changed since discovery (deleted,
 * renamed, replaced, written or reopened: {@link FileChange}) is never clobbered: its twin is kept
 * as a ghost member, so that the wide parity of its group still protects the other members, until
 * the maintenance pass re-protects them without it and deletes the ghost. Works from the batch
 * record and the groups' metadata alone, so a crashed commit can be finished by a later run.
 */
public final class Committer {

  private final Namespace ns;
  private final String tree;
  private final BatchStore store;
  private final StateOwnership trust;

  Committer(Namespace ns, String tree, BatchStore store, StateOwnership trust) {
    this.ns = ns;
    this.tree = tree;
    this.store = store;
    this.trust = trust;
  }

  /**
   * Commits every file of {@code batch} not committed yet and marks its groups committed. Before
   * anything changes, the batch's groups are read from their trusted metadata and every file of
   * the record is checked against them ({@link BatchGroups}); the attributes a twin gets are read
   * from the original's inode, not from whatever is at its path, and the twin is handled by its
   * inode too.
   *
   * @return the files that were not committed, with the reason
   * @throws org.bart.namenode.metadata.UntrustedStateException if the record and the groups
   *     disagree (nothing is changed then)
   */
  List<SkippedFile> commit(BatchProto batch) throws IOException {
    BatchGroups groups = BatchGroups.forCommit(ns, trust, batch);
    List<SkippedFile> notCommitted = new ArrayList<>();
    List<Long> ghosts = new ArrayList<>();
    for (BatchFileProto f : batch.getFilesList()) {
      InodeInfo twin = ns.info(f.getTwinPath());
      if (twin == null) { // committed or made a ghost by an earlier attempt
        if (isGhost(groups.twinOf(f.getOriginalFileId()))) {
          ghosts.add(f.getOriginalFileId());
        }
        continue;
      }
      // The twin by its inode, the one the groups list (BatchGroups checked the one at its path).
      String twinInode = BartPaths.byInode(groups.twinOf(f.getOriginalFileId()));
      String changed = commitFile(f, groups, twinInode);
      if (changed != null) {
        ghost(twinInode, twin.fileId());
        ghosts.add(f.getOriginalFileId());
        notCommitted.add(new SkippedFile(f.getPath(), changed
            + "; left out: its twin is kept as a ghost member (in .bart/ghosts) until its group is "
            + "re-protected without it"));
        continue;
      }
      CoordinatorFaultInjector.get().afterFileCommit(f.getPath());
    }
    for (Map.Entry<String, WideGroupProto> e : groups.groups.entrySet()) {
      WideGroupProto.Builder g = e.getValue().toBuilder().setState(GroupState.COMMITTED);
      for (MemberProto.Builder m : g.getMembersBuilderList()) {
        if (ghosts.contains(m.getOriginalFileId())) {
          m.setGhost(true);
        }
      }
      GroupMetadata.writeGroup(ns, e.getKey(), g.build());
    }
    // The maintenance loop looks after the tree from now on: index the .bart checked to be BART's.
    TreeIndex.add(ns, BartPaths.byInode(
        trust.checkedInode(ns, BartPaths.hidden(tree), true, "BART's directory")));
    return notCommitted;
  }

  /**
   * Replaces the original of {@code f} by its twin unless the original changed since discovery:
   * checked, attributes and membership given to the twin, the original held against writers,
   * checked again, then replaced.
   *
   * @return null once committed, else what changed (the twin is then left as it is)
   */
  private String commitFile(BatchFileProto f, BatchGroups groups, String twinInode)
      throws IOException {
    String original = BartPaths.byInode(f.getOriginalFileId());
    String changed = changedSinceDiscovery(f, false);
    if (FileChange.REOPENED.equals(changed) && ns.releaseHold(original)) {
      changed = changedSinceDiscovery(f, false); // the hold was an earlier attempt's
    }
    boolean held = false;
    if (changed == null) {
      FileNotFoundException gone = null;
      String refused = null;
      try {
        ns.copyAttributes(original, twinInode);
        GroupMetadata.writeMembership(ns, twinInode,
            groups.membershipOf(f.getOriginalFileId()));
        refused = hold(original);
        held = refused == null;
      } catch (FileNotFoundException e) {
        gone = e; // the original went away meanwhile: the check below says how
      }
      // Again, once no one else can write it: the owner may have changed it meanwhile.
      changed = changedSinceDiscovery(f, held);
      if (changed == null && gone != null) {
        throw gone;
      }
      if (changed == null) {
        changed = refused;
      }
    }
    if (changed != null) {
      if (held) {
        ns.releaseHold(original);
      }
      return changed;
    }
    CoordinatorFaultInjector.get().beforeFileCommit(f.getPath());
    return replace(twinInode, f.getOriginalFileId());
  }

  /**
   * Null if the original is as discovery saw it, else what changed; {@code held}: open for write
   * by this commit's hold, which is no change.
   */
  private String changedSinceDiscovery(BatchFileProto f, boolean held) throws IOException {
    return FileChange.of(ns, f.getPath(), f.getOriginalFileId(), f.getLength(),
        f.getModificationTime(), held);
  }

  /** Null once {@code original} is held against writers, else why it could not be. */
  private String hold(String original) throws IOException {
    try {
      return ns.holdAgainstWriters(original) ? null : FileChange.REOPENED;
    } catch (FileNotFoundException e) {
      throw e;
    } catch (IOException e) { // e.g. a space quota, which the NameNode checks on append
      return "could not be held against writers (" + e.getMessage() + ")";
    }
  }

  /**
   * Renames the twin over the original, named by its inode: the NameNode resolves that name when
   * it renames, so whatever was put at the original's path meanwhile is never replaced, and a
   * deleted original is not brought back.
   *
   * @return null once replaced; {@link FileChange#DELETED} if the original is gone
   */
  private String replace(String twinInode, long originalId) throws IOException {
    try {
      ns.replace(twinInode, BartPaths.byInode(originalId));
      return null;
    } catch (FileNotFoundException e) {
      if (ns.info(BartPaths.byInode(originalId)) == null) {
        return FileChange.DELETED;
      }
      throw e;
    }
  }

  /** Whether the twin {@code twinId} is a ghost: in the ghosts directory, under its id. */
  private boolean isGhost(long twinId) throws IOException {
    InodeInfo g = ns.info(BartPaths.ghost(tree, twinId));
    return g != null && g.fileId() == twinId;
  }

  private void ghost(String twinInode, long twinFileId) throws IOException {
    store.ensureDir(BartPaths.ghostsDir(tree));
    ns.rename(twinInode, BartPaths.ghost(tree, twinFileId));
  }
}
