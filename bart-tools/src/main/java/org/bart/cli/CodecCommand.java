package org.bart.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bart codec ...}: offline tools for the wide code of BART wide groups, working on plain
 * files (for example block files copied off DataNodes), with no cluster.
 */
@Command(name = "codec",
    description = {"Offline tools for the wide code of BART wide groups: merged per parity index "
        + "where such an MDS code exists, else re-encoded from the data ('gamma' says which).",
        "Wide unit order: data units of member 0, member 1, ..., then wide parity "
        + "0..m-1; for (6,3,3) member 1's data unit 4 is unit 10 and wide parity 2 "
        + "is unit 20."},
    subcommands = {CodecGammaCommand.class, CodecMergeCommand.class, CodecDecodeCommand.class,
        CodecVerifyCommand.class})
public final class CodecCommand implements BartCommand, Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private HelpOption help;

  @Override
  public List<String> names() {
    return Collections.singletonList("codec");
  }

  @Override
  public String summary() {
    return "wide-code tools: gamma (merge coefficients), merge, decode, verify";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine line = new CommandLine(new CodecCommand()).setCommandName("bart codec");
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    // A failing command prints one line naming itself and the cause, like BartMain does.
    line.setExecutionExceptionHandler((e, command, parsed) -> {
      command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
      if (Boolean.getBoolean("bart.debug")) {
        e.printStackTrace(command.getErr());
      }
      return 1;
    });
    // So does a bad argument (e.g. an unknown --codec, with the allowed values), pointing to -h.
    line.setParameterExceptionHandler((e, arguments) -> {
      String name = e.getCommandLine().getCommandSpec().qualifiedName();
      e.getCommandLine().getErr().println(name + ": " + e.getMessage() + " (see '" + name + " -h')");
      return 2;
    });
    return line.execute(Arrays.copyOfRange(args, 1, args.length));
  }

  /** {@code bart codec} alone: the usage, as an error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
