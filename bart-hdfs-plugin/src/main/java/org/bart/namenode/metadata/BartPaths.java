package org.bart.namenode.metadata;

/**
 * Where BART keeps its files inside a transitioned tree: {@code TREE/.bart/groups/} holds one
 * parity file per wide group, {@code TREE/.bart/staging/BATCH/} the twins and the record of a
 * transition in progress. The directory is owned by the HDFS superuser with mode 0700.
 */
public final class BartPaths {

  /** Name of the hidden directory in a transitioned tree. */
  public static final String HIDDEN_DIR = ".bart";

  /** xattr of a parity file: its wide group ({@code WideGroupProto}). */
  public static final String GROUP_XATTR = "trusted.bart.group";
  /** xattr of a member file: its wide groups ({@code MembershipProto}). */
  public static final String MEMBER_XATTR = "trusted.bart.member";
  /** xattr of a batch record: the SHA-256 of its bytes, set by the coordinator before it. */
  static final String BATCH_SEAL_XATTR = "trusted.bart.batch";

  private BartPaths() {
  }

  public static String hidden(String tree) {
    return (tree.endsWith("/") ? tree : tree + "/") + HIDDEN_DIR;
  }

  public static String groupsDir(String tree) {
    return hidden(tree) + "/groups";
  }

  static String stagingDir(String tree) {
    return hidden(tree) + "/staging";
  }

  static String batchDir(String tree, String batchId) {
    return stagingDir(tree) + "/" + batchId;
  }

  public static String batchRecord(String tree, String batchId) {
    return batchDir(tree, batchId) + "/batch";
  }

  public static String twin(String tree, String batchId, long originalFileId) {
    return batchDir(tree, batchId) + "/twin-" + originalFileId;
  }

  public static String ghostsDir(String tree) {
    return hidden(tree) + "/ghosts";
  }

  /** The ghost of a member file that changed before its commit: its twin, by the twin's id. */
  public static String ghost(String tree, long twinFileId) {
    return ghostsDir(tree) + "/" + twinFileId;
  }

  public static String parityFile(String tree, String batchId, int group) {
    return groupsDir(tree) + "/" + batchId + "-" + group;
  }

  /**
   * Wide parity {@code parity} of a re-encoded group while it is staged: a one-block file that is
   * concatenated into the group's parity file (staging files go with the batch directory).
   */
  public static String parityPart(String tree, String batchId, int group, int parity) {
    return batchDir(tree, batchId) + "/parity-" + group + "-" + parity;
  }

  /** A path naming the inode {@code fileId} wherever it is (stable across renames). */
  public static String byInode(long fileId) {
    return "/.reserved/.inodes/" + fileId;
  }
}
