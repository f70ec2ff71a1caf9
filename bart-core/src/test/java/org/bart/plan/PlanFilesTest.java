package org.bart.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFilesTest {

  private static final CodeParams CODE = CodeParams.of(2, 1, 4, 1);

  @TempDir
  Path dir;

  @Test
  void readsAPlacementAndWritesItBack() throws IOException {
    Path f = write("pre", "0 1 2 \n3 4 0 \n");
    int[][] stripes = PlanFiles.readPlacement(f, CODE, 5, 2);
    assertArrayEquals(new int[][] {{0, 1, 2}, {3, 4, 0}}, stripes);
    StringWriter out = new StringWriter();
    PlanFiles.writePlacement(out, stripes);
    assertEquals("0 1 2 \n3 4 0 \n", out.toString(), "BART's format: every number followed by a space");
  }

  @Test
  void placementErrorsNameFileAndLine() throws IOException {
    Path f = write("short", "0 1 2 \n");
    assertFileError(f + ": expected 2 lines (one per stripe), got 1",
        () -> PlanFiles.readPlacement(f, CODE, 5, 2));
    Path g = write("range", "0 1 2 \n3 9 0 \n");
    assertFileError(g + ":2: node id 9 of block 1 is out of range [0, 5)",
        () -> PlanFiles.readPlacement(g, CODE, 5, 2));
    Path h = write("dup", "0 0 2 \n3 4 1 \n");
    assertFileError(h + ":1: blocks 0 and 1 are both on node 0",
        () -> PlanFiles.readPlacement(h, CODE, 5, 2));
    Path i = write("word", "0 1 2 \n3 x 1 \n");
    assertFileError(i + ":2: 'x' is not a node id", () -> PlanFiles.readPlacement(i, CODE, 5, 2));
    Path j = write("long", "0 1 2 3 \n3 4 1 \n");
    assertFileError(j + ":1: expected n_i = 3 node ids, got 4", () -> PlanFiles.readPlacement(j, CODE, 5, 2));
  }

  @Test
  void readsABandwidthProfile() throws IOException {
    Path f = write("bw", "10.5 20 30 \n1 2 3.25\n");
    BandwidthProfile bw = PlanFiles.readBandwidthProfile(f, 3);
    assertEquals(20, bw.upload(1));
    assertEquals(3.25, bw.download(2));
  }

  @Test
  void bandwidthProfileErrorsNameFileAndLine() throws IOException {
    Path f = write("bw1", "1 2 3\n");
    assertFileError(f + ": expected 2 lines", () -> PlanFiles.readBandwidthProfile(f, 3));
    Path g = write("bw2", "1 2 3\n1 2\n");
    assertFileError(g + ":2: expected 3 bandwidths, got 2", () -> PlanFiles.readBandwidthProfile(g, 3));
    Path h = write("bw3", "1 -2 3\n1 2 3\n");
    assertFileError(h + ":1: bandwidth of node 1 must be a positive finite number",
        () -> PlanFiles.readBandwidthProfile(h, 3));
    Path i = write("bw4", "1 2 3\n1 fast 3\n");
    assertFileError(i + ":2: 'fast' is not a number", () -> PlanFiles.readBandwidthProfile(i, 3));
  }

  @Test
  void writesPostPlacementAndSgMetaInBartsFormat() throws IOException {
    PlanningProblem p = new PlanningProblem(CODE, 6, new int[][] {{0, 1, 2}, {3, 4, 5}}, null);
    PlannedGroup g = new PlannedGroup(new int[] {1, 0}, EncodeMethod.PARITY_MERGE, new int[] {5},
        new int[] {3, 4, 0, 1, 5});
    TransitionPlan plan = new TransitionPlan("test", p, Arrays.asList(g));
    StringWriter post = new StringWriter();
    PlanFiles.writePostPlacement(post, plan);
    assertEquals("3 4 0 1 5 \n", post.toString());
    StringWriter meta = new StringWriter();
    PlanFiles.writeSgMeta(meta, plan);
    assertEquals("1 0 1 5 \n", meta.toString());
  }

  private Path write(String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.US_ASCII));
  }

  private static void assertFileError(String expected, org.junit.jupiter.api.function.Executable call) {
    PlanFileException e = assertThrows(PlanFileException.class, call);
    assertTrue(e.getMessage().startsWith(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
  }
}
