package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A tiny run of {@link CoordinatorSimulation}, so that the simulation cannot rot. */
class CoordinatorSimulationTest {

  @Test
  void twoSmallBatchesCommitEverythingAndMoveExactlyWhatWasPlanned() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    boolean ok = CoordinatorSimulation.run(new String[] {"--stripes", "90", "--nodes", "40",
        "--batch-stripes", "45", "--approach", "RDPM"},
        new PrintStream(buf, true, "UTF-8"));
    String out = new String(buf.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(ok, out);
    assertTrue(out.contains("total: 90 stripes"), out);
    assertTrue(out.contains("executed as planned: yes"), out);
  }
}
