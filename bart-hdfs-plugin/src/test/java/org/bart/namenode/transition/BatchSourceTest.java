package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  private static final byte LEGACY = SystemErasureCodingPolicies.RS_6_3_LEGACY_POLICY_ID;
  private static final byte RS32 = SystemErasureCodingPolicies.RS_3_2_POLICY_ID;

  /** Files named f0, f1, ... with the given numbers of block groups, streamed in that order. */
  private BatchSource source(int lambda, int target, int max, int... groups) {
    byte[] policies = new byte[groups.length];
    Arrays.fill(policies, LEGACY);
    return source(lambda, target, max, policies, groups);
  }

  /** As above, file i of policy {@code policies[i]}. */
  private BatchSource source(int lambda, int target, int max, byte[] policies, int... groups) {
    Deque<CandidateFile> files = new ArrayDeque<>();
    for (int i = 0; i < groups.length; i++) {
      HdfsFileStatus st = new HdfsFileStatus.Builder().fileId(1000 + i)
          .path(("f" + i).getBytes(StandardCharsets.UTF_8)).perm(new FsPermission((short) 0644))
          .ecPolicy(SystemErasureCodingPolicies.getByID(policies[i])).build();
      // Only the number of block groups matters here.
      files.add(new CandidateFile("/t/f" + i, st, Collections.nCopies(groups[i], null)));
    }
    return new BatchSource(skip -> files.poll(), lambda, target, max, skipped::add);
  }

  /** The batches as lists of file names, until the source is empty; each of one policy. */
  private static List<List<String>> drain(BatchSource s) throws Exception {
    List<List<String>> out = new ArrayList<>();
    for (List<CandidateFile> b = s.next(); !b.isEmpty(); b = s.next()) {
      List<String> names = new ArrayList<>();
      for (CandidateFile f : b) {
        names.add(f.path.substring(3));
        assertEquals(b.get(0).policy, f.policy, "one policy per batch: " + names);
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
  void filesOfDifferentPoliciesAreBatchedPerClassEachOnItsOwn() throws Exception {
    // lambda 2, target 2: f0 + f2 (legacy) fill a batch while f1 (RS-3-2) waits; f3 makes the
    // RS-3-2 class 3 stripes, so f1 waits on; f4 pairs with it; f5 is left alone at the end.
    byte[] policies = {LEGACY, RS32, LEGACY, RS32, RS32, LEGACY};
    assertEquals(Arrays.asList(Arrays.asList("f0", "f2"), Arrays.asList("f3"),
        Arrays.asList("f1", "f4")), drain(source(2, 2, Integer.MAX_VALUE, policies,
            1, 1, 1, 2, 1, 1)));
    assertEquals(1, skipped.size());
    assertEquals("/t/f5", skipped.get(0).path);
    assertTrue(skipped.get(0).reason.contains("stripes of one class (rs-legacy (6,3), "
        + "1048576-byte cells)"), skipped.get(0).reason);
  }

  @Test
  void atTheEndOfTheTreeEachClassIsCutOnItsOwnInTheOrderFirstMet() throws Exception {
    byte[] policies = {RS32, LEGACY, RS32, LEGACY};
    assertEquals(Arrays.asList(Arrays.asList("f0", "f2"), Arrays.asList("f1", "f3")),
        drain(source(2, 10, Integer.MAX_VALUE, policies, 1, 2, 1, 2)));
    assertEquals(0, skipped.size());
  }

  @Test
  void aBatchNeverGrowsPastThePlannersBoundByAnotherFile() throws Exception {
    assertEquals(Arrays.asList(Arrays.asList("f0"), Arrays.asList("f1"), Arrays.asList("f2")),
        drain(source(2, 4, 4, 2, 4, 2)));
  }
}
