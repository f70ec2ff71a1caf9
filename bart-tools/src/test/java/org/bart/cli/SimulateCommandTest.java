package org.bart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bart.plan.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class SimulateCommandTest {

  @TempDir
  Path dir;

  @Test
  void runsWithNoOptions() {
    CliRunner r = CliRunner.run("simulate");
    assertEquals(0, r.exitCode, r.toString());
    String[] lines = r.out.split("\n");
    assertEquals("code (6,3)->(18,3), 30 nodes, 1200 stripes, unseeded", lines[0]);
    assertTrue(lines[1].startsWith("approach"), r.toString());
    assertTrue(lines[2].startsWith("RDPM ") && lines[3].startsWith("BWPM ") && lines[4].startsWith("BTPM "),
        r.toString());
  }

  @Test
  void seededRunReproducesBartAndPlots() throws Exception {
    Path svg = dir.resolve("loads.svg");
    CliRunner r = CliRunner.run("simulate", "--code", "6,3,3", "--nodes", "30", "--stripes", "1200",
        "--approaches", "BWPM,BTPM", "--seed", "1", "--plot", svg.toString());
    assertEquals(0, r.exitCode, r.toString());
    // the same placement as reference pre_placement_6_3_3_30_1200, so BART's seed-1 results
    assertTrue(r.out.matches("(?s).*\nBWPM +82 +1608 .*\nBTPM +63 +1615 .*"), r.toString());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertEquals("svg", doc.getDocumentElement().getTagName());
    assertEquals(2, doc.getElementsByTagName("g").getLength());
  }

  @Test
  void weightedRunNeedsAProfile() {
    CliRunner r = CliRunner.run("simulate", "--approaches", "BTWeighted");
    assertEquals(1, r.exitCode);
    assertTrue(r.err.contains("BTWeighted needs --bw-profile"), r.toString());
    r = CliRunner.run("simulate", "--approaches", "BTPM,BTWeighted", "--seed", "1", "--bw-profile",
        Reference.file("bw_profile/bw_profile_30_500_1000").toString());
    assertEquals(0, r.exitCode, r.toString());
    assertTrue(r.out.contains("max_weighted_load"), r.toString());
  }

  @Test
  void listedByTheDispatcher() {
    CliRunner r = CliRunner.run("-h");
    assertTrue(r.out.contains("simulate") && r.out.contains("plan") && r.out.contains("gen-placement"),
        r.toString());
  }
}
