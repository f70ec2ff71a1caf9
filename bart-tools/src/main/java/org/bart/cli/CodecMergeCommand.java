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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
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

  @Mixin
  private WideGeometry geometry;

  @Parameters(index = "3", paramLabel = "R", description = "parity index, 0..M-1")
  private int r;

  @Parameters(index = "4", paramLabel = "OUT", description = "wide parity file to write")
  private Path out;

  @Parameters(index = "5..*", arity = "1..*", paramLabel = "IN",
      description = "narrow parity R of member 0, member 1, ... (LAMBDA files)")
  private List<Path> inputs;

  @Mixin
  private ChunkOption chunkOption;

  @Override
  public Integer call() throws IOException {
    WideCode code = geometry.code();
    if (inputs.size() != code.lambda()) {
      throw new ParameterException(spec.commandLine(),
          "expected LAMBDA = " + code.lambda() + " input files, got " + inputs.size());
    }
    if (r < 0 || r >= code.m()) {
      throw new ParameterException(spec.commandLine(), "R = " + r + " is not in 0.."
          + (code.m() - 1));
    }
    int chunk = chunkOption.bytes();
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
