package org.bart.namenode.metadata;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.thirdparty.protobuf.InvalidProtocolBufferException;
import org.bart.namenode.hdfs.InodeInfo;
import org.bart.namenode.hdfs.Namespace;
import org.bart.protocol.proto.MetadataProtos.BatchProto;

/**
 * The durable records of transition batches of one tree ({@code TREE/.bart/staging/BATCH/batch}),
 * each replaced atomically (written aside, sealed, then renamed over). A batch's record says
 * whether a crashed run must be rolled back or rolled forward.
 *
 * <p>Only the superuser can have written what this store hands out: {@code .bart}, its
 * directories and every record must pass {@link StateOwnership} (owned by the coordinator's user,
 * no group or other write, no ACL), and a record must carry the seal the coordinator put on it,
 * {@code trusted.bart.batch} = SHA-256 of its bytes, an xattr only the superuser can set. The
 * record stays a file, not an xattr, because a batch lists every file of the run and an xattr is
 * limited to {@code dfs.namenode.fs-limits.max-xattr-size} (16 KiB by default). Whatever fails a
 * check is refused with an {@link UntrustedStateException} and left as it is.
 */
public final class BatchStore {

  private static final short PRIVATE_DIR = 0700;
  private static final String RECORD = "batch record";

  private final Namespace ns;
  private final String tree;
  private final StateOwnership trust;

  public BatchStore(Namespace ns, String tree, StateOwnership trust) {
    this.ns = ns;
    this.tree = tree;
    this.trust = trust;
  }

  /**
   * Creates {@code .bart}, its groups and staging directories, private to the superuser, and
   * replicated whatever the tree's EC policy (BART's own small files are not erasure coded); or,
   * where they exist, checks that only the superuser can have written them.
   */
  public void ensureDirs() throws IOException {
    ensureDir(BartPaths.hidden(tree));
    ensureDir(BartPaths.groupsDir(tree));
    ensureDir(BartPaths.stagingDir(tree));
    ns.setReplicated(BartPaths.hidden(tree));
  }

  /**
   * Creates {@code dir} (one level, under a checked parent) private to the superuser, or checks
   * the one that exists: whoever made it first, it is used only if the superuser owns it.
   */
  public void ensureDir(String dir) throws IOException {
    if (ns.info(dir) == null) {
      ns.mkdir(dir, PRIVATE_DIR);
    }
    trust.checkedInode(ns, dir, true, "BART's directory");
  }

  /** Writes the record of {@code batch} and seals it, replacing the one there. */
  public void write(BatchProto batch) throws IOException {
    String dir = BartPaths.batchDir(tree, batch.getId());
    ensureDir(dir);
    String tmp = dir + "/batch.tmp";
    byte[] bytes = batch.toByteArray();
    ns.writeFile(tmp, bytes);
    ns.setXAttr(tmp, BartPaths.BATCH_SEAL_XATTR, seal(bytes));
    ns.replace(tmp, BartPaths.batchRecord(tree, batch.getId()));
  }

  /**
   * The record of {@code batchId}, or null if the batch never wrote one.
   *
   * @throws UntrustedStateException if the coordinator did not write it as it is
   */
  public BatchProto read(String batchId) throws IOException {
    String path = BartPaths.batchRecord(tree, batchId);
    InodeInfo st = ns.info(path);
    if (st == null) {
      return null;
    }
    trust.check(st, false, RECORD);
    byte[] bytes = ns.readFile(path);
    byte[] sealed = ns.getXAttr(path, BartPaths.BATCH_SEAL_XATTR);
    if (sealed == null || !Arrays.equals(sealed, seal(bytes))) {
      throw refused(path, sealed == null ? "it carries no seal (" + BartPaths.BATCH_SEAL_XATTR
          + ") of the coordinator" : "its bytes are not the ones the coordinator sealed");
    }
    try {
      return BatchProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw refused(path, "it is not a batch record (" + e.getMessage() + ")");
    }
  }

  private UntrustedStateException refused(String path, String why) {
    return new UntrustedStateException("refusing " + RECORD + " " + path + ": " + why
        + "; BART will not act on it. Check it, remove " + path.substring(0, path.lastIndexOf('/'))
        + " as " + trust.superuser() + " and run again");
  }

  /**
   * Ids of the batches with a staging directory (unfinished or not cleaned up), once {@code
   * .bart}, its staging directory and each batch's directory are found to be the superuser's.
   */
  public List<String> batchIds() throws IOException {
    List<String> ids = new ArrayList<>();
    InodeInfo hidden = ns.info(BartPaths.hidden(tree));
    if (hidden == null) {
      return ids;
    }
    trust.check(hidden, true, "BART's directory");
    InodeInfo staging = ns.info(BartPaths.stagingDir(tree));
    if (staging != null) {
      trust.check(staging, true, "BART's directory");
      for (InodeInfo s : ns.list(BartPaths.stagingDir(tree))) {
        trust.check(s, true, "BART's batch directory");
        ids.add(s.name());
      }
    }
    return ids;
  }

  /**
   * Deletes the batch's staging directory (its twins and record): the very directory found to be
   * the superuser's, by its inode id, whatever was renamed in between.
   */
  public void deleteStaging(String batchId) throws IOException {
    String dir = BartPaths.batchDir(tree, batchId);
    if (ns.info(dir) != null) {
      long id = trust.checkedInode(ns, dir, true, "BART's batch directory");
      ns.delete(BartPaths.byInode(id), true);
    }
  }

  private static byte[] seal(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
