package org.bart.hadoop;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.hadoop.util.VersionInfo;
import org.junit.jupiter.api.Test;

/** The check itself, on members of the JDK and of the Hadoop on the test class path. */
class HadoopCheckTest {

  private static final ClassLoader LOADER = HadoopCheckTest.class.getClassLoader();

  @Test
  void presentMembersPass() {
    assertNull(HadoopCheck.problems("test", Arrays.asList(
        Requirement.type("org.apache.hadoop.util.VersionInfo"),
        Requirement.method("org.apache.hadoop.util.VersionInfo", "java.lang.String",
            "getVersion"),
        // protected; and inherited from a superclass (Configured)
        Requirement.method("org.apache.hadoop.util.VersionInfo", "java.lang.String",
            "_getVersion"),
        Requirement.method("org.apache.hadoop.hdfs.server.datanode.DataNode",
            "org.apache.hadoop.conf.Configuration", "getConf"),
        Requirement.constructor("java.lang.String", "char[]")), LOADER));
  }

  @Test
  void eachMissingMemberIsNamedWithTheHadoopVersion() {
    String message = HadoopCheck.problems("test", Arrays.asList(
        Requirement.type("org.apache.hadoop.NoSuchBartClass"),
        Requirement.method("java.lang.String", "int", "length"),
        Requirement.method("java.lang.String", "void", "noSuchBartMethod", "long[]"),
        Requirement.method("java.lang.String", "long", "length"),
        Requirement.constructor("java.lang.String", "org.apache.hadoop.NoSuchBartType")), LOADER);
    assertTrue(message.contains("Hadoop " + VersionInfo.getVersion()), message);
    assertTrue(message.contains("class org.apache.hadoop.NoSuchBartClass"), message);
    assertTrue(message.contains("java.lang.String.noSuchBartMethod(long[]) : void"), message);
    assertTrue(message.contains("java.lang.String.length() : long (NoSuchMethodException: returns "
        + "int, not long)"), message);
    assertTrue(message.contains("constructor java.lang.String(org.apache.hadoop.NoSuchBartType)"),
        message);
    assertTrue(!message.contains("length() : int"), "present members are not listed: " + message);
  }

  @Test
  void onlyAnotherHadoopLineIsWarnedAbout() {
    assertNull(HadoopCheck.versionWarning("test", "3.3.4"));
    assertNull(HadoopCheck.versionWarning("test", "3.3.6"));
    String warning = HadoopCheck.versionWarning("BART agent", "3.4.0");
    assertTrue(warning.startsWith("BART agent runs on Hadoop 3.4.0"), warning);
  }
}
