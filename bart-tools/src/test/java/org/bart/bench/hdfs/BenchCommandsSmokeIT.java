package org.bart.bench.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

  /**
   * Two trees (2 and 4 files of 4 stripes of RS-LEGACY(2,1), grouped by 2) with batches of 4
   * wide groups (8 stripes: two files each, so 1 and 2 batches) and the small tree again with
   * batches of 2 groups (4 stripes: one file each, so 2 batches), all on one cluster of 6
   * DataNodes: the batch counts follow from the bound each run asks for, every run commits, and
   * every file reads back byte-identical (the bench's own checksums; it exits 1 otherwise).
   */
  @Test
  void benchScalePrintsOneColumnPerRunAndEveryFileSurvives() {
    String out = run("bench-scale", "--code", "2,1,2", "--trees", "8,16", "--batch-groups",
        "4", "--small-batch-groups", "2", "--small-batch-tree", "8", "--stripes-per-file", "4",
        "--datanodes", "6", "--writers", "2");
    assertEquals(Arrays.asList("8", "16", "8"), cells(out, "tree (stripes)"));
    assertEquals(Arrays.asList("4", "4", "2"), cells(out, "batch groups (bound)"));
    assertEquals(Arrays.asList("1", "2", "2"), cells(out, "batches"));
    assertEquals(Arrays.asList("8", "8", "4"), cells(out, "stripes of the largest batch"));
    assertEquals(Arrays.asList("committed", "committed", "committed"), cells(out, "outcome"));
    assertEquals(Arrays.asList("2/2", "4/4", "2/2"), cells(out, "files byte-identical"));
    for (String phase : new String[] {"recover", "discover", "plan", "stage", "verify", "commit",
        "cleanup", "total"}) {
      int rows = 0;
      for (String line : out.split("\n")) {
        if (line.startsWith("  " + phase + " ")) {
          rows++;
          assertEquals(1 + 3, line.trim().split("\\s+").length, line);
        }
      }
      assertEquals(2, rows, "one ms row and one calls row for " + phase + " in\n" + out);
    }
    for (String stage : cellsAfter(out, "NameNode ClientProtocol calls per stripe", "stage")) {
      assertTrue(Double.parseDouble(stage) > 0, "staging calls the NameNode:\n" + out);
    }
    assertTrue(out.contains("time per stripe, largest / smallest tree (16 / 8 stripes"), out);
  }

  /** The cells of the first row labelled {@code label}. */
  private static List<String> cells(String out, String label) {
    return cellsAfter(out, "", label);
  }

  /** The cells of the first row labelled {@code label} after the line {@code section}. */
  private static List<String> cellsAfter(String out, String section, String label) {
    String rest = out.substring(out.indexOf(section));
    for (String line : rest.split("\n")) {
      if (line.trim().startsWith(label + " ")) {
        return Arrays.asList(line.trim().substring(label.length()).trim().split("\\s+"));
      }
    }
    throw new AssertionError("no row " + label + " in\n" + out);
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
    String out = run("bench-reads-repair", "--code", "3,3,2", "--block-size", "1MiB",
        "--groups", "1", "--runs", "1");
    for (int losses : ReadsRepairBench.LOSSES) {
      for (int buffer : ReadsRepairBench.BUFFERS) {
        String name = ReadsRepairBench.caseName(losses, buffer);
        assertTrue(out.contains("\n" + name + " "), "row " + name + " in\n" + out);
      }
    }
    String healthy = ReadsRepairBench.caseName(0, ReadsRepairBench.HEALTHY_BUFFER);
    assertTrue(out.contains("\n" + healthy + " "), "row " + healthy + " in\n" + out);
    assertTrue(out.contains("(read amplification)"), out);
    assertTrue(out.contains("\nseconds ") && out.contains("BART -repair")
        && out.contains("wide groups whole"), out);
  }
}
