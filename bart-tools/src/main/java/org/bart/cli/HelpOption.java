package org.bart.cli;

import picocli.CommandLine.Option;

/** The {@code -h}/{@code --help} option of the picocli-based commands (there is no version). */
final class HelpOption {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;
}
