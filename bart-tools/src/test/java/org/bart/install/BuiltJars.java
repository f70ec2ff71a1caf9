package org.bart.install;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bart.cli.BartMain;
import org.bart.datanode.BartDataNodePlugin;
import org.bart.plan.approach.Approach;
import picocli.CommandLine;

/**
 * The four jars install.sh installs, made from what this test run is using: during
 * {@code mvn verify} the tools module is not packaged yet when its tests run, so its classes
 * directory (and the other modules', when Maven hands over a directory) is zipped into a jar.
 */
final class BuiltJars {

  private BuiltJars() {
  }

  /**
   * Writes bart-core, bart-hdfs-plugin, bart-tools and picocli jars, named as Maven names them,
   * to dir.
   */
  static void writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    asJar(origin(Approach.class), dir.resolve("bart-core-0.1.0-SNAPSHOT.jar"));
    asJar(origin(BartDataNodePlugin.class), dir.resolve("bart-hdfs-plugin-0.1.0-SNAPSHOT.jar"));
    asJar(origin(BartMain.class), dir.resolve("bart-tools-0.1.0-SNAPSHOT.jar"));
    asJar(origin(CommandLine.class), dir.resolve("picocli-4.7.7.jar"));
  }

  /**
   * Hadoop's jars and their dependencies from this test's class path: what a stock Hadoop
   * install puts on its class path, without BART's classes and without picocli.
   */
  static String hadoopClassPath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> kept = new ArrayList<>();
    List<Path> bart = Arrays.asList(origin(Approach.class), origin(BartMain.class),
        origin(BartDataNodePlugin.class), origin(CommandLine.class), origin(BuiltJars.class));
    for (String entry : cp.split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty() && !bart.contains(Paths.get(entry).toAbsolutePath())) {
        kept.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, kept);
  }

  private static Path origin(Class<?> c) {
    try {
      return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void asJar(Path origin, Path jar) throws IOException {
    if (Files.isRegularFile(origin)) {
      Files.copy(origin, jar);
      return;
    }
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> files = Files.walk(origin)) {
      files.filter(Files::isRegularFile).sorted().forEach(f -> {
        try {
          zip.putNextEntry(new ZipEntry(origin.relativize(f).toString().replace('\\', '/')));
          Files.copy(f, zip);
          zip.closeEntry();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
