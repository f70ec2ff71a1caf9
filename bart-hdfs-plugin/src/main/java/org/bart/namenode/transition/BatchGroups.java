package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bart.namenode.hdfs.InodeInfo;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.GroupMetadata;
import org.bart.namenode.metadata.StateOwnership;
import org.bart.namenode.metadata.UntrustedStateException;
import org.bart.protocol.proto.MetadataProtos.BatchFileProto;
import org.bart.protocol.proto.MetadataProtos.BatchProto;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.protocol.proto.MetadataProtos.MemberRefProto;
import org.bart.protocol.proto.MetadataProtos.MembershipProto;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;

/**
 * The wide groups of a batch as BART's trusted metadata ({@code trusted.bart.group} on each parity
 * file, which only the superuser can write) records them, checked against a batch record (itself
 * checked by {@link BatchRecordCheck}) before anything is deleted, renamed or chowned: each parity
 * file is a file of the superuser whose group belongs to this batch, every original the record
 * lists is a member of one of its groups, and a twin that exists is the very inode the groups list
 * as that original's twin.
 */
final class BatchGroups {

  /** Parity file (by inode: {@code /.reserved/.inodes/ID}) to its group, in the record's order. */
  final Map<String, WideGroupProto> groups = new LinkedHashMap<>();
  private final Map<Long, TreeMap<Integer, MemberRefProto>> membership = new HashMap<>();
  private final Map<Long, Long> twinOf = new HashMap<>();

  private BatchGroups() {
  }

  /**
   * The parity files of a batch to roll back that exist, as inode paths, once each is found to
   * be the superuser's file of this batch.
   */
  static List<String> existingParity(Namespace ns, StateOwnership trust, BatchProto batch)
      throws IOException {
    List<String> found = new ArrayList<>();
    for (String parity : batch.getParityPathsList()) {
      if (ns.info(parity) != null) {
        found.add(checkedParity(ns, trust, batch, parity, false));
      }
    }
    return found;
  }

  /** Reads and checks the groups of a batch to commit. */
  static BatchGroups forCommit(Namespace ns, StateOwnership trust, BatchProto batch)
      throws IOException {
    BatchGroups b = new BatchGroups();
    for (String parity : batch.getParityPathsList()) {
      if (ns.info(parity) == null) {
        throw refused(batch, parity, "the parity file is missing");
      }
      String byInode = checkedParity(ns, trust, batch, parity, true);
      WideGroupProto g = GroupMetadata.readGroup(ns, byInode);
      b.groups.put(byInode, g);
      long parityId = ns.info(byInode).fileId();
      for (int p = 0; p < g.getMembersCount(); p++) {
        MemberProto m = g.getMembers(p);
        b.membership.computeIfAbsent(m.getOriginalFileId(), id -> new TreeMap<>())
            .put(m.getGroupIndex(), MemberRefProto.newBuilder().setParityFileId(parityId)
                .setPosition(p).build());
        Long other = b.twinOf.put(m.getOriginalFileId(), m.getFileId());
        if (other != null && other != m.getFileId()) {
          throw refused(batch, parity, "inode " + m.getOriginalFileId() + " has two twins");
        }
      }
    }
    for (BatchFileProto f : batch.getFilesList()) {
      Long twin = b.twinOf.get(f.getOriginalFileId());
      if (twin == null) {
        throw refused(batch, f.getTwinPath(), "no wide group of the batch lists a twin of "
            + f.getPath() + " (inode " + f.getOriginalFileId() + ")");
      }
      InodeInfo st = ns.info(f.getTwinPath());
      if (st != null && st.fileId() != twin) {
        throw refused(batch, f.getTwinPath(), "it is inode " + st.fileId()
            + ", but no wide group lists it: the twin of " + f.getPath() + " is inode " + twin);
      }
    }
    return b;
  }

  /** The inode id of the twin of {@code originalFileId}, as its wide groups list it. */
  long twinOf(long originalFileId) {
    return twinOf.get(originalFileId);
  }

  /** The membership xattr the twin of {@code originalFileId} gets at commit. */
  MembershipProto membershipOf(long originalFileId) {
    return MembershipProto.newBuilder().addAllGroups(membership.get(originalFileId).values())
        .build();
  }

  /**
   * Checks one parity file of the batch: the superuser's, with a group of this batch (or, unless
   * {@code required}, none yet); returns its inode path.
   */
  private static String checkedParity(Namespace ns, StateOwnership trust, BatchProto batch,
      String parity, boolean required) throws IOException {
    String byInode = BartPaths.byInode(trust.checkedInode(ns, parity, false, "parity file"));
    WideGroupProto g = GroupMetadata.readGroup(ns, byInode);
    if (g == null && required) {
      throw refused(batch, parity, "the parity file has no wide group metadata");
    }
    if (g != null && !g.getBatchId().equals(batch.getId())) {
      throw refused(batch, parity, "its wide group belongs to batch " + g.getBatchId());
    }
    return byInode;
  }

  private static UntrustedStateException refused(BatchProto batch, String path, String why) {
    return new UntrustedStateException("refusing batch " + batch.getId() + " at " + path + ": "
        + why + "; BART will not act on the batch. Check it, remove the tree's .bart/staging/"
        + batch.getId() + " as the HDFS superuser and run again");
  }
}
