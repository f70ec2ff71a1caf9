package org.bart.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.bart.codec.WideCode;
import org.bart.codec.WideMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bart codec merge K M LAMBDA R OUT IN_0 ... IN_{LAMBDA-1}}: one wide parity from files. */
@Command(name = "merge",
    description = {"Merge narrow parity files into one wide parity file.",
        "Writes wide parity R of a wide group to OUT from the narrow parity files "
        + "of index R of members 0..LAMBDA-1 (internal block K+R of each member's "
        + "block group). Shorter inputs (a partial last block group) count as "
        + "zero-padded; OUT has the length of the longest input. Files are streamed "
        + "in chunks."})
final class CodecMergeCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private HelpOption help;

  @Parameters(index = "0", paramLabel = "K", description = "data units per member stripe")
  private int k;

  @Parameters(index = "1", paramLabel = "M", description = "parity units")
  private int m;

  @Parameters(index = "2", paramLabel = "LAMBDA", description = "member stripes per wide group")
  private int lambda;

  @Parameters(index = "3", paramLabel = "R", description = "parity index, 0..M-1")
  private int r;

  @Parameters(index = "4", paramLabel = "OUT", description = "wide parity file to write")
  private Path out;

  @Parameters(index = "5..*", arity = "1..*", paramLabel = "IN",
      description = "narrow parity R of member 0, member 1, ... (LAMBDA files)")
  private List<Path> inputs;

  @Option(names = "--chunk", paramLabel = "BYTES", defaultValue = "1048576",
      description = "bytes read from each file at a time (default: ${DEFAULT-VALUE})")
  private int chunk;

  @Override
  public Integer call() throws IOException {
    WideCode code = WideCode.forGeometry(k, m, lambda);
    if (inputs.size() != lambda) {
      throw new ParameterException(spec.commandLine(),
          "expected LAMBDA = " + lambda + " input files, got " + inputs.size());
    }
    if (r < 0 || r >= m) {
      throw new ParameterException(spec.commandLine(), "R = " + r + " is not in 0.." + (m - 1));
    }
    if (chunk < 1) {
      throw new ParameterException(spec.commandLine(), "--chunk must be positive");
    }
    WideMerger merger = new WideMerger(code);
    try (UnitFiles in = new UnitFiles(inputs, chunk);
        FileChannel target = FileChannel.open(out, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer wide = ByteBuffer.allocate((int) Math.min(chunk, Math.max(in.longest(), 1)));
      for (int n = in.next(); n > 0; n = in.next()) {
        wide.clear().limit(n);
        merger.merge(r, in.buffers(), wide);
        UnitFiles.writeFully(target, wide);
      }
    }
    return 0;
  }
}
