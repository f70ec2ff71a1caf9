package org.bart.namenode.hdfs;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.ipc.RemoteException;

/** NameNode calls that must wait for block reports: bounded retries with backoff. */
public final class NameNodeCalls {

  private static final long DEADLINE_MS = 120_000;

  private NameNodeCalls() {
  }

  /** Allocates the next block, waiting while the NameNode says the one before is not reported. */
  public static LocatedBlock addBlock(PlacedFile f, ExtendedBlock previous, String favoredNode)
      throws IOException {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    long pause = 20;
    while (true) {
      try {
        return f.addBlock(previous, favoredNode);
      } catch (RemoteException e) {
        if (!e.getClassName().endsWith("NotReplicatedYetException")
            || System.currentTimeMillis() > deadline) {
          throw e;
        }
      }
      pause = sleep(pause, f.path());
    }
  }

  /** Closes the file once the NameNode has every replica of {@code last}. */
  public static void complete(PlacedFile f, ExtendedBlock last) throws IOException {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    long pause = 20;
    while (!f.tryComplete(last)) {
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("the NameNode did not hear of every replica of " + f.path()
            + " within " + DEADLINE_MS / 1000 + " s; cannot close it");
      }
      pause = sleep(pause, f.path());
    }
  }

  private static long sleep(long pause, String path) throws InterruptedIOException {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting on " + path);
    }
    return Math.min(pause * 2, 1000);
  }
}
