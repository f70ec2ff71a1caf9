package org.bart.namenode.transition;

import static org.bart.fake.LocatedGroups.RS_6_3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.bart.fake.LocatedGroups;
import org.bart.namenode.hdfs.BlockGroup;
import org.junit.jupiter.api.Test;

/** Which located block groups discovery lets a transition plan from, and why not the others. */
class DiscoveryCheckTest {

  private static final long FULL = 6L * RS_6_3.getCellSize();
  private static final Set<String> AGENTS = new HashSet<>(Arrays.asList(
      "dn-0", "dn-1", "dn-2", "dn-3", "dn-4", "dn-5", "dn-6", "dn-7", "dn-8", "dn-9"));

  @Test
  void aGroupWithEveryBlockOnceOnItsOwnDataNodeQualifies() {
    BlockGroup g = LocatedGroups.rs63(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8},
        new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, FULL);
    assertNull(Discovery.checkGroups(Arrays.asList(g), AGENTS));
  }

  /**
   * While the NameNode has not yet deleted an extra copy, which one it keeps is its choice: a plan
   * made now may read the one it deletes, or place a wide unit next to the one it keeps.
   */
  @Test
  void aGroupWithAnExtraCopyOfABlockWaitsUntilTheNameNodeHasDeletedIt() {
    BlockGroup once = LocatedGroups.rs63(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8},
        new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, FULL);
    BlockGroup twice = LocatedGroups.rs63(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 2},
        new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, FULL);
    assertEquals("block group 1 has 2 copies of internal block 2 (on 10.0.0.2:9866, "
        + "10.0.0.9:9866); run again once the NameNode has deleted the extra ones "
        + "(a decommissioning DataNode's copy stays until the node is gone)",
        Discovery.checkGroups(Arrays.asList(once, twice), AGENTS));
  }

  @Test
  void aGroupWithTwoBlocksOnOneDataNodeOrABlockWithoutAnAgentDoesNot() {
    BlockGroup shared = LocatedGroups.rs63(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8},
        new int[] {0, 1, 2, 3, 4, 5, 6, 7, 0}, FULL);
    assertEquals("block group 0 has two internal blocks on DataNode 10.0.0.0:9866",
        Discovery.checkGroups(Arrays.asList(shared), AGENTS));
    BlockGroup agentless = LocatedGroups.rs63(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8},
        new int[] {0, 1, 2, 3, 4, 5, 6, 7, 11}, FULL);
    assertEquals("block group 0 has internal block 8 on DataNode 10.0.0.11:9866, which has no "
        + "ready BART agent", Discovery.checkGroups(Arrays.asList(agentless), AGENTS));
  }

  @Test
  void aGroupMissingABlockWaitsForHdfsToRebuildIt() {
    BlockGroup lost = LocatedGroups.rs63(new byte[] {0, 1, 2, 4, 5, 6, 7, 8},
        new int[] {0, 1, 2, 4, 5, 6, 7, 8}, FULL);
    assertEquals("block group 0 has no live replica of internal block 3 (wait for HDFS to "
        + "rebuild it)", Discovery.checkGroups(Arrays.asList(lost), AGENTS));
  }
}
