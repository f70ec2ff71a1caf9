package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bart.namenode.hdfs.Namespace;
import org.bart.report.SkippedFile;

/**
 * What follows a batch that failed before its commit (and was rolled back) while some of its
 * files changed: a deleted file's replicas vanish under the agents, a renamed one is not at its
 * path for the checksum, an appended one's checksum moves on. Those files are left out, each with
 * its reason, and the batch's other files go back to the front of the batch source, so that the
 * next batch re-plans them into wide groups of their own: the rest of the batch is committed, and
 * a changed file keeps its own block groups and their parity as they are.
 */
final class BatchLeaveOut {

  private BatchLeaveOut() {
  }

  /**
   * Leaves the changed files of the failed {@code batch} out (to {@code leftOut}) and gives the
   * others back to {@code source}.
   *
   * @return false if no file changed: then the failure has another cause and stands
   */
  static boolean changedFiles(Namespace ns, List<CandidateFile> batch, BatchSource source,
      Consumer<SkippedFile> leftOut) throws IOException {
    List<CandidateFile> unchanged = new ArrayList<>();
    List<SkippedFile> changed = new ArrayList<>();
    for (CandidateFile f : batch) {
      String change = FileChange.of(ns, f);
      if (change == null) {
        unchanged.add(f);
      } else {
        changed.add(new SkippedFile(f.path, change + ": left out of the batch, which was "
            + "re-planned without it; it keeps its own parity"));
      }
    }
    if (changed.isEmpty()) {
      return false;
    }
    changed.forEach(leftOut);
    source.putBack(unchanged);
    return true;
  }
}
