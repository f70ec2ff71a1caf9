package org.bart.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSLegacyRawEncoder;
import org.bart.codec.WideCode;
import org.bart.codec.WideEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bart codec gamma|merge|decode|verify} through the real dispatcher, on temporary files. */
class CodecCommandTest {

  private static final long SEED =
      Long.getLong("bart.test.seed", 20261123L) * 31 + CodecCommandTest.class.getName().hashCode();
  private static final String REPRODUCE =
      "[reproduce with -Dbart.test.seed=" + Long.getLong("bart.test.seed", 20261123L) + "]";
  private static final WideCode CODE = WideCode.forGeometry(6, 3, 3);

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int bart(Object... args) {
    out.reset();
    err.reset();
    String[] words = new String[args.length + 1];
    words[0] = "codec";
    for (int i = 0; i < args.length; i++) {
      words[i + 1] = String.valueOf(args[i]);
    }
    return BartMain.run(words, new PrintStream(out, true), new PrintStream(err, true));
  }

  private String out() {
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private String err() {
    return new String(err.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void gammaPrintsXTheMatrixAndTheStoredForm() {
    assertEquals(0, bart("gamma", 6, 3, 3), err());
    assertEquals(String.join(System.lineSeparator(),
        "x = 1 2 7",
        "08 38 d8 3f 04 f5 08 38 d8 3f 04 f5 08 38 d8 3f 04 f5",
        "0e 22 ba b0 38 7f 1c 44 69 7d 70 fe 38 88 d2 fa e0 e1",
        "07 1b 63 8e 3d 8b 15 41 34 8d b3 96 6b da 8c 84 3e c5",
        "code = rs-legacy-wide k=6 m=3 lambda=3 x=1,2,7", ""), out());
  }

  @Test
  void gammaRefusesGeometriesWithoutACode() {
    assertEquals(1, bart("gamma", 6, 3, 43));
    assertTrue(err().startsWith("bart codec gamma: no mergeable wide code for codec=rs-legacy k=6 m=3 lambda=43"),
        err());
    assertEquals(2, bart("gamma", 6, 3));
    assertEquals(2, bart());
  }

  @Test
  void mergeStreamsNarrowParityFilesIntoWideParity() throws IOException {
    Random random = new Random(SEED);
    int cell = 10_000;
    // Three members; the last one's block group is partial (shorter units and parity).
    int[] memberLength = {cell, cell, 3_333};
    byte[][] data = new byte[18][];
    List<List<Path>> narrow = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      ByteBuffer[] in = new ByteBuffer[6];
      for (int j = 0; j < 6; j++) {
        data[s * 6 + j] = bytes(random, memberLength[s]);
        in[j] = ByteBuffer.wrap(data[s * 6 + j]);
      }
      ByteBuffer[] parity = {ByteBuffer.allocate(memberLength[s]),
          ByteBuffer.allocate(memberLength[s]), ByteBuffer.allocate(memberLength[s])};
      new RSLegacyRawEncoder(new ErasureCoderOptions(6, 3)).encode(in, parity);
      List<Path> files = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        files.add(write("member" + s + "_parity" + r, parity[r].array()));
      }
      narrow.add(files);
    }
    byte[][] expected = wideParity(data, cell);
    for (int r = 0; r < 3; r++) {
      Path target = dir.resolve("wide" + r);
      assertEquals(0, bart("merge", "--chunk", 4_096, 6, 3, 3, r, target,
          narrow.get(0).get(r), narrow.get(1).get(r), narrow.get(2).get(r)), err());
      assertArrayEquals(expected[r], Files.readAllBytes(target), "wide parity " + r + " " + REPRODUCE);
    }
    assertEquals(2, bart("merge", 6, 3, 3, 0, dir.resolve("x"), narrow.get(0).get(0)));
    assertTrue(err().contains("expected LAMBDA = 3 input files, got 1"), err());
  }

  @Test
  void decodeRebuildsErasedUnitsAndVerifyChecksTheRow() throws IOException {
    Random random = new Random(SEED + 1);
    int length = 9_999;
    byte[][] data = new byte[18][];
    for (int u = 0; u < 18; u++) {
      // Member 2's units are shorter: a partial block group.
      data[u] = bytes(random, u < 12 ? length : 1_234);
    }
    byte[][] parity = wideParity(data, length);
    List<Object> units = new ArrayList<>();
    for (int u = 0; u < 21; u++) {
      units.add(write("unit" + u, u < 18 ? data[u] : parity[u - 18]));
    }
    List<Object> args = new ArrayList<>(Arrays.asList("verify", "--chunk", 1_000, 6, 3, 3));
    args.addAll(units);
    assertEquals(0, bart(args.toArray()), err());
    assertTrue(out().startsWith("OK: 9999 bytes"), out());

    List<Object> erased = new ArrayList<>(units);
    erased.set(4, "-");
    erased.set(13, "-");
    erased.set(20, "-");
    Path rebuilt = dir.resolve("rebuilt");
    args = new ArrayList<>(Arrays.asList("decode", "--chunk", 777, "--length", "13=1234", 6, 3, 3,
        rebuilt));
    args.addAll(erased);
    assertEquals(0, bart(args.toArray()), err());
    assertArrayEquals(data[4], Files.readAllBytes(rebuilt.resolve("unit_4")), REPRODUCE);
    assertArrayEquals(data[13], Files.readAllBytes(rebuilt.resolve("unit_13")), REPRODUCE);
    assertArrayEquals(parity[2], Files.readAllBytes(rebuilt.resolve("unit_20")), REPRODUCE);

    // Without --length the short unit comes back zero-padded to the row's length.
    args = new ArrayList<>(Arrays.asList("decode", 6, 3, 3, dir.resolve("padded")));
    args.addAll(erased);
    assertEquals(0, bart(args.toArray()), err());
    assertArrayEquals(Arrays.copyOf(data[13], length),
        Files.readAllBytes(dir.resolve("padded").resolve("unit_13")));

    Files.write((Path) units.get(7), bytes(random, length));
    args = new ArrayList<>(Arrays.asList("verify", 6, 3, 3));
    args.addAll(units);
    assertEquals(1, bart(args.toArray()));
    assertTrue(err().startsWith("MISMATCH"), err());
  }

  @Test
  void decodeWithMoreThanMErasedUnitsFailsNamingThem() throws IOException {
    List<Object> args = new ArrayList<>(Arrays.asList("decode", 6, 3, 3, dir.resolve("out")));
    Path unit = write("unit", new byte[10]);
    for (int u = 0; u < 21; u++) {
      args.add(u == 1 || u == 5 || u == 18 || u == 19 ? "-" : unit);
    }
    assertEquals(1, bart(args.toArray()));
    assertTrue(err().contains("4 units missing [1, 5, 18, 19]"), err());
    assertTrue(err().contains("rebuilds at most 3"), err());
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  private byte[][] wideParity(byte[][] data, int length) {
    ByteBuffer[] in = new ByteBuffer[18];
    for (int u = 0; u < 18; u++) {
      in[u] = ByteBuffer.wrap(data[u]);
    }
    ByteBuffer[] parity = {ByteBuffer.allocate(length), ByteBuffer.allocate(length),
        ByteBuffer.allocate(length)};
    new WideEncoder(CODE).encode(in, parity);
    return new byte[][] {parity[0].array(), parity[1].array(), parity[2].array()};
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
