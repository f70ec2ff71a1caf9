package org.bart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bart.plan.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

  @TempDir
  Path dir;

  private Path pre() throws IOException {
    Path p = dir.resolve("pre_placement_6_3_3_30_1200");
    Files.write(p, Reference.text("pre_placement/pre_placement_6_3_3_30_1200.gz")
        .getBytes(StandardCharsets.US_ASCII));
    return p;
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.US_ASCII);
  }

  @Test
  void writesBartsFilesAndPrintsTheLoads() throws IOException {
    Path post = dir.resolve("post");
    Path meta = dir.resolve("meta");
    CliRunner r = CliRunner.run("plan", "6", "3", "18", "3", "30", "1200", "BTPM", pre().toString(),
        post.toString(), meta.toString(), "--seed", "1");
    assertEquals(0, r.exitCode, r.toString());
    assertEquals(Reference.text("outputs/BTPM_6_3_3_30_1200_seed1.post_placement.gz"), read(post));
    assertEquals(Reference.text("outputs/BTPM_6_3_3_30_1200_seed1.sg_meta.gz"), read(meta));
    assertTrue(r.out.contains("\nsend load: min: "), r.toString());
    assertTrue(r.out.contains(", cv: "), r.toString());
    assertTrue(r.out.endsWith("max_load: 63, bandwidth: 1615\n"), r.toString());
  }

  @Test
  void withABandwidthProfileAlsoPrintsWeightedLoads() throws IOException {
    Path post = dir.resolve("post");
    Path meta = dir.resolve("meta");
    CliRunner r = CliRunner.run("plan", "6", "3", "18", "3", "30", "1200", "BTWeighted", pre().toString(),
        post.toString(), meta.toString(), Reference.file("bw_profile/bw_profile_30_10_1000").toString(),
        "--seed", "1");
    assertEquals(0, r.exitCode, r.toString());
    assertEquals(Reference.text("outputs/BTWeighted_6_3_3_30_1200_bw10_seed1.post_placement.gz"), read(post));
    assertEquals(Reference.text("outputs/BTWeighted_6_3_3_30_1200_bw10_seed1.sg_meta.gz"), read(meta));
    assertTrue(r.out.contains("max_load: 79, bandwidth: 1622\n"), r.toString());
    assertTrue(r.out.endsWith("max_weighted_load: 3.533605, bandwidth: 1622\n"), r.toString());
  }

  @Test
  void reportsBadInputWithFileAndLine() throws IOException {
    Path bad = dir.resolve("bad");
    Files.write(bad, "0 1 2 3 4 5 6 7 8 \n0 1 2 3 4 5 6 7 30 \n0 1 2 3 4 5 6 7 8 \n"
        .getBytes(StandardCharsets.US_ASCII));
    CliRunner r = CliRunner.run("plan", "6", "3", "18", "3", "30", "3", "BTPM", bad.toString(), "p", "m");
    assertEquals(1, r.exitCode, r.toString());
    assertTrue(r.err.contains(bad + ":2: node id 30 of block 8 is out of range [0, 30)"), r.toString());
    r = CliRunner.run("plan", "6", "3", "18", "3", "30", "6", "BTPM", bad.toString(), "p", "m");
    assertTrue(r.err.contains(bad + ": expected 6 lines (one per stripe), got 3"), r.toString());
  }

  @Test
  void reportsBadParameters() throws IOException {
    String pre = pre().toString();
    CliRunner r = CliRunner.run("plan", "6", "3", "18", "3", "30", "1200", "BTX", pre, "p", "m");
    assertEquals(1, r.exitCode);
    assertTrue(r.err.contains("invalid approach 'BTX'"), r.toString());
    r = CliRunner.run("plan", "6", "3", "18", "3", "30", "1200", "BTWeighted", pre, "p", "m");
    assertTrue(r.err.contains("BTWeighted needs the BW_PROFILE argument"), r.toString());
    r = CliRunner.run("plan", "6", "3", "17", "3", "30", "1200", "BTPM", pre, "p", "m");
    assertTrue(r.err.contains("k_f must be a multiple of k_i"), r.toString());
    r = CliRunner.run("plan", "6", "3", "18", "3", "30", "1201", "BTPM", pre, "p", "m");
    assertTrue(r.err.contains("expected 1201 lines"), r.toString());
    r = CliRunner.run("plan", "6", "3", "18", "3", "30");
    assertEquals(2, r.exitCode);
    assertTrue(r.err.contains("Missing required parameters") && r.err.contains("Usage: bart plan"), r.toString());
  }

  @Test
  void helpExplainsTheArguments() {
    CliRunner r = CliRunner.run("plan", "-h");
    assertEquals(0, r.exitCode);
    assertTrue(r.out.contains("PRE_PLACEMENT") && r.out.contains("--seed"), r.toString());
  }
}
