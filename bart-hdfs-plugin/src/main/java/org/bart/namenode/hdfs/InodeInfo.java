package org.bart.namenode.hdfs;

import org.apache.hadoop.fs.permission.FsPermission;

/** An inode as BART looks at it: identity, who may write it, and what changes it. Immutable. */
public final class InodeInfo {
  private final String path;
  private final long fileId;
  private final boolean directory;
  private final String owner;
  private final String group;
  private final FsPermission permission;
  private final boolean hasAcl;
  private final long length;
  private final long modificationTime;

  public InodeInfo(String path, long fileId, boolean directory, String owner, String group,
      FsPermission permission, boolean hasAcl, long length, long modificationTime) {
    this.path = path;
    this.fileId = fileId;
    this.directory = directory;
    this.owner = owner;
    this.group = group;
    this.permission = permission;
    this.hasAcl = hasAcl;
    this.length = length;
    this.modificationTime = modificationTime;
  }

  /** The path it was looked up by (or listed under). */
  public String path() {
    return path;
  }

  /** The last component of {@link #path()}. */
  public String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  public long fileId() {
    return fileId;
  }

  public boolean isDirectory() {
    return directory;
  }

  public String owner() {
    return owner;
  }

  public String group() {
    return group;
  }

  public FsPermission permission() {
    return permission;
  }

  public boolean hasAcl() {
    return hasAcl;
  }

  public long length() {
    return length;
  }

  public long modificationTime() {
    return modificationTime;
  }
}
