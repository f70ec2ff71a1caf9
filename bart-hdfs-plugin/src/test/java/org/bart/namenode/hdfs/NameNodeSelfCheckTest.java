package org.bart.namenode.hdfs;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.util.VersionInfo;
import org.bart.hadoop.Requirement;
import org.junit.jupiter.api.Test;

/** The NameNode plugin's self-check against the Hadoop on the test class path. */
class NameNodeSelfCheckTest {

  @Test
  void everyMemberTheCoordinatorNeedsIsInThisHadoop() {
    assertNull(NameNodeSelfCheck.result());
  }

  @Test
  void aMissingMemberIsNamedWithTheHadoopVersion() {
    List<Requirement> required = new ArrayList<>(NameNodeSelfCheck.REQUIRED);
    required.add(Requirement.method("org.apache.hadoop.hdfs.server.namenode.FSNamesystem",
        "boolean", "bartNoSuchMethod"));
    String message = NameNodeSelfCheck.problems(required);
    assertTrue(message.startsWith("BART coordinator cannot run on Hadoop "
        + VersionInfo.getVersion()), message);
    assertTrue(message.endsWith("missing org.apache.hadoop.hdfs.server.namenode.FSNamesystem"
        + ".bartNoSuchMethod() : boolean (NoSuchMethodException: no such method)"), message);
  }
}
