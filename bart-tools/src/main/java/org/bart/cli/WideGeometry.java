package org.bart.cli;

import org.bart.codec.WideCode;
import picocli.CommandLine.Parameters;

/** The K M LAMBDA arguments that open every {@code bart codec} subcommand, and their code. */
final class WideGeometry {

  @Parameters(index = "0", paramLabel = "K", description = "data units per member stripe")
  private int k;

  @Parameters(index = "1", paramLabel = "M", description = "parity units")
  private int m;

  @Parameters(index = "2", paramLabel = "LAMBDA", description = "member stripes per wide group")
  private int lambda;

  /** The wide code of these arguments (searched once per geometry, then cached). */
  WideCode code() {
    return WideCode.forGeometry(k, m, lambda);
  }
}
