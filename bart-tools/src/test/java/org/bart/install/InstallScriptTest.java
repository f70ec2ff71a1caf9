package org.bart.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.bart.cli.BartMain;
import org.bart.datanode.BartDataNodePlugin;
import org.bart.namenode.BartNameNodePlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install.sh against a Hadoop 3.3 install tree whose shell is a stand-in (see FakeHadoopHome). */
class InstallScriptTest {

  /** An operator's hdfs-site.xml: a commented-out plugin list, xattrs already on, one line each. */
  private static final String SITE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <?xml-stylesheet type="text/xsl" href="configuration.xsl"?>
      <!-- site settings -->
      <configuration>
        <property>
          <name>dfs.replication</name>
          <value>2</value>
        </property>
        <!--
        <property>
          <name>dfs.namenode.plugins</name>
          <value>com.example.Retired</value>
        </property>
        -->
        <property><name>dfs.namenode.xattrs.enabled</name><value>true</value></property>
      </configuration>
      """;

  @TempDir
  Path tmp;

  @Test
  void installsJarsAndProfileSoThatHdfsBartRunsBartsCli() throws Exception {
    FakeHadoopHome hadoop = FakeHadoopHome.create(tmp.resolve("hadoop"), "3.3.4", SITE);
    Path jars = tmp.resolve("jars");
    BuiltJars.writeTo(jars);
    // What a Maven build dir also holds; none of it belongs in Hadoop.
    Files.writeString(jars.resolve("bart-core-0.1.0-SNAPSHOT-sources.jar"), "sources");
    Files.writeString(jars.resolve("nimbus-jose-jwt-9.8.1.jar"), "Hadoop ships its own");

    Run r = Run.install(tmp, hadoop.home.toString(), "--jars", jars.toString());
    assertEquals(0, r.exitCode, r::toString);

    Path lib = hadoop.home.resolve("share/hadoop/bart");
    assertEquals(List.of("bart-core-0.1.0-SNAPSHOT.jar", "bart-hdfs-plugin-0.1.0-SNAPSHOT.jar",
        "bart-tools-0.1.0-SNAPSHOT.jar", "picocli-4.7.7.jar"), list(lib));
    for (String jar : list(lib)) {
      assertArrayEquals(Files.readAllBytes(jars.resolve(jar)), Files.readAllBytes(lib.resolve(jar)), jar);
    }
    assertArrayEquals(Files.readAllBytes(Run.REPO.resolve("hdfs-patch/shellprofile.d/bart.sh")),
        Files.readAllBytes(hadoop.home.resolve("libexec/shellprofile.d/bart.sh")));
    // Without --apply-config the properties are printed and hdfs-site.xml is left alone.
    assertTrue(r.out.contains("<value>" + BartNameNodePlugin.class.getName() + "</value>"), r::toString);
    assertTrue(r.out.contains("<value>" + BartDataNodePlugin.class.getName() + "</value>"), r::toString);
    assertEquals(SITE, Files.readString(hadoop.confDir.resolve("hdfs-site.xml")));

    Run help = hdfs(hadoop, "bart", "-h");
    assertEquals(0, help.exitCode, help::toString);
    assertEquals("", help.err, help::toString);
    for (String command : List.of("-transition", "-status", "simulate")) {
      assertTrue(help.out.contains("\n  " + command + " "), () -> command + " missing:\n" + help);
    }
    String calls = Files.readString(hadoop.calls);
    assertTrue(calls.contains("hadoop_add_profile bart\n"), calls);
    assertTrue(calls.contains("hadoop_add_classpath " + lib + "/* after\n"), calls);
    assertTrue(calls.contains("hadoop_add_subcommand bart|client|"), calls);
    assertTrue(calls.contains("HADOOP_CLASSNAME=" + BartMain.class.getName() + "\n"), calls);

    // Arguments reach the command: -transition tries the cluster that fs.defaultFS names.
    Run transition = hdfs(hadoop, "bart", "-transition", "/x");
    assertEquals(1, transition.exitCode, transition::toString);
    assertTrue(transition.err.contains("bart -transition: "), transition::toString);
    Run simulate = hdfs(hadoop, "bart", "simulate", "--nodes", "30", "--stripes", "30");
    assertEquals(0, simulate.exitCode, simulate::toString);
    assertTrue(simulate.out.contains("BTPM"), simulate::toString);
  }

  @Test
  void profileRegistersTheSubcommandOnlyForHdfsButAddsTheJarsForEveryCommand() throws Exception {
    FakeHadoopHome hadoop = FakeHadoopHome.create(tmp.resolve("hadoop"), "3.3.4", SITE);
    Path lib = Files.createDirectories(hadoop.home.resolve("share/hadoop/bart"));
    String script = ". libexec/hadoop-functions.sh; HADOOP_SHELL_EXECNAME=yarn HADOOP_HOME=\"$PWD\"; "
        + ". " + Run.REPO.resolve("hdfs-patch/shellprofile.d/bart.sh") + "; _bart_hadoop_classpath; "
        + "echo \"profiles=$HADOOP_SHELL_PROFILES cp=$CLASSPATH\"";
    Run r = Run.command(hadoop.home, Map.of("CALLS", hadoop.calls.toString()),
        List.of("bash", "-c", script));
    assertEquals(0, r.exitCode, r::toString);
    assertEquals("profiles= bart cp=" + lib + "/*\n", r.out, r::toString);
    assertFalse(Files.readString(hadoop.calls).contains("hadoop_add_subcommand"));
  }

  @Test
  void applyConfigIsIdempotentKeepsTheOriginalAndUninstallRemovesEverything() throws Exception {
    FakeHadoopHome hadoop = FakeHadoopHome.create(tmp.resolve("hadoop"), "3.3.4", SITE);
    Path jars = tmp.resolve("jars");
    BuiltJars.writeTo(jars);
    Path site = hadoop.confDir.resolve("hdfs-site.xml");
    Path backup = hadoop.confDir.resolve("hdfs-site.xml.bart-backup");
    String[] install = {hadoop.home.toString(), "--jars", jars.toString(), "--conf-dir",
        hadoop.confDir.toString(), "--apply-config"};

    Run first = Run.install(tmp, install);
    assertEquals(0, first.exitCode, first::toString);
    String applied = Files.readString(site);
    Configuration conf = new Configuration(false);
    conf.addResource(site.toUri().toURL());
    assertEquals(BartNameNodePlugin.class.getName(), conf.get("dfs.namenode.plugins"));
    assertEquals(BartDataNodePlugin.class.getName(), conf.get("dfs.datanode.plugins"));
    assertEquals("true", conf.get("dfs.namenode.xattrs.enabled"));
    assertEquals("2", conf.get("dfs.replication"));
    assertEquals(1, count(applied, "<name>dfs.namenode.xattrs.enabled</name>"), applied);
    assertTrue(applied.startsWith(SITE.substring(0, SITE.lastIndexOf("</configuration>"))), applied);
    assertEquals(SITE, Files.readString(backup));

    Run second = Run.install(tmp, install);
    assertEquals(0, second.exitCode, second::toString);
    assertEquals(applied, Files.readString(site));
    assertEquals(SITE, Files.readString(backup));

    Run uninstall = Run.install(tmp, "--uninstall", hadoop.home.toString(), "--conf-dir",
        hadoop.confDir.toString());
    assertEquals(0, uninstall.exitCode, uninstall::toString);
    assertEquals("", uninstall.err, uninstall::toString);
    assertFalse(Files.exists(hadoop.home.resolve("share/hadoop/bart")));
    assertEquals(List.of("hadoop-hdfs.sh"), list(hadoop.home.resolve("libexec/shellprofile.d")));
    assertEquals(SITE, Files.readString(site));
    assertFalse(Files.exists(backup), "the backup equals the restored file, so it goes too");
  }

  @Test
  void applyConfigNeverOverwritesAnOperatorsValueAndChangesNothingThen() throws Exception {
    String site = SITE.replace("<!--\n  <property>", "<property>")
        .replace("</property>\n  -->", "</property>");
    FakeHadoopHome hadoop = FakeHadoopHome.create(tmp.resolve("hadoop"), "3.3.4", site);
    Path jars = tmp.resolve("jars");
    BuiltJars.writeTo(jars);

    Run r = Run.install(tmp, hadoop.home.toString(), "--jars", jars.toString(), "--conf-dir",
        hadoop.confDir.toString(), "--apply-config");
    assertEquals(1, r.exitCode, r::toString);
    assertTrue(r.err.contains("dfs.namenode.plugins is 'com.example.Retired'"), r::toString);
    assertEquals(site, Files.readString(hadoop.confDir.resolve("hdfs-site.xml")));
    assertEquals(List.of("hdfs-site.xml"), list(hadoop.confDir));
    assertFalse(Files.exists(hadoop.home.resolve("share/hadoop/bart")));
    assertFalse(Files.exists(hadoop.home.resolve("libexec/shellprofile.d/bart.sh")));
  }

  @Test
  void refusesWhatIsNotHadoop3AndWarnsAboutOtherThan33() throws Exception {
    Path jars = tmp.resolve("jars");
    BuiltJars.writeTo(jars);

    FakeHadoopHome hadoop2 = FakeHadoopHome.create(tmp.resolve("hadoop2"), "2.10.2", SITE);
    Files.delete(hadoop2.home.resolve("libexec/hadoop-functions.sh"));
    Run r = Run.install(tmp, hadoop2.home.toString(), "--jars", jars.toString());
    assertEquals(1, r.exitCode, r::toString);
    assertTrue(r.err.contains("does not look like a Hadoop 3.x install"), r::toString);
    assertFalse(Files.exists(hadoop2.home.resolve("share/hadoop/bart")));

    FakeHadoopHome hadoop4 = FakeHadoopHome.create(tmp.resolve("hadoop4"), "4.0.0", SITE);
    r = Run.install(tmp, hadoop4.home.toString(), "--jars", jars.toString());
    assertEquals(1, r.exitCode, r::toString);
    assertTrue(r.err.contains("is Hadoop 4.0.0; BART needs Hadoop 3.x"), r::toString);

    FakeHadoopHome hadoop32 = FakeHadoopHome.create(tmp.resolve("hadoop32"), "3.2.4", SITE);
    r = Run.install(tmp, hadoop32.home.toString(), "--jars", jars.toString());
    assertEquals(0, r.exitCode, r::toString);
    assertTrue(r.err.contains("warning: Hadoop 3.2.4 found"), r::toString);
    assertTrue(Files.exists(hadoop32.home.resolve("libexec/shellprofile.d/bart.sh")));
  }

  private Run hdfs(FakeHadoopHome hadoop, String... args) throws IOException, InterruptedException {
    // through bash: a temporary directory may be mounted noexec
    List<String> command = Stream.concat(Stream.of("bash", hadoop.home.resolve("bin/hdfs").toString()),
        Stream.of(args)).collect(Collectors.toList());
    return Run.command(tmp, Map.of(
        "CALLS", hadoop.calls.toString(),
        "JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "STUB_HADOOP_CLASSPATH", BuiltJars.hadoopClassPath()), command);
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }
}
