package org.bart.datanode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Collections;
import org.apache.hadoop.hdfs.server.datanode.fsdataset.impl.RecordingVolume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link DataNodeInternals} does without a running DataNode. */
class DataNodeInternalsTest {

  @Test
  void relabelAccountingReachesFsVolumeImpl(@TempDir File dir) throws Exception {
    assertTrue(DataNodeSelfCheck.REQUIRED.contains(DataNodeSelfCheck.INC_DFS_USED));
    RecordingVolume volume = new RecordingVolume(dir);
    DataNodeInternals.addDfsUsed(volume, "BP-1", 4096 + 39);
    assertEquals(Collections.singletonList("BP-1 +4135"), volume.added);
  }

  @Test
  void aFailedSelfCheckIsTheAgentsNotReadyReason() {
    String incompatibility = "BART agent cannot run on Hadoop 9.9.9: missing X.y()";
    // No DataNode needed: no waiting cures an incompatible Hadoop, so it is asked first.
    assertEquals(incompatibility, new DataNodeInternals(null, incompatibility).notReadyReason());
  }
}
