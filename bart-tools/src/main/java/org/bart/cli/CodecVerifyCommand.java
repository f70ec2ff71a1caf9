package org.bart.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bart.codec.WideCode;
import org.bart.codec.WideEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bart codec verify K M LAMBDA UNIT_0 ...}: does a wide row's parity match its data? */
@Command(name = "verify",
    description = {"Check that a wide group's parity files match its data files.",
        "Give all LAMBDA*K+M units in wide order (data of member 0, member 1, "
        + "..., then wide parity 0..M-1). The parity files must have one length; "
        + "shorter data files count as zero-padded. Exits 0 when they match, 1 "
        + "naming the first mismatching byte range."})
final class CodecVerifyCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private HelpOption help;

  @Mixin
  private WideGeometry geometry;

  @Parameters(index = "3..*", arity = "1..*", paramLabel = "UNIT", description = "unit files")
  private List<Path> units;

  @Mixin
  private ChunkOption chunkOption;

  @Override
  public Integer call() throws IOException {
    WideCode code = geometry.code();
    if (units.size() != code.totalUnits()) {
      throw new ParameterException(spec.commandLine(), "expected LAMBDA*K+M = "
          + code.totalUnits() + " units, got " + units.size());
    }
    int chunk = chunkOption.bytes();
    WideEncoder encoder = new WideEncoder(code);
    try (UnitFiles in = new UnitFiles(units, chunk)) {
      checkSizes(code, in);
      long done = 0;
      for (int n = in.next(); n > 0; n = in.next()) {
        if (!encoder.verify(in.buffers())) {
          spec.commandLine().getErr().println("MISMATCH: the wide parity of " + code
              + " does not match the data in bytes [" + done + ", " + (done + n) + ")");
          return 1;
        }
        done += n;
      }
      spec.commandLine().getOut().println("OK: " + done + " bytes of wide parity match the data ("
          + code + ")");
    }
    return 0;
  }

  /** Every parity file has the row's length; no data file is longer. */
  private void checkSizes(WideCode code, UnitFiles in) {
    long row = in.size(code.parityUnit(0));
    for (int u = 0; u < code.totalUnits(); u++) {
      boolean parity = u >= code.dataUnits();
      if (parity ? in.size(u) != row : in.size(u) > row) {
        throw new ParameterException(spec.commandLine(), "unit " + u + " (" + units.get(u) + ") has "
            + in.size(u) + " bytes but wide parity 0 has " + row + "; parity files must all have"
            + " that length and data files at most that");
      }
    }
  }
}
