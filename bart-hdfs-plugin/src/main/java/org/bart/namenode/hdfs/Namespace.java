package org.bart.namenode.hdfs;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.bart.protocol.wide.Replica;

/**
 * What the coordinator's transition and BART's state ask of the NameNode, as the HDFS superuser
 * the coordinator runs as. A path may also be an inode path ({@code /.reserved/.inodes/ID}), so
 * that a caller acts on the very inode it checked. Production: {@link HdfsNamespace}; the tests
 * have an in-memory one.
 */
public interface Namespace {

  // Inodes, as BART's state and the commit read and change them.

  /** The inode at {@code path}, or null if there is none. */
  InodeInfo info(String path) throws IOException;

  /** The entries of the directory {@code dir}, each with its path under {@code dir}. */
  List<InodeInfo> list(String dir) throws IOException;

  /** Creates the directory {@code dir} (and missing parents) with exactly {@code mode}, no ACL. */
  void mkdir(String dir, short mode) throws IOException;

  /** Makes files created under {@code dir} replicated, whatever the EC policy above it. */
  void setReplicated(String dir) throws IOException;

  /** Writes the small file {@code path} (replacing one there) with {@code bytes}. */
  void writeFile(String path, byte[] bytes) throws IOException;

  /** The bytes of the small file {@code path}. */
  byte[] readFile(String path) throws IOException;

  /** The value of extended attribute {@code name} of {@code path}, or null if it has none. */
  byte[] getXAttr(String path, String name) throws IOException;

  /** Sets (creates or replaces) extended attribute {@code name} of {@code path}. */
  void setXAttr(String path, String name, byte[] value) throws IOException;

  /** Renames {@code src} to {@code dst} unless {@code dst} exists; false if nothing moved. */
  boolean rename(String src, String dst) throws IOException;

  /** Renames {@code src} over {@code dst} in one step, deleting what was at {@code dst}. */
  void replace(String src, String dst) throws IOException;

  /** Whether the file {@code path} is open for write (created or reopened, not closed yet). */
  boolean isOpenForWrite(String path) throws IOException;

  /**
   * Opens the closed file {@code path} for write as BART's commit, changing nothing in it, so that
   * the NameNode refuses every other writer until a rename over it or {@link #releaseHold}.
   *
   * @return false if another writer has it open
   * @throws java.io.FileNotFoundException if it does not exist
   */
  boolean holdAgainstWriters(String path) throws IOException;

  /**
   * Closes {@code path} if BART's commit holds it (see {@link #holdAgainstWriters}), keeping its
   * times; false if it does not.
   */
  boolean releaseHold(String path) throws IOException;

  /** Deletes {@code path} (its blocks then freed by the NameNode); false if it did not exist. */
  boolean delete(String path, boolean recursive) throws IOException;

  /**
   * Gives {@code to} what a user sees of {@code from} besides the bytes: owner, group, mode, ACL,
   * user and trusted xattrs except BART's own, storage policy, then the times.
   */
  void copyAttributes(String from, String to) throws IOException;

  /**
   * A checksum of the bytes of the file {@code path} that does not depend on its block layout
   * (COMPOSITE_CRC in production), or null if the NameNode gives none.
   */
  ContentChecksum checksum(String path) throws IOException;

  // Files whose blocks BART allocates and the agents fill (see PlacedFile).

  /** The data-only twin of {@code narrow}, added and enabled if the NameNode lacks it. */
  ErasureCodingPolicy ensureDataOnlyPolicy(ErasureCodingPolicy narrow) throws IOException;

  /**
   * Creates the empty file {@code path} (failing if it exists), open for BART to add blocks.
   *
   * @param ecPolicyName its EC policy, or null for a file with one replica per block
   */
  CreatedFile createFile(String path, short mode, String ecPolicyName, long blockSize)
      throws IOException;

  /**
   * Allocates the block (or block group) after {@code previous} (null for the first; its length
   * is the previous block's final one), waiting while the NameNode has not heard of every replica
   * of {@code previous}.
   *
   * @param favoredNode a DataNode xfer address to suggest (honoured for replicated files), or null
   * @return the new block: pool, id (of internal block 0 for a group), genstamp; length 0
   */
  Replica addBlock(CreatedFile file, Replica previous, String favoredNode) throws IOException;

  /** Closes {@code file} once the NameNode has heard of every replica of {@code last}. */
  void complete(CreatedFile file, Replica last) throws IOException;

  /**
   * Appends the blocks of the closed replicated files {@code sources} (in order) to the closed
   * replicated file {@code target} in the same directory, and deletes the sources: how a file gets
   * blocks that had to be allocated at once (HDFS allocates a file's next block only once the one
   * before the last is reported).
   */
  void concat(String target, List<String> sources) throws IOException;
}
