package org.bart.namenode.hdfs;

import static org.bart.fake.LocatedGroups.RS_6_3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.bart.fake.LocatedGroups;
import org.junit.jupiter.api.Test;

/** Where a block group's internal blocks are, as BART reads the NameNode's located block. */
class BlockGroupTest {

  /**
   * A DataNode that comes back after its block was rebuilt elsewhere holds a second copy until
   * the NameNode deletes one: both copies are listed, the first one first. BART placed another
   * unit of the group on the hidden copy's DataNode when it saw only the first (RepairIT, CI of
   * 9d0de15), which HDFS 3.3.4 then confused with the copy already there.
   */
  @Test
  void everyCopyOfAnInternalBlockIsListedInTheNameNodesOrder() {
    // data blocks 0..5 of a full group without its parity, block 1 twice (on DataNodes 6 and 1)
    byte[] indices = {0, 1, 2, 3, 4, 5, 1};
    int[] nodes = {0, 6, 2, 3, 4, 5, 1};
    BlockGroup g = LocatedGroups.rs63(indices, nodes, 6L * RS_6_3.getCellSize());

    assertEquals(Arrays.asList("dn-6", "dn-1"), uuids(g.nodes(1)));
    assertEquals("dn-6", g.node(1).getDatanodeUuid());
    assertEquals(Arrays.asList("dn-0"), uuids(g.nodes(0)));
    assertTrue(g.nodes(6).isEmpty(), "a parity block of no listed copy has no DataNode");
    assertFalse(g.hasOneReplicaPerBlock());
  }

  @Test
  void oneCopyOfEveryBlockIsOneDataNodeEach() {
    byte[] indices = {5, 4, 3, 2, 1, 0, 6, 7, 8};
    int[] nodes = {5, 4, 3, 2, 1, 0, 6, 7, 8};
    BlockGroup g = LocatedGroups.rs63(indices, nodes, 6L * RS_6_3.getCellSize());

    for (int i = 0; i < 9; i++) {
      assertEquals(Arrays.asList("dn-" + i), uuids(g.nodes(i)), "internal block " + i);
    }
    assertTrue(g.hasOneReplicaPerBlock());
  }

  private static List<String> uuids(List<DatanodeInfo> nodes) {
    List<String> out = new ArrayList<>();
    for (DatanodeInfo dn : nodes) {
      out.add(dn.getDatanodeUuid());
    }
    return out;
  }
}
