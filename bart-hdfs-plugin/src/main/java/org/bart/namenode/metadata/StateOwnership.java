package org.bart.namenode.metadata;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.namenode.hdfs.InodeInfo;
import org.bart.namenode.hdfs.Namespace;

/**
 * Who may have written an inode of BART's state: it is trusted only if it is owned by the user the
 * coordinator runs as (the HDFS superuser), without group or other write permission and without an
 * ACL. Only the superuser can change an inode's owner, so nobody else can make their own
 * directory or record pass, and nobody else can write into one that passes.
 */
public final class StateOwnership {

  private final String superuser;

  /** @param superuser the short name of the user the coordinator's file system client runs as */
  public StateOwnership(String superuser) {
    this.superuser = superuser;
  }

  /** BART's state belongs to the user this process (the NameNode) logged in as. */
  public static StateOwnership ofLoginUser() throws IOException {
    return new StateOwnership(UserGroupInformation.getLoginUser().getShortUserName());
  }

  /**
   * Why an inode with these attributes cannot be trusted, or null if it can.
   *
   * @param directory whether the inode must be a directory (else a file)
   */
  static String problem(String superuser, boolean directory, boolean isDirectory, String owner,
      String group, FsPermission permission, boolean hasAcl) {
    String found = (isDirectory ? "a directory" : "a file") + " owned by " + owner + ":" + group
        + " with mode " + permission + (hasAcl ? " and an ACL" : "");
    if (directory != isDirectory) {
      return "it is " + found + ", not " + (directory ? "a directory" : "a file");
    }
    if (!owner.equals(superuser)) {
      return "it is " + found + ", not owned by the HDFS superuser " + superuser
          + " (someone else created it)";
    }
    if (permission.getGroupAction().implies(FsAction.WRITE)
        || permission.getOtherAction().implies(FsAction.WRITE) || hasAcl) {
      return "it is " + found + ": others than " + superuser + " may write into it";
    }
    return null;
  }

  /**
   * Checks one inode of BART's state.
   *
   * @param what what BART keeps there, for the message ("BART's directory", "batch record")
   * @throws UntrustedStateException naming the path, what is wrong and what to do
   */
  public void check(InodeInfo st, boolean directory, String what) throws IOException {
    String path = st.path();
    String problem = problem(superuser, directory, st.isDirectory(), st.owner(), st.group(),
        st.permission(), st.hasAcl());
    if (problem != null) {
      throw new UntrustedStateException("refusing " + what + " " + path + ": " + problem
          + "; BART did not leave it so and will not act on it. Check what it holds, remove it "
          + "as " + superuser + " (hdfs dfs -rm -r " + path + ") and run again");
    }
  }

  /**
   * Checks the inode at {@code path} (see {@link #check(InodeInfo, boolean, String)}) and returns
   * its id, so that the caller acts on the very inode checked ({@link BartPaths#byInode}) even if
   * someone renames things around it after.
   *
   * @throws FileNotFoundException if there is nothing at {@code path}
   */
  public long checkedInode(Namespace ns, String path, boolean directory, String what)
      throws IOException {
    InodeInfo st = ns.info(path);
    if (st == null) {
      throw new FileNotFoundException(what + " " + path + " does not exist");
    }
    check(st, directory, what);
    return st.fileId();
  }

  /** The user BART's state must belong to. */
  public String superuser() {
    return superuser;
  }
}
