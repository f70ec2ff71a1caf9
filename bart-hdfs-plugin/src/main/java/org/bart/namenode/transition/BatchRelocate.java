package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.report.SkippedFile;

/**
 * What follows a batch that failed before its commit (and was rolled back) while HDFS moved a
 * replica the plan read: the Balancer moved it, or the NameNode deleted an extra copy after
 * rebuilding a block whose report came late, or a replica was lost. No file changed, so the
 * batch's files go back to the front of the batch source located again, and the next batch
 * re-plans them from where their replicas are now; a file whose block groups no longer qualify
 * (an internal block with no live replica or no ready agent) is left out with why.
 */
final class BatchRelocate {

  /** Where the NameNode lists a file's block groups now. */
  interface Locator {
    List<BlockGroup> groups(String path) throws IOException;
  }

  /** Why a file's block groups cannot be transitioned as they are located, or null. */
  interface GroupsCheck {
    String why(List<BlockGroup> groups);
  }

  private BatchRelocate() {
  }

  /**
   * Gives the files of the failed {@code batch} back to {@code source} located anew (those that
   * no longer qualify to {@code leftOut}) if any internal block is no longer where the plan read
   * it.
   *
   * @return false if every replica is where it was: then the failure has another cause and stands
   */
  static boolean movedReplicas(List<CandidateFile> batch, Locator now, GroupsCheck check,
      BatchSource source, Consumer<SkippedFile> leftOut) throws IOException {
    List<CandidateFile> located = new ArrayList<>();
    boolean moved = false;
    for (CandidateFile f : batch) {
      List<BlockGroup> groups = now.groups(f.path);
      moved |= !whereThePlanReadThem(f.groups, groups);
      located.add(new CandidateFile(f.path, f.status, groups));
    }
    if (!moved) {
      return false;
    }
    List<CandidateFile> again = new ArrayList<>();
    for (CandidateFile f : located) {
      String why = check.why(f.groups);
      if (why == null) {
        again.add(f);
      } else {
        leftOut.accept(new SkippedFile(f.path, why + " after HDFS moved replicas during the "
            + "run: left out of the batch, which was re-planned without it"));
      }
    }
    source.putBack(again);
    return true;
  }

  /** Whether every internal block the plan read still has a replica on the DataNode it read. */
  private static boolean whereThePlanReadThem(List<BlockGroup> planned, List<BlockGroup> now) {
    if (planned.size() != now.size()) {
      return false;
    }
    for (int g = 0; g < planned.size(); g++) {
      BlockGroup was = planned.get(g);
      BlockGroup is = now.get(g);
      if (!was.group().equals(is.group())) {
        return false;
      }
      for (int i = 0; i < was.width(); i++) {
        if (!was.isAbsent(i) && !holds(is.nodes(i), was.node(i))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean holds(List<DatanodeInfo> nodes, DatanodeInfo node) {
    if (node == null) {
      return false;
    }
    for (DatanodeInfo n : nodes) {
      if (n.getDatanodeUuid().equals(node.getDatanodeUuid())) {
        return true;
      }
    }
    return false;
  }
}
