package org.bart.namenode.safemode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The safe-mode lines of Hadoop 3.3.4's NameNode, as NameNodeMXBean#getSafemode gives them. */
class SafeModeTipTest {

  @Test
  void blocksStillNeeded() {
    assertEquals(6, SafeModeTip.blocksNeeded("Safe mode is ON. The reported blocks 14 needs "
        + "additional 6 blocks to reach the threshold 0.9990 of total blocks 20.\n"
        + "The number of live datanodes 6 has reached the minimum number 0. "
        + "Safe mode will be turned off automatically once the thresholds have been reached."));
  }

  @Test
  void thresholdReachedOrNotInSafeMode() {
    assertEquals(0, SafeModeTip.blocksNeeded("Safe mode is ON. The reported blocks 20 has "
        + "reached the threshold 0.9990 of total blocks 20. The number of live datanodes 6 has "
        + "reached the minimum number 0. In safe mode extension. Safe mode will be turned off "
        + "automatically in 9 seconds."));
    assertEquals(0, SafeModeTip.blocksNeeded(""));
  }

  @Test
  void missingDataNodesOrAnUnknownLineMeanDoNothing() {
    assertEquals(-1, SafeModeTip.blocksNeeded("Safe mode is ON. The reported blocks 14 needs "
        + "additional 6 blocks to reach the threshold 0.9990 of total blocks 20.\nThe number of "
        + "live datanodes 2 needs an additional 1 live datanodes to reach the minimum number 3."));
    assertEquals(-1, SafeModeTip.blocksNeeded("Safe mode is ON. It was turned on manually."));
  }
}
