package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.fs.Path;
import org.bart.cli.BartMain;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.SampleFiles;
import org.bart.namenode.metadata.BartPaths;
import org.bart.report.TransitionReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** The CLI as an operator types it: generic options, -dry-run, -json, -plot, -status. */
class TransitionCliIT {

  private static SmallCluster small;

  @BeforeAll
  static void start() throws Exception {
    small = new SmallCluster();
  }

  @AfterAll
  static void stop() {
    if (small != null) {
      small.close();
    }
  }

  private static String[] cli(String... args) {
    String[] generic = {"-D", CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY + "="
        + small.cluster.conf().get(CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY),
        "-D", BartConfigKeys.NAMENODE_RPC_ADDRESS + "="
        + small.cluster.conf().get(BartConfigKeys.NAMENODE_RPC_ADDRESS)};
    String[] all = new String[generic.length + args.length];
    System.arraycopy(generic, 0, all, 0, generic.length);
    System.arraycopy(args, 0, all, generic.length, args.length);
    return all;
  }

  @Test
  void dryRunPlansAndChangesNothingThenTheRealRunWritesJsonAndPlot(@TempDir java.nio.file.Path dir)
      throws Exception {
    Map<String, byte[]> contents = small.writeTree("/cli", SmallCluster.SEED + 3);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    java.nio.file.Path json = dir.resolve("dry.json");
    int rc = BartMain.run(cli("-transition", "/cli", "-lambda", "2", "-dry-run", "-json",
        json.toString(), "-seed", "5"), new PrintStream(out, true), new PrintStream(err, true));
    assertEquals(0, rc, err.toString());
    // LSPM, our planner, is the default of -transition.
    assertTrue(out.toString().contains("Plan (dry run) of /cli with LSPM"), out.toString());
    TransitionReport dry = TransitionReport.fromJson(new String(Files.readAllBytes(json),
        StandardCharsets.UTF_8));
    assertTrue(dry.dryRun);
    assertEquals(3, dry.wideGroups);
    assertEquals(7, dry.predictedSend.length);
    assertFalse(small.dfs().exists(new Path("/cli", BartPaths.HIDDEN_DIR)), "dry run: no change");
    assertEquals("RS-LEGACY-2-1-64k",
        small.dfs().getErasureCodingPolicy(new Path("/cli/f0")).getName());

    java.nio.file.Path plot = dir.resolve("load.svg");
    json = dir.resolve("run.json");
    rc = BartMain.run(cli("-transition", "/cli", "-lambda", "2", "-approach", "BWPM", "-json",
        json.toString(), "-plot", plot.toString()), new PrintStream(out, true),
        new PrintStream(err, true));
    assertEquals(0, rc, err.toString());
    TransitionReport run = TransitionReport.fromJson(new String(Files.readAllBytes(json),
        StandardCharsets.UTF_8));
    assertEquals("BWPM", run.approach);
    assertEquals(4, run.filesCommitted);
    assertEquals(run.predictedBandwidth, run.measuredBandwidth);
    org.w3c.dom.Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(plot.toFile());
    assertEquals("svg", svg.getDocumentElement().getTagName());
    assertEquals(2, svg.getElementsByTagName("g").getLength(), "planned and measured panels");
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      assertArrayEquals(e.getValue(), SampleFiles.read(small.dfs(), new Path(e.getKey())));
    }

    out.reset();
    rc = BartMain.run(cli("-status"), new PrintStream(out, true), new PrintStream(err, true));
    assertEquals(0, rc, err.toString());
    assertTrue(out.toString().contains("/cli SUCCEEDED"), out.toString());
    assertTrue(out.toString().contains("DataNode agents: 7 registered, 7 ready"), out.toString());
  }

  @Test
  void badArgumentsPrintUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = BartMain.run(cli("-transition"), new PrintStream(new ByteArrayOutputStream(), true),
        new PrintStream(err, true));
    assertEquals(2, rc);
    assertTrue(err.toString().contains("-transition needs a value"), err.toString());
    assertTrue(err.toString().contains("usage: bart"), err.toString());

    ByteArrayOutputStream noBatch = new ByteArrayOutputStream();
    assertEquals(2, BartMain.run(cli("-transition", "/t", "-batch-groups", "0"),
        new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(noBatch, true)));
    assertTrue(noBatch.toString().contains("-batch-groups must be at least 1, got 0"),
        noBatch.toString());
  }
}
