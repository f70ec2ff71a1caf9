package org.bart.namenode.hdfs;

/** A file BART created to place blocks in ({@link Namespace#createFile}): path and inode id. */
public final class CreatedFile {
  private final String path;
  private final long fileId;

  public CreatedFile(String path, long fileId) {
    this.path = path;
    this.fileId = fileId;
  }

  public String path() {
    return path;
  }

  public long fileId() {
    return fileId;
  }
}
