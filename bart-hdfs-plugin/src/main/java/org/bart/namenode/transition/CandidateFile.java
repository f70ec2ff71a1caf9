package org.bart.namenode.transition;

import java.util.List;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.bart.namenode.hdfs.BlockGroup;

/** A file found mergeable by discovery: its identity at that moment and its block groups. */
public final class CandidateFile {
  final String path;
  final HdfsFileStatus status;
  final ErasureCodingPolicy policy;
  final List<BlockGroup> groups;

  CandidateFile(String path, HdfsFileStatus status, List<BlockGroup> groups) {
    this.path = path;
    this.status = status;
    this.policy = status.getErasureCodingPolicy();
    this.groups = groups;
  }

  long fileId() {
    return status.getFileId();
  }

  /** Raw bytes of the file's internal blocks (data and parity). */
  long rawBytes() {
    long sum = 0;
    for (BlockGroup g : groups) {
      for (int i = 0; i < g.width(); i++) {
        sum += g.internalLength(i);
      }
    }
    return sum;
  }
}
