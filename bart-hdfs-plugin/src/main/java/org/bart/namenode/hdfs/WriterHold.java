package org.bart.namenode.hdfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.EnumSet;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.hdfs.DFSClient;
import org.apache.hadoop.hdfs.protocol.AlreadyBeingCreatedException;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.hdfs.server.namenode.LeaseExpiredException;
import org.apache.hadoop.io.EnumSetWritable;
import org.apache.hadoop.ipc.RemoteException;

/**
 * Keeps writers off a closed file while the commit replaces it: HDFS has no conditional rename,
 * but it lets one client at a time hold a file open for write. The commit opens the file for
 * append without a block (nothing changes in it, not even its times), so the NameNode refuses
 * every other append or reopen until the replacing rename ends the lease, or the commit releases
 * it. The lease holder is a fixed name, so that a later run can release what a run that died
 * left held.
 */
final class WriterHold {

  /** The lease holder of every hold; no DFSClient names itself so. */
  static final String HOLDER = "BART_commit";

  private WriterHold() {
  }

  /**
   * Holds {@code path} open for write as {@link #HOLDER}.
   *
   * @return false if another writer has it open
   * @throws FileNotFoundException if it does not exist
   */
  static boolean hold(DFSClient client, String path) throws IOException {
    try {
      client.getNamenode().append(path, HOLDER,
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
   * Closes {@code path} if {@link #HOLDER} holds it, and gives it back the modification and
   * access times it had (closing a file stamps it with the time).
   *
   * @return false if it is not held by {@link #HOLDER} (closed, or another writer's)
   */
  static boolean release(DFSClient client, String path) throws IOException {
    HdfsFileStatus st = client.getFileInfo(path);
    if (st == null) {
      return false;
    }
    try {
      if (!client.getNamenode().complete(path, HOLDER, null, st.getFileId())) {
        throw new IOException("the NameNode did not close " + path + " released by BART");
      }
    } catch (RemoteException e) {
      IOException cause = e.unwrapRemoteException(LeaseExpiredException.class,
          FileNotFoundException.class);
      if (cause instanceof LeaseExpiredException || cause instanceof FileNotFoundException) {
        return false; // not BART's lease, or no lease at all
      }
      throw cause;
    }
    client.setTimes(path, st.getModificationTime(), st.getAccessTime());
    return true;
  }
}
