package org.bart.namenode;

import org.apache.hadoop.hdfs.server.namenode.FSNamesystem;
import org.apache.hadoop.hdfs.server.namenode.INode;

/** The current path of an inode, looked up in the NameNode this plugin runs in. */
final class InodePaths {

  private final FSNamesystem fsn;

  InodePaths(FSNamesystem fsn) {
    this.fsn = fsn;
  }

  /** The full path of inode {@code id}, or null if it does not exist (any more). */
  String pathOf(long id) {
    fsn.readLock();
    try {
      INode inode = fsn.getFSDirectory().getInode(id);
      return inode == null ? null : inode.getFullPathName();
    } finally {
      fsn.readUnlock();
    }
  }
}
