package org.bart.cli;

import java.util.concurrent.Callable;
import org.bart.codec.WideCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bart codec gamma K M LAMBDA}: the merge coefficients x and the wide parity matrix. */
@Command(name = "gamma",
    description = {"Print the merge coefficients x and the parity matrix of a wide code.",
        "Searches the code for members of codec CODEC with (K, M, LAMBDA) and prints x = x_0 ... "
        + "x_(M-1) (decimal; wide parity r = sum_s x_r^s * narrow parity r of member s), then the "
        + "M x LAMBDA*K parity matrix A in hex (the format of wide_code.py K M LAMBDA CODEC), then "
        + "the code's stored form."})
final class CodecGammaCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private HelpOption help;

  @Mixin
  private WideGeometry geometry;

  @Override
  public Integer call() {
    WideCode code = geometry.code();
    StringBuilder x = new StringBuilder("x =");
    for (int r = 0; r < code.m(); r++) {
      x.append(' ').append(code.x(r));
    }
    spec.commandLine().getOut().println(x);
    for (int[] row : code.parityMatrix()) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        line.append(c == 0 ? "" : " ").append(String.format("%02x", row[c]));
      }
      spec.commandLine().getOut().println(line);
    }
    spec.commandLine().getOut().println("code = " + code);
    return 0;
  }
}
