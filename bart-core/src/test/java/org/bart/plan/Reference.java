package org.bart.plan;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * BART's C++ reference inputs and outputs (copied from reference/sim, seed 1), on the test class path
 * under {@code bart-reference/}; the larger files are gzipped.
 */
public final class Reference {

  private Reference() {
  }

  /** The text of a resource under bart-reference/, gunzipped if its name ends in .gz. */
  public static String text(String name) {
    String path = "/bart-reference/" + name;
    try (InputStream raw = Reference.class.getResourceAsStream(path)) {
      if (raw == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The resource as a file: itself when the test class path is a directory (this module), a
   * temporary copy when it is read from bart-core's test jar (bart-tools' tests).
   */
  public static Path file(String name) {
    URL url = Reference.class.getResource("/bart-reference/" + name);
    if (url == null) {
      throw new IllegalStateException("missing test resource bart-reference/" + name);
    }
    try {
      if (!"jar".equals(url.getProtocol())) {
        return Paths.get(url.toURI());
      }
      Path copy = Files.createTempFile("bart-reference-", "-" + Paths.get(name).getFileName());
      copy.toFile().deleteOnExit();
      try (InputStream in = url.openStream()) {
        Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return copy;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names (without extension) of the C++ outputs, e.g. {@code BTPM_6_3_3_30_1200_seed1}. */
  static Stream<String> outputCases() throws IOException {
    try (Stream<Path> files = Files.list(file("outputs"))) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".sg_meta.gz"))
          .map(n -> n.substring(0, n.length() - ".sg_meta.gz".length()))
          .sorted()
          .toList();
      return names.stream();
    }
  }

  /** The pre_placement file names, e.g. {@code pre_placement_6_3_3_30_1200}. */
  static Stream<String> placements() throws IOException {
    try (Stream<Path> files = Files.list(file("pre_placement"))) {
      return files.map(p -> p.getFileName().toString().replace(".gz", "")).sorted().toList().stream();
    }
  }

  /** Parses whitespace-separated node ids, one stripe per line. */
  static int[][] parsePlacement(String text) {
    return text.lines().map(l -> Stream.of(l.trim().split(" ")).mapToInt(Integer::parseInt).toArray())
        .toArray(int[][]::new);
  }

  /** Fails naming the first differing line if the texts differ. */
  static void assertSameText(String expected, String actual, String what) {
    if (expected.equals(actual)) {
      return;
    }
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.min(e.length, a.length); i++) {
      if (!e[i].equals(a[i])) {
        fail(what + " differs from BART's at line " + (i + 1) + ":\n  expected '" + e[i] + "'\n  actual   '"
            + a[i] + "'");
      }
    }
    fail(what + " differs from BART's in length: " + e.length + " vs " + a.length + " lines");
  }
}
