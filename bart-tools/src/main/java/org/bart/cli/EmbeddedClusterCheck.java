package org.bart.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The commands that start an embedded HDFS (demo, testbed, bench-bandwidth, bench-reads-repair,
 * bench-scale) need Hadoop's test jars, which {@code bin/bart} puts on the class path and an installed {@code hdfs bart} does not
 * (install.sh installs no test code into a cluster).
 */
final class EmbeddedClusterCheck {

  private static final String MINI_CLUSTER = "org.apache.hadoop.hdfs.MiniDFSCluster";

  private EmbeddedClusterCheck() {
  }

  /** True if an embedded cluster can start; otherwise says why on {@code err}. */
  static boolean available(String command, PrintStream err) {
    try {
      Class.forName(MINI_CLUSTER, false, EmbeddedClusterCheck.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      err.println("bart " + command + ": runs an embedded HDFS and needs Hadoop's test jars ("
          + MINI_CLUSTER + " not found): run it from a checkout with bin/bart " + command);
      return false;
    }
  }

  /**
   * Runs the picocli command {@code options} with the arguments after the command's name, its
   * usage and errors on {@code out} and {@code err}, if an embedded cluster can start.
   *
   * @return the command's exit code, or 2 if no embedded cluster can start
   */
  static int execute(String command, Object options, String[] args, PrintStream out,
      PrintStream err) {
    if (!available(command, err)) {
      return 2;
    }
    CommandLine cl = new CommandLine(options);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(Arrays.copyOfRange(args, 1, args.length));
  }
}
