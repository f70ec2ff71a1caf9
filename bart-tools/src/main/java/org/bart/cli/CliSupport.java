package org.bart.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.bart.plan.Rng;
import picocli.CommandLine;

/** What the offline commands share: picocli parsing with {@code -h}, and the choice of random source. */
final class CliSupport {

  /** A command's work, run after its options parsed. */
  interface Body {
    int run() throws Exception;
  }

  private CliSupport() {
  }

  /**
   * Parses {@code args} (whose first element is the command name) into the picocli-annotated
   * {@code options}, then runs the body.
   *
   * @return 0 after printing help for {@code -h}, 2 after printing the problem and usage for bad arguments,
   *     else the body's exit code
   */
  static int parseAndRun(String[] args, Object options, PrintStream out, PrintStream err, Body body)
      throws Exception {
    CommandLine cl = new CommandLine(options);
    try {
      cl.parseArgs(Arrays.copyOfRange(args, 1, args.length));
    } catch (CommandLine.ParameterException e) {
      err.println("bart " + args[0] + ": " + e.getMessage());
      cl.usage(err);
      return 2;
    }
    if (cl.isUsageHelpRequested()) {
      cl.usage(out);
      return 0;
    }
    return body.run();
  }

  /** BART's generator for a given seed (same stream as the C++ with BART_SEED), else a fast random one. */
  static Rng rng(Long seed) {
    return seed != null ? Rng.exact(seed) : Rng.fast(ThreadLocalRandom.current().nextLong());
  }
}
