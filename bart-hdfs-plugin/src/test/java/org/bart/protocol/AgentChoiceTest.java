package org.bart.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.bart.codec.WideCode;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.ReadPlan;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideUnit;
import org.junit.jupiter.api.Test;

/** Which agents a degraded read asks, in order, for member 1 of a (6,3,3) wide group. */
class AgentChoiceTest {

  private static final WideCode CODE = WideCode.forGeometry(6, 3, 3);

  @Test
  void aPartialDecodeAsksAnAgentHoldingOneOfItsSourcesFirstNeverALostOne() {
    // Member 1 is units 6..11; unit 0 (member 0's first block) is lost: its DataNode is gone.
    List<String> order = AgentChoice.forPartial(plan(0));
    assertEquals(Arrays.asList("a1", "a2", "a3", "a4", "a5", "a12"), order.subList(0, 6));
    assertEquals(Arrays.asList("a18", "a19", "a20", "a6", "a7", "a8", "a9", "a10", "a11"),
        order.subList(order.size() - 9, order.size()), "the member's own agents last: a "
            + "partial decode never reads the member's blocks");
    assertEquals(CODE.totalUnits() - 1, order.size());
  }

  @Test
  void aWholeMemberReadAsksTheMembersAgentsFirst() {
    List<String> order = AgentChoice.forWhole(plan(0));
    assertEquals(Arrays.asList("a6", "a7", "a8", "a9", "a10", "a11", "a1"), order.subList(0, 7));
  }

  /** Every unit on DataNode "u" with agent "aU", but unit {@code lost} without a DataNode. */
  private static ReadPlan plan(int lost) {
    List<WideUnit> units = new ArrayList<>();
    for (int u = 0; u < CODE.totalUnits(); u++) {
      units.add(u == lost ? new WideUnit(4096, null, null)
          : new WideUnit(4096, new Replica("BP-1", 1000 + u, 1001, 4096), new AgentNode(
              new DatanodeID("10.0.0." + u, "host" + u, "dn-" + u, 9866, 9864, 9865, 9867),
              "a" + u)));
    }
    return new ReadPlan("/data/f", "alice", 0, 6 * 4096, 1024, 1, CODE, units,
        "/data/.bart/groups/b1-0", 8 << 20);
  }
}
