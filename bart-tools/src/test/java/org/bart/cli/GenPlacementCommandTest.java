package org.bart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bart.plan.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenPlacementCommandTest {

  @TempDir
  Path dir;

  @Test
  void seededOutputEqualsGenPrePlacement() throws Exception {
    Path out = dir.resolve("pre");
    CliRunner r = CliRunner.run("gen-placement", "10", "4", "20", "4", "60", "1200", out.toString(), "--seed", "1");
    assertEquals(0, r.exitCode, r.toString());
    assertEquals(Reference.text("pre_placement/pre_placement_10_4_2_60_1200.gz"),
        new String(Files.readAllBytes(out), StandardCharsets.US_ASCII));
  }

  @Test
  void unseededOutputIsAValidPlacement() throws Exception {
    Path out = dir.resolve("pre");
    assertEquals(0, CliRunner.run("gen-placement", "4", "2", "8", "2", "10", "20", out.toString()).exitCode);
    assertEquals(20, Files.readAllLines(out).size());
  }

  @Test
  void rejectsBadParameters() {
    CliRunner r = CliRunner.run("gen-placement", "6", "3", "18", "3", "8", "30", dir.resolve("x").toString());
    assertEquals(1, r.exitCode);
    assertTrue(r.err.contains("need n_i = 9"), r.toString());
    r = CliRunner.run("gen-placement", "6", "3", "18", "3", "30", "30", dir.resolve("x").toString(), "--seed",
        "-4");
    assertTrue(r.err.contains("mt19937 seed must be in [0, 2^32)"), r.toString());
    r = CliRunner.run("gen-placement", "6", "three", "18", "3", "30", "30", "x");
    assertEquals(2, r.exitCode);
    assertTrue(r.err.contains("'three'"), r.toString());
  }
}
