package org.bart.namenode.hdfs;

/** The current path of an inode, looked up in the NameNode this plugin runs in. */
public final class InodePaths {

  private final NameNodeInternals nn;

  public InodePaths(NameNodeInternals nn) {
    this.nn = nn;
  }

  /** The full path of inode {@code id}, or null if it does not exist (any more). */
  public String pathOf(long id) {
    return nn.pathOf(id);
  }
}
