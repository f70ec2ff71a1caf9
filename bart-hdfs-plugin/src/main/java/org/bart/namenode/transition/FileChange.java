package org.bart.namenode.transition;

import java.io.IOException;
import org.bart.namenode.hdfs.InodeInfo;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.metadata.BartPaths;

/**
 * Whether a member file changed since discovery saw it, and how: deleted, renamed or moved,
 * replaced by another file, appended or written (length or modification time), or reopened for
 * write. A changed file is left out of its batch and never clobbered; its own block groups and
 * parity stay as they are.
 */
final class FileChange {

  static final String DELETED = "deleted since discovery";
  static final String RENAMED = "renamed or moved since discovery";
  static final String REPLACED = "replaced since discovery";
  static final String MODIFIED = "modified since discovery";
  static final String REOPENED = "reopened for write since discovery";

  private FileChange() {
  }

  /** Null if {@code file} is as discovery saw it, else what changed. */
  static String of(Namespace ns, CandidateFile file) throws IOException {
    return of(ns, file.path, file.fileId(), file.status.getLen(),
        file.status.getModificationTime(), false);
  }

  /**
   * Null if the file discovery found at {@code path} as inode {@code fileId} of {@code length}
   * bytes, modified at {@code modificationTime}, is still so and closed (or open only by the
   * commit's hold, if {@code held}); else what changed.
   */
  static String of(Namespace ns, String path, long fileId, long length, long modificationTime,
      boolean held) throws IOException {
    InodeInfo now = ns.info(path);
    if (now == null || now.fileId() != fileId) {
      boolean stillThere = ns.info(BartPaths.byInode(fileId)) != null;
      return stillThere ? RENAMED : now == null ? DELETED : REPLACED;
    }
    if (now.length() != length || now.modificationTime() != modificationTime) {
      return MODIFIED;
    }
    // An EC file reopened for append keeps its length and time until it is closed again.
    return !held && ns.isOpenForWrite(BartPaths.byInode(fileId)) ? REOPENED : null;
  }
}
