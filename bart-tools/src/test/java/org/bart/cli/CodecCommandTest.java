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
import org.bart.codec.HadoopEncoders;
import org.bart.codec.NarrowCodec;
import org.bart.codec.WideCode;
import org.bart.codec.WideEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bart codec gamma|merge|decode|verify} through the real dispatcher, on temporary files. */
class CodecCommandTest {

  private static final long SEED =
      Long.getLong("bart.test.seed", 20261123L) * 31 + CodecCommandTest.class.getName().hashCode();
  private static final String REPRODUCE =
      "[reproduce with -Dbart.test.seed=" + Long.getLong("bart.test.seed", 20261123L) + "]";

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
  void gammaOfTheRsCodecPrintsTheOraclesX() {
    // wide_code.py 6 3 3 rs prints the same x and matrix.
    assertEquals(0, bart("gamma", "--codec", "rs", 6, 3, 3), err());
    assertEquals(String.join(System.lineSeparator(),
        "x = 1 2 19",
        "7a ba 47 a7 8e f4 7a ba 47 a7 8e f4 7a ba 47 a7 8e f4",
        "ba 7a a7 47 f4 8e 69 f4 53 8e f5 01 d2 f5 a6 01 f7 02",
        "ad 9d dd 98 3d aa e8 9f 2b c0 b0 91 03 b9 f7 c1 02 4b",
        "code = rs-wide k=6 m=3 lambda=3 x=1,2,19", ""), out());
    assertEquals(0, bart("gamma", "--codec=xor", 2, 1, 3), err());
    assertEquals(String.join(System.lineSeparator(),
        "x = 1", "01 01 01 01 01 01", "code = xor-wide k=2 m=1 lambda=3 x=1", ""), out());
    assertEquals(0, bart("gamma", "--codec", "rs-legacy", 6, 3, 3), err());
    assertTrue(out().startsWith("x = 1 2 7" + System.lineSeparator()), out());
  }

  @Test
  void anUnknownCodecIsOneLineNamingTheOptionAndTheAllowedValues() {
    assertEquals(2, bart("gamma", "--codec", "RS", 6, 3, 3));
    assertEquals("bart codec gamma: Invalid value for option '--codec': unknown codec 'RS': expected"
        + " one of rs, rs-legacy, xor (see 'bart codec gamma -h')" + System.lineSeparator(), err());
    assertEquals("", out());
    for (String command : new String[] {"merge", "decode", "verify"}) {
      assertEquals(2, bart(command, "--codec", "hhxor", 6, 3, 3, "a", "b", "c", "d"));
      assertTrue(err().startsWith("bart codec " + command + ": Invalid value for option '--codec': "
          + "unknown codec 'hhxor': expected one of rs, rs-legacy, xor"), err());
    }
  }

  @Test
  void gammaSaysWhichGeometriesAreReEncodedAndRefusesInvalidOnes() {
    assertEquals(0, bart("gamma", "--codec", "rs", 10, 4, 2), err());
    String[] lines = out().split(System.lineSeparator());
    assertEquals("x = none: no per-index merge is MDS for rs (10,4,2), so a transition re-encodes"
        + " the wide parity from the group's data with the Cauchy matrix below", lines[0]);
    // Row 0 of Hadoop's RS(20,4) Cauchy matrix: 1 / (20 XOR u).
    assertTrue(lines[1].startsWith("e0 3e 4c 66 d8 "), lines[1]);
    assertEquals("code = rs-wide k=10 m=4 lambda=2 reencode=cauchy", lines[5]);
    assertEquals(0, bart("gamma", "--codec", "rs", 6, 3, 6), err());
    assertTrue(out().endsWith("code = rs-wide k=6 m=3 lambda=6 reencode=cauchy"
        + System.lineSeparator()), out());
    assertEquals(1, bart("merge", "--codec", "rs", 10, 4, 2, 0, "out", "a", "b"));
    assertTrue(err().contains("cannot be merged from narrow parity"), err());
    assertEquals(1, bart("gamma", "--codec", "xor", 2, 2, 2));
    assertTrue(err().contains("codec=xor k=2 m=2 lambda=2: xor needs k >= 1, m = 1"), err());
  }

  @Test
  void gammaRefusesGeometriesWithoutACode() {
    assertEquals(1, bart("gamma", 6, 3, 43));
    assertTrue(err().startsWith(
        "bart codec gamma: no mergeable wide code for codec=rs-legacy k=6 m=3 lambda=43"),
        err());
    assertEquals(2, bart("gamma", 6, 3));
    assertEquals(2, bart());
  }

  @ParameterizedTest(name = "--codec {0}")
  @ValueSource(strings = {"rs-legacy", "rs"})
  void mergeStreamsNarrowParityFilesIntoWideParity(String codec) throws IOException {
    WideCode code = WideCode.forGeometry(NarrowCodec.forName(codec), 6, 3, 3);
    Random random = new Random(SEED);
    int cell = 10_000;
    // Three members; the last one's block group is partial (shorter units and parity).
    int[] memberLength = {cell, cell, 3_333};
    byte[][] data = new byte[18][];
    List<List<Path>> narrow = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      for (int j = 0; j < 6; j++) {
        data[s * 6 + j] = bytes(random, memberLength[s]);
      }
      // The narrow parity HDFS stored: Hadoop's own encoder of the codec.
      byte[][] parity =
          HadoopEncoders.parity(code.codec(), 3, Arrays.copyOfRange(data, s * 6, s * 6 + 6));
      List<Path> files = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        files.add(write("member" + s + "_parity" + r, parity[r]));
      }
      narrow.add(files);
    }
    byte[][] expected = wideParity(code, data, cell);
    for (int r = 0; r < 3; r++) {
      Path target = dir.resolve("wide" + r);
      assertEquals(0, bart("merge", "--codec", codec, "--chunk", 4_096, 6, 3, 3, r, target,
          narrow.get(0).get(r), narrow.get(1).get(r), narrow.get(2).get(r)), err());
      assertArrayEquals(expected[r], Files.readAllBytes(target), "wide parity " + r + " " + REPRODUCE);
    }
    assertEquals(2,
        bart("merge", "--codec", codec, 6, 3, 3, 0, dir.resolve("x"), narrow.get(0).get(0)));
    assertTrue(err().contains("expected LAMBDA = 3 input files, got 1"), err());
  }

  @ParameterizedTest(name = "--codec {0}")
  @ValueSource(strings = {"rs-legacy", "rs"})
  void decodeRebuildsErasedUnitsAndVerifyChecksTheRow(String codec) throws IOException {
    WideCode code = WideCode.forGeometry(NarrowCodec.forName(codec), 6, 3, 3);
    Random random = new Random(SEED + 1);
    int length = 9_999;
    byte[][] data = new byte[18][];
    for (int u = 0; u < 18; u++) {
      // Member 2's units are shorter: a partial block group.
      data[u] = bytes(random, u < 12 ? length : 1_234);
    }
    byte[][] parity = wideParity(code, data, length);
    List<Object> units = new ArrayList<>();
    for (int u = 0; u < 21; u++) {
      units.add(write("unit" + u, u < 18 ? data[u] : parity[u - 18]));
    }
    List<Object> args = new ArrayList<>(Arrays.asList("verify", "--codec", codec, "--chunk", 1_000,
        6, 3, 3));
    args.addAll(units);
    assertEquals(0, bart(args.toArray()), err());
    assertTrue(out().startsWith("OK: 9999 bytes"), out());
    assertTrue(out().contains("(" + code + ")"), out());
    // The same files are not a row of the other codec's wide code.
    String other = codec.equals("rs") ? "rs-legacy" : "rs";
    args.set(2, other);
    assertEquals(1, bart(args.toArray()), out());
    assertTrue(err().startsWith("MISMATCH: the wide parity of " + other + "-wide"), err());

    List<Object> erased = new ArrayList<>(units);
    erased.set(4, "-");
    erased.set(13, "-");
    erased.set(20, "-");
    Path rebuilt = dir.resolve("rebuilt");
    args = new ArrayList<>(Arrays.asList("decode", "--codec", codec, "--chunk", 777, "--length",
        "13=1234", 6, 3, 3, rebuilt));
    args.addAll(erased);
    assertEquals(0, bart(args.toArray()), err());
    assertArrayEquals(data[4], Files.readAllBytes(rebuilt.resolve("unit_4")), REPRODUCE);
    assertArrayEquals(data[13], Files.readAllBytes(rebuilt.resolve("unit_13")), REPRODUCE);
    assertArrayEquals(parity[2], Files.readAllBytes(rebuilt.resolve("unit_20")), REPRODUCE);

    // Without --length the short unit comes back zero-padded to the row's length.
    args = new ArrayList<>(
        Arrays.asList("decode", "--codec", codec, 6, 3, 3, dir.resolve("padded")));
    args.addAll(erased);
    assertEquals(0, bart(args.toArray()), err());
    assertArrayEquals(Arrays.copyOf(data[13], length),
        Files.readAllBytes(dir.resolve("padded").resolve("unit_13")));

    Files.write((Path) units.get(7), bytes(random, length));
    args = new ArrayList<>(Arrays.asList("verify", "--codec", codec, 6, 3, 3));
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

  private static byte[][] wideParity(WideCode code, byte[][] data, int length) {
    ByteBuffer[] in = new ByteBuffer[18];
    for (int u = 0; u < 18; u++) {
      in[u] = ByteBuffer.wrap(data[u]);
    }
    ByteBuffer[] parity = {ByteBuffer.allocate(length), ByteBuffer.allocate(length),
        ByteBuffer.allocate(length)};
    new WideEncoder(code).encode(in, parity);
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
