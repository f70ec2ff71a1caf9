package org.bart.testing;

import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.bart.demo.SampleFiles;

/**
 * Everything a user would notice of one file, taken by the superuser: inode id, bytes, owner,
 * group, permission, modification time and every extended attribute it can see. Two snapshots
 * are equal when nothing of it changed.
 */
public final class FileSnapshot {

  private final String description;

  private FileSnapshot(String description) {
    this.description = description;
  }

  /** Takes the snapshot of {@code path}. */
  public static FileSnapshot of(DistributedFileSystem dfs, String path) throws Exception {
    Path p = new Path(path);
    FileStatus st = dfs.getFileStatus(p);
    StringBuilder sb = new StringBuilder(path)
        .append(" inode=").append(dfs.getClient().getFileInfo(path).getFileId())
        .append(" owner=").append(st.getOwner()).append(':').append(st.getGroup())
        .append(" mode=").append(st.getPermission())
        .append(" mtime=").append(st.getModificationTime())
        .append(" bytes=").append(java.util.Arrays.hashCode(SampleFiles.read(dfs, p)))
        .append('/').append(st.getLen());
    Map<String, byte[]> x = new TreeMap<>(dfs.getXAttrs(p));
    for (Map.Entry<String, byte[]> e : x.entrySet()) {
      sb.append(' ').append(e.getKey()).append('=')
          .append(java.util.Arrays.toString(e.getValue()));
    }
    return new FileSnapshot(sb.toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileSnapshot && ((FileSnapshot) o).description.equals(description);
  }

  @Override
  public int hashCode() {
    return description.hashCode();
  }

  @Override
  public String toString() {
    return description;
  }
}
