package org.bart.namenode.hdfs;

import java.io.IOException;
import java.util.EnumSet;
import org.apache.hadoop.crypto.CryptoProtocolVersion;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DFSClient;
import org.apache.hadoop.hdfs.protocol.ClientProtocol;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.io.EnumSetWritable;

/**
 * A file whose blocks BART allocates through {@link ClientProtocol} and whose replicas the agents
 * put in place (relabelled, sent or merged), instead of a client writing them: the data-only twin
 * of a member file, or a wide group's parity file. The NameNode accepts each replica from whichever
 * DataNode reports it. The caller holds the lease as {@code client}'s name and must renew it
 * (through the DFSClient's renewer or {@link ClientProtocol#renewLease}) for long work.
 */
public final class PlacedFile {

  private final ClientProtocol nn;
  private final String clientName;
  private final String path;
  private final long fileId;

  private PlacedFile(ClientProtocol nn, String clientName, String path, long fileId) {
    this.nn = nn;
    this.clientName = clientName;
    this.path = path;
    this.fileId = fileId;
  }

  /**
   * Creates an empty file at {@code path} (failing if it exists).
   *
   * @param ecPolicyName the file's EC policy, or null for a replicated file
   * @param replication replication factor of a replicated file (ignored for EC)
   * @param blockSize block size of a replicated file (the EC policy's cell decides for EC)
   */
  public static PlacedFile create(DFSClient client, String path, FsPermission permission,
      String ecPolicyName, short replication, long blockSize) throws IOException {
    ClientProtocol nn = client.getNamenode();
    // Without SHOULD_REPLICATE a replicated file would inherit its directory's EC policy.
    EnumSet<CreateFlag> flags = ecPolicyName == null
        ? EnumSet.of(CreateFlag.CREATE, CreateFlag.SHOULD_REPLICATE) : EnumSet.of(CreateFlag.CREATE);
    HdfsFileStatus st = nn.create(path, permission, client.getClientName(),
        new EnumSetWritable<>(flags), true, replication, blockSize,
        CryptoProtocolVersion.supported(), ecPolicyName, null);
    return new PlacedFile(nn, client.getClientName(), path, st.getFileId());
  }

  /** The file {@code path} (inode {@code fileId}) that {@code client} created and still writes. */
  public static PlacedFile of(DFSClient client, String path, long fileId) {
    return new PlacedFile(client.getNamenode(), client.getClientName(), path, fileId);
  }

  public String path() {
    return path;
  }

  public long fileId() {
    return fileId;
  }

  /**
   * Allocates the next block (or block group) after {@code previous} (null for the first).
   *
   * @param favoredNode a DataNode xfer address to suggest (honoured for replicated files), or null
   */
  public LocatedBlock addBlock(ExtendedBlock previous, String favoredNode) throws IOException {
    return nn.addBlock(path, clientName, previous, null, fileId,
        favoredNode == null ? null : new String[] {favoredNode}, null);
  }

  /**
   * Asks the NameNode to close the file once it has heard of every replica of {@code last}.
   *
   * @return true when the file is closed; false while some replica is not yet reported
   */
  public boolean tryComplete(ExtendedBlock last) throws IOException {
    return nn.complete(path, clientName, last, fileId);
  }
}
