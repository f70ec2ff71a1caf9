package org.bart.datanode;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.util.VersionInfo;
import org.bart.hadoop.Requirement;
import org.junit.jupiter.api.Test;

/** The DataNode plugin's self-check against the Hadoop on the test class path. */
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
}
