package org.bart.bench.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bart.cli.BartMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The HDFS benchmarks run end to end with tiny parameters and print their tables, so that they
 * cannot rot. Figures are not checked: timing on a shared machine is for the benchmarks to
 * report, not for tests to assert.
 */
class BenchCommandsSmokeIT {

  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = BartMain.run(args, new PrintStream(out, true), new PrintStream(err, true));
    String printed = out.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertEquals(0, code, "exit code of bart " + String.join(" ", args) + "; stderr: "
        + err.toString(StandardCharsets.UTF_8));
    return printed;
  }

  @Test
  void benchBandwidthPrintsOneRowPerCase() {
    String out = run("bench-bandwidth", "--rate", "8MiB", "--blocks", "2", "--block-size",
        "64KiB", "--senders", "2");
    assertTrue(out.contains("expected_s") && out.contains("deviation"), out);
    for (String name : new String[] {"send 1->1", "fan-in 2->1", "merge 3->1"}) {
      assertTrue(out.contains("\n" + name + " "), "row " + name + " in\n" + out);
    }
  }

  @Test
  void testbedPrintsOneRowPerApproachAndDrawsTheChart(@TempDir Path dir) throws Exception {
    Path chart = dir.resolve("testbed.svg");
    String out = run("testbed", "--code", "2,1,2", "--datanodes", "6", "--files", "2",
        "--groups-per-file", "1", "--cell-size", "64KiB", "--rate", "8MiB", "--approaches",
        "RDPM,BTPM", "--plot", chart.toString());
    assertTrue(out.contains("bound_s") && out.contains("ratio"), out);
    for (String approach : new String[] {"RDPM", "BTPM"}) {
      assertTrue(out.contains("\n" + approach + " "), "row " + approach + " in\n" + out);
    }
    assertTrue(!out.contains("FAILED"), out);
    // Well-formed XML, with each approach's time bars and its load panel.
    Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(chart.toFile());
    String text = svg.getDocumentElement().getTextContent();
    for (String approach : new String[] {"RDPM", "BTPM"}) {
      assertTrue(text.contains(approach + " stage "), text);
      assertTrue(text.contains(approach + " bound "), text);
      assertTrue(text.contains(approach + " measured: max_load "), text);
    }
  }

  @Test
  void benchReadsRepairPrintsBothSidesOfEveryCase() {
    String out = run("bench-reads-repair", "--block-size", "1MiB", "--groups", "1", "--runs",
        "1");
    for (int losses : ReadsRepairBench.LOSSES) {
      for (int buffer : ReadsRepairBench.BUFFERS) {
        String name = ReadsRepairBench.caseName(losses, buffer);
        assertTrue(out.contains("\n" + name + " "), "row " + name + " in\n" + out);
      }
    }
    assertTrue(out.contains("\nseconds ") && out.contains("BART -repair")
        && out.contains("wide groups whole"), out);
  }
}
