package org.bart.namenode.hdfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.EnumSet;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.AlreadyBeingCreatedException;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.hdfs.protocol.OpenFileEntry;
import org.apache.hadoop.hdfs.protocol.OpenFilesIterator.OpenFilesType;
import org.apache.hadoop.hdfs.server.namenode.LeaseExpiredException;
import org.apache.hadoop.io.EnumSetWritable;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.util.StringUtils;

/**
 * Keeps writers off a closed file while the commit replaces it: HDFS has no conditional rename,
 * but it lets one client at a time hold a file open for write. The commit opens the file for
 * append without a block (nothing changes in it, not even its times), so the NameNode refuses
 * every other append or reopen until the replacing rename ends the lease, or the commit releases
 * it.
 *
 * <p>The lease holder's name is unguessable: the NameNode trusts a client's name, so whoever knew
 * it could add blocks to the held file without the right to write it. Its prefix tells a later
 * run (which asks the NameNode who holds a file) what a run that died left held.
 */
final class WriterHold {

  static final String HOLDER_PREFIX = "BART_commit_";

  private final String holder;

  WriterHold() {
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    this.holder = HOLDER_PREFIX + StringUtils.byteToHexString(secret);
  }

  /**
   * Holds {@code path} open for write.
   *
   * @return false if another writer has it open
   * @throws FileNotFoundException if it does not exist
   */
  boolean hold(DistributedFileSystem dfs, String path) throws IOException {
    try {
      dfs.getClient().getNamenode().append(path, holder,
          new EnumSetWritable<>(EnumSet.of(CreateFlag.APPEND, CreateFlag.NEW_BLOCK)));
      return true;
    } catch (RemoteException e) {
      IOException cause = e.unwrapRemoteException(AlreadyBeingCreatedException.class,
          FileNotFoundException.class);
      if (cause instanceof AlreadyBeingCreatedException) {
        return false;
      }
      throw cause;
    }
  }

  /**
   * Closes {@code path} (whose status is {@code st} and plain path {@code plainPath}) if this or an
   * earlier commit holds it, and gives it back the modification and access times it had (closing a
   * file stamps it with the time).
   *
   * @return false if no commit holds it (closed, or another writer's)
   */
  boolean release(DistributedFileSystem dfs, String path, HdfsFileStatus st, Path plainPath)
      throws IOException {
    String by = leaseHolder(dfs, plainPath);
    if (by == null || !by.startsWith(HOLDER_PREFIX)) {
      return false;
    }
    if (by.equals(holder)) {
      complete(dfs, path, st.getFileId());
    } else if (!dfs.recoverLease(plainPath)) { // a run that died: its name is lost with it
      throw new IOException("the NameNode did not close " + plainPath + ", held by a BART "
          + "commit that ended; it closes it when the lease expires");
    }
    dfs.setTimes(plainPath, st.getModificationTime(), st.getAccessTime());
    return true;
  }

  private void complete(DistributedFileSystem dfs, String path, long fileId) throws IOException {
    try {
      if (!dfs.getClient().getNamenode().complete(path, holder, null, fileId)) {
        throw new IOException("the NameNode did not close " + path + " released by BART");
      }
    } catch (RemoteException e) {
      throw e.unwrapRemoteException(LeaseExpiredException.class, FileNotFoundException.class);
    }
  }

  /** Who holds {@code plainPath} open for write, or null if no one. */
  private static String leaseHolder(DistributedFileSystem dfs, Path plainPath)
      throws IOException {
    String name = plainPath.toUri().getPath();
    RemoteIterator<OpenFileEntry> open =
        dfs.listOpenFiles(EnumSet.of(OpenFilesType.ALL_OPEN_FILES), name);
    while (open.hasNext()) {
      OpenFileEntry e = open.next();
      if (e.getFilePath().equals(name)) {
        return e.getClientName();
      }
    }
    return null;
  }
}
