package org.bart.bench.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bart.namenode.transition.Phase;
import org.junit.jupiter.api.Test;

/** The targets bench-scale prints, computed from made-up results. */
class ScaleTableTest {

  private static ScaleResult result(int stripes, int batchGroups, long stageMillis,
      long maxLiveMiB, long afterMiB) {
    ScaleResult r = new ScaleResult();
    r.stripes = stripes;
    r.batchGroups = batchGroups;
    r.largestBatchStripes = Math.min(stripes, 3 * batchGroups);
    r.millis.put(Phase.STAGE, stageMillis);
    r.millis.put(Phase.VERIFY, stageMillis);
    r.maxLiveGrowth = maxLiveMiB << 20;
    r.liveAfterGrowth = afterMiB << 20;
    return r;
  }

  /**
   * The ratio is that of the largest and the smallest tree among the runs with the first run's
   * batch bound (40 and 50 ms per stripe), whatever order they ran in; the small-batch run, with
   * the largest time per stripe, is not one of them. Heap lines give max and held (max - after).
   */
  @Test
  void ratioComparesLargestAndSmallestTreeOfTheFirstBatchBound() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ScaleTable.printTargets(Arrays.asList(result(4000, 1000, 80_000, 100, 60),
        result(1000, 1000, 20_000, 70, 58), result(16000, 1000, 400_000, 105, 61),
        result(4000, 100, 400_000, 70, 59)), new PrintStream(bytes, true));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals("time per stripe, largest / smallest tree (16000 / 1000 stripes, batch bound "
        + "1000 groups): 1.25 (target <= 1.20)", lines[0]);
    assertEquals("heap growth: max    70.0 MiB, held during the run only    11.0 MiB; batch "
        + "bound   100 groups, largest batch    300 stripes, tree   4000 stripes", lines[4]);
    assertEquals(5, lines.length);
  }
}
