package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.bart.report.SkippedFile;
import org.junit.jupiter.api.Test;

/** How the stream of mergeable files is cut into batches: sizes, lambda, carry-over, the cap. */
class BatchSourceTest {

  private final List<SkippedFile> skipped = new ArrayList<>();

  /** Files named f0, f1, ... with the given numbers of block groups, streamed in that order. */
  private BatchSource source(int lambda, int target, int max, int... groups) {
    Deque<CandidateFile> files = new ArrayDeque<>();
    for (int i = 0; i < groups.length; i++) {
      HdfsFileStatus st = new HdfsFileStatus.Builder().fileId(1000 + i)
          .path(("f" + i).getBytes(StandardCharsets.UTF_8)).perm(new FsPermission((short) 0644))
          .ecPolicy(SystemErasureCodingPolicies.getByID(
              SystemErasureCodingPolicies.RS_6_3_LEGACY_POLICY_ID)).build();
      // Only the number of block groups matters here.
      files.add(new CandidateFile("/t/f" + i, st, Collections.nCopies(groups[i], null)));
    }
    return new BatchSource(skip -> files.poll(), lambda, target, max, skipped::add);
  }

  /** The batches as lists of file names, until the source is empty. */
  private static List<List<String>> drain(BatchSource s) throws Exception {
    List<List<String>> out = new ArrayList<>();
    for (List<CandidateFile> b = s.next(); !b.isEmpty(); b = s.next()) {
      List<String> names = new ArrayList<>();
      for (CandidateFile f : b) {
        names.add(f.path.substring(3));
      }
      out.add(names);
    }
    return out;
  }

  @Test
  void batchesHoldWholeFilesUpToTheTargetInMultiplesOfLambda() throws Exception {
    assertEquals(Arrays.asList(Arrays.asList("f0"), Arrays.asList("f1"),
        Arrays.asList("f2", "f3")), drain(source(2, 2, Integer.MAX_VALUE, 2, 2, 1, 1)));
    assertEquals(0, skipped.size());
  }

  @Test
  void filesLeftOutOfABatchAreCarriedIntoTheNextAndOnlySkippedAtTheEnd() throws Exception {
    // lambda 3, target 3: {f0 f1} has 4 stripes, so f0 (1 % 3 == 1) waits, twice, until
    // {f0 f3 f4} makes 3; f5's 2 stripes are left at the end of the tree.
    assertEquals(Arrays.asList(Arrays.asList("f1"), Arrays.asList("f2"),
        Arrays.asList("f0", "f3", "f4")),
        drain(source(3, 3, Integer.MAX_VALUE, 1, 3, 3, 1, 1, 2)));
    assertEquals(1, skipped.size());
    assertEquals("/t/f5", skipped.get(0).path);
  }

  @Test
  void aBatchWithNoMultipleOfLambdaYetGrowsUntilItHasOne() throws Exception {
    // Two stripes each, lambda 3: no pair fits, three do.
    assertEquals(Arrays.asList(Arrays.asList("f0", "f1", "f2")),
        drain(source(3, 3, Integer.MAX_VALUE, 2, 2, 2)));
  }

  @Test
  void aBatchNeverGrowsPastThePlannersBoundByAnotherFile() throws Exception {
    assertEquals(Arrays.asList(Arrays.asList("f0"), Arrays.asList("f1"), Arrays.asList("f2")),
        drain(source(2, 4, 4, 2, 4, 2)));
  }
}
