package org.bart.namenode.transition;

import java.util.HashSet;
import java.util.Set;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.UntrustedStateException;
import org.bart.protocol.proto.MetadataProtos.BatchFileProto;
import org.bart.protocol.proto.MetadataProtos.BatchProto;

/**
 * Checks that every field of a batch record is one the coordinator could have written for this
 * tree and this batch, from the record alone (no file system): its id is its directory's name;
 * each original is a distinct normalised path under the tree and outside {@code .bart}; each twin
 * is exactly {@code TREE/.bart/staging/ID/twin-ORIGINALID}; the parity files are exactly {@code
 * TREE/.bart/groups/ID-0, -1, ...}; lengths and times are not negative. What the NameNode and the
 * groups' metadata say of these inodes is checked by {@link BatchGroups}.
 */
final class BatchRecordCheck {

  private BatchRecordCheck() {
  }

  /**
   * Checks {@code batch}, found in the staging directory named {@code batchId} of {@code tree}.
   *
   * @throws UntrustedStateException naming the first field that is wrong
   */
  static void check(String tree, String batchId, BatchProto batch)
      throws UntrustedStateException {
    String record = BartPaths.batchRecord(tree, batchId);
    if (!batch.getId().equals(batchId)) {
      throw refused(record, "it names batch " + batch.getId() + ", not " + batchId);
    }
    Set<Long> originals = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (BatchFileProto f : batch.getFilesList()) {
      String path = f.getPath();
      if (!isUnder(path, tree) || isUnder(path, BartPaths.hidden(tree))
          || path.equals(BartPaths.hidden(tree))) {
        throw refused(record, "file " + path + " is not under " + tree + " or is BART's own");
      }
      if (!originals.add(f.getOriginalFileId()) || !paths.add(path)) {
        throw refused(record, "file " + path + " (inode " + f.getOriginalFileId()
            + ") is listed twice");
      }
      String twin = BartPaths.twin(tree, batchId, f.getOriginalFileId());
      if (!f.getTwinPath().equals(twin)) {
        throw refused(record, "the twin " + f.getTwinPath() + " of " + path + " is not " + twin);
      }
      if (f.getLength() < 0 || f.getModificationTime() < 0) {
        throw refused(record, "file " + path + " has a negative length or time");
      }
    }
    for (int g = 0; g < batch.getParityPathsCount(); g++) {
      String parity = BartPaths.parityFile(tree, batchId, g);
      if (!batch.getParityPaths(g).equals(parity)) {
        throw refused(record, "parity file " + g + " is " + batch.getParityPaths(g) + ", not "
            + parity);
      }
    }
  }

  /** Whether {@code path} is a normalised absolute path strictly below {@code dir}. */
  static boolean isUnder(String path, String dir) {
    String prefix = dir.endsWith("/") ? dir : dir + "/";
    if (!path.startsWith(prefix) || path.length() == prefix.length() || path.endsWith("/")) {
      return false;
    }
    for (String part : path.substring(prefix.length()).split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static UntrustedStateException refused(String record, String why) {
    return new UntrustedStateException("refusing batch record " + record + ": " + why
        + "; BART will not act on it. Check it, remove " + record.substring(0,
        record.lastIndexOf('/')) + " as the HDFS superuser and run again");
  }
}
