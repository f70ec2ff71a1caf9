package org.bart.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bart.plan.approach.Approach;
import org.bart.plan.approach.ComparisonTable;
import org.bart.plan.approach.SimulationResult;
import org.bart.plan.approach.Simulator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The simulator's comparison table and SVG chart, on BART's (6,3,3) reference placement with seed 1. */
class SimulatorOutputTest {

  private static List<SimulationResult> simulate() {
    CodeParams code = CodeParams.of(6, 3, 18, 3);
    PlanningProblem p = new PlanningProblem(code, 30,
        Reference.parsePlacement(Reference.text("pre_placement/pre_placement_6_3_3_30_1200.gz")), null);
    return Simulator.compare(p, Arrays.asList(Approach.RDPM, Approach.BWPM, Approach.BTPM), () -> Rng.exact(1));
  }

  @Test
  void tableHasOneRowPerApproachWithBartsNumbers() {
    String[] lines = ComparisonTable.format(simulate(), null).split("\n");
    assertEquals(4, lines.length);
    assertTrue(lines[0].matches("approach +max_load +bandwidth +send_cv +recv_cv +plan_ms"), lines[0]);
    // max_load and bandwidth of BART's seed-1 runs on this placement (cpp-timings.csv)
    assertTrue(lines[1].matches("RDPM +233 +5456 .*"), lines[1]);
    assertTrue(lines[2].matches("BWPM +82 +1608 .*"), lines[2]);
    assertTrue(lines[3].matches("BTPM +63 +1615 .*"), lines[3]);
  }

  @Test
  void svgIsWellFormedWithAPanelOfBarsPerApproach() throws Exception {
    String svg = LoadChartSvg.render("test <chart> & more",
        simulate().stream().map(SimulationResult::chartPanel).collect(Collectors.toList()));
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertEquals("svg", root.getTagName());
    assertEquals("http://www.w3.org/2000/svg", root.getAttribute("xmlns"));
    NodeList groups = root.getElementsByTagName("g");
    assertEquals(3, groups.getLength());
    for (int i = 0; i < groups.getLength(); i++) {
      Element panel = (Element) groups.item(i);
      assertEquals(60, panel.getElementsByTagName("rect").getLength(), "a send and a receive bar per node");
      String text = panel.getTextContent();
      assertTrue(text.contains("node id") && text.contains("load (blocks)") && text.contains("max_load"), text);
    }
    assertEquals("panel-BTPM", ((Element) groups.item(2)).getAttribute("id"));
    assertTrue(svg.contains("test &lt;chart&gt; &amp; more"));
  }

  @Test
  void tickStepsAreRound() {
    assertEquals(1, LoadChartSvg.tickStep(3));
    assertEquals(20, LoadChartSvg.tickStep(63));
    assertEquals(50, LoadChartSvg.tickStep(233));
    assertEquals(1000, LoadChartSvg.tickStep(4378));
  }
}
