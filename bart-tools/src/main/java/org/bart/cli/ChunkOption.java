package org.bart.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --chunk} option of the codec tools that stream files. */
final class ChunkOption {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(names = "--chunk", paramLabel = "BYTES", defaultValue = "1048576",
      description = "bytes read from each file at a time (default: ${DEFAULT-VALUE})")
  private int chunk;

  /** The chunk size, checked to be positive. */
  int bytes() {
    if (chunk < 1) {
      throw new ParameterException(spec.commandLine(), "--chunk must be positive");
    }
    return chunk;
  }
}
