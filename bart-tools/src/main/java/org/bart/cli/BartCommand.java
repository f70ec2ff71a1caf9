package org.bart.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One command of the {@code bart} tool ({@code bin/bart NAME ...} or {@code hdfs bart NAME ...}).
 *
 * <p>Commands are discovered with {@link java.util.ServiceLoader}: each module lists its commands in
 * {@code META-INF/services/org.bart.cli.BartCommand}, so the offline tools (planner, codec) work
 * without Hadoop on the class path and the HDFS commands appear when the plugin jar is present.
 *
 * <p>Implementations are stateless; {@link #run} may be called once per instance.
 */
public interface BartCommand {

  /**
   * The first-argument spellings this command answers to, e.g. {@code "simulate"} or, for the
   * Hadoop-style admin commands, {@code "-transition"}.
   */
  List<String> names();

  /** One line for the tool's usage listing. */
  String summary();

  /**
   * Runs the command.
   *
   * @param args every argument, including the command name itself as {@code args[0]}; for a
   *     Hadoop-style command (name starting with '-') Hadoop's generic options (-D, -conf, -fs)
   *     may come before its name
   * @param out where results go
   * @param err where errors and usage go
   * @return the process exit code: 0 on success, non-zero on any failure
   * @throws Exception an unexpected failure; the launcher prints it and exits with 1
   */
  int run(String[] args, PrintStream out, PrintStream err) throws Exception;
}
