package org.bart.datanode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.hdfs.server.datanode.fsdataset.impl.RecordingVolume;
import org.apache.hadoop.util.VersionInfo;
import org.bart.hadoop.Requirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DataNode plugin's self-check against the Hadoop on the test class path, and the relabel's
 * dfsUsed accounting through {@link DataNodeInternals}.
 */
class DataNodeSelfCheckTest {

  @Test
  void everyMemberTheAgentNeedsIsInThisHadoop() {
    assertNull(DataNodeSelfCheck.result());
  }

  @Test
  void aMissingMemberIsNamedWithTheHadoopVersion() {
    List<Requirement> required = new ArrayList<>(DataNodeSelfCheck.REQUIRED);
    required.add(Requirement.method("org.apache.hadoop.hdfs.server.datanode.DataNode", "void",
        "bartNoSuchMethod", "java.lang.String"));
    String message = DataNodeSelfCheck.problems(required);
    assertTrue(message.startsWith("BART agent cannot run on Hadoop " + VersionInfo.getVersion()),
        message);
    assertTrue(message.endsWith("missing org.apache.hadoop.hdfs.server.datanode.DataNode"
        + ".bartNoSuchMethod(java.lang.String) : void (NoSuchMethodException: no such method)"),
        message);
  }

  @Test
  void relabelAccountingReachesFsVolumeImpl(@TempDir File dir) throws Exception {
    assertTrue(DataNodeSelfCheck.REQUIRED.contains(DataNodeSelfCheck.INC_DFS_USED));
    RecordingVolume volume = new RecordingVolume(dir);
    DataNodeInternals.addDfsUsed(volume, "BP-1", 4096 + 39);
    assertEquals(Collections.singletonList("BP-1 +4135"), volume.added);
  }
}
