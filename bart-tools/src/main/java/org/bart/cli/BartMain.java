package org.bart.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Entry point of {@code bin/bart} and {@code hdfs bart}: finds the command named by the first
 * argument among the {@link BartCommand}s on the class path and runs it.
 */
public final class BartMain {

  private BartMain() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<BartCommand> commands = discover();
    if (args.length == 0 || "-h".equals(args[0]) || "--help".equals(args[0])
        || "help".equals(args[0])) {
      printUsage(commands, args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    BartCommand command = find(commands, args[0]);
    if (command == null) {
      command = hadoopStyle(commands, args);
    }
    if (command == null) {
      err.println("bart: unknown command '" + args[0] + "'");
      printUsage(commands, err);
      return 2;
    }
    try {
      return command.run(args, out, err);
    } catch (Exception e) {
      err.println("bart " + command.names().get(0) + ": " + describe(e));
      if (Boolean.getBoolean("bart.debug")) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  /** Every command on the class path, sorted by its first name. */
  public static List<BartCommand> discover() {
    List<BartCommand> commands = new ArrayList<>();
    for (BartCommand c : ServiceLoader.load(BartCommand.class)) {
      commands.add(c);
    }
    commands.sort(Comparator.comparing(c -> c.names().get(0)));
    return commands;
  }

  private static BartCommand find(List<BartCommand> commands, String name) {
    for (BartCommand c : commands) {
      if (c.names().contains(name)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The Hadoop-style command (a name starting with '-') named after leading generic options, as in
   * {@code hdfs bart -D key=value -transition PATH}; the command parses those options itself.
   */
  private static BartCommand hadoopStyle(List<BartCommand> commands, String[] args) {
    for (String a : args) {
      BartCommand c = find(commands, a);
      if (c != null) {
        return c.names().get(0).startsWith("-") ? c : null;
      }
    }
    return null;
  }

  /**
   * The first line of the message: what a refusal says (a call refused by a BART server carries
   * the server's stack trace after it; -Dbart.debug=true prints everything).
   */
  private static String describe(Throwable e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int eol = m.indexOf('\n');
    return eol < 0 ? m : m.substring(0, eol);
  }

  private static void printUsage(List<BartCommand> commands, PrintStream to) {
    to.println("usage: bart COMMAND [ARGS...]   (bart COMMAND -h for a command's options)");
    to.println();
    for (BartCommand c : commands) {
      to.printf("  %-16s %s%n", String.join(", ", c.names()), c.summary());
    }
    to.println();
    to.println("Set -Dbart.debug=true (BART_OPTS) for stack traces.");
  }
}
