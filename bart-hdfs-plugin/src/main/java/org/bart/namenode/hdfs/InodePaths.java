package org.bart.namenode.hdfs;

import org.apache.hadoop.hdfs.server.namenode.FSNamesystem;
import org.apache.hadoop.hdfs.server.namenode.INode;

/** The current path of an inode, looked up in the NameNode this plugin runs in. */
public final class InodePaths {

  private final FSNamesystem fsn;

  public InodePaths(FSNamesystem fsn) {
    this.fsn = fsn;
  }

  /** The full path of inode {@code id}, or null if it does not exist (any more). */
  public String pathOf(long id) {
    fsn.readLock();
    try {
      INode inode = fsn.getFSDirectory().getInode(id);
      return inode == null ? null : inode.getFullPathName();
    } finally {
      fsn.readUnlock();
    }
  }
}
