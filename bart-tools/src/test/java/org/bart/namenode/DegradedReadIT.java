package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.bart.namenode.hdfs.InodePaths;
import org.bart.namenode.hdfs.NameNodeInternals;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.UnreadableRangeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/**
 * Reads of transitioned files through the BART client (fs.hdfs.impl) while DataNodes are down:
 * 1, 2 and 3 stopped DataNodes of a wide group, stateful and positional reads, byte-identical;
 * 4 lost units of one group fail with the specific exception and no bytes.
 */
class DegradedReadIT {

  private static WideCluster wide;

  @BeforeAll
  static void start() throws Exception {
    wide = new WideCluster(24, WideCluster.SEED);
  }

  @AfterAll
  static void stop() {
    if (wide != null) {
      wide.close();
    }
  }

  /**
   * One, two and three stopped DataNodes of a random wide group: the integration through the BART
   * client and the NameNode plugin. Every erasure pattern goes through the same code paths in the
   * unit tests (WideReadDegradedTest, DegradedReaderTest) in milliseconds.
   */
  @Test
  void oneTwoAndThreeStoppedDataNodesReadBackIdentical() throws Exception {
    Random r = new Random(WideCluster.SEED);
    for (int failures = 1; failures <= 3; failures++) {
      Map<String, List<String>> groups = wide.unitNodes();
      List<String> parities = new ArrayList<>(groups.keySet());
      List<String> nodes = new ArrayList<>(groups.get(parities.get(r.nextInt(parities.size()))));
      Collections.shuffle(nodes, r);
      for (String uuid : nodes.subList(0, failures)) {
        wide.stop(uuid);
      }
      wide.checkReads(r);
      wide.restartAll();
    }
  }

  @Test
  void fourLostUnitsOfOneGroupFailLoudlyWithoutReturningBytes() throws Exception {
    Map<String, List<String>> groups = wide.unitNodes();
    String parity = groups.keySet().iterator().next();
    WideLayout l = WideLayout.load(wide.dfs(), parity);
    String member = wide.dfs().getClient().getFileInfo(BartPaths.byInode(
        l.group.getMembers(0).getFileId())) == null ? null
        : new InodePaths(new NameNodeInternals(wide.cluster.mini().getNameNode()))
            .pathOf(l.group.getMembers(0).getFileId());
    // member 0's first data unit plus three others: one more than m = 3
    List<String> nodes = groups.get(parity);
    for (String uuid : new String[] {nodes.get(0), nodes.get(6), nodes.get(12), nodes.get(18)}) {
      wide.stop(uuid);
    }
    try (FileSystem fs = wide.bartClient();
        FSDataInputStream in = fs.open(new Path(member))) {
      byte[] buf = new byte[WideCluster.MIB];
      long groupStart = 0;
      for (int gi = 0; gi < l.group.getMembers(0).getGroupIndex(); gi++) {
        groupStart += 6L * WideCluster.MIB;
      }
      long at = groupStart;
      UnreadableRangeException e = assertThrows(UnreadableRangeException.class,
          () -> in.readFully(at, buf));
      assertTrue(e.getMessage().contains(member) && e.getMessage().contains(parity)
          && e.getMessage().contains("unavailable blocks"), e.getMessage());
      byte[] untouched = new byte[WideCluster.MIB];
      assertEquals(0, java.util.Arrays.mismatch(untouched, buf) < 0 ? 0 : -1,
          "no byte was returned into the buffer");
    } finally {
      wide.restartAll();
    }
  }
}
