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
        + "the code's stored form. Where no x makes the merged code MDS (e.g. rs 10 4 2, rs 6 3 6), "
        + "the first line says so and the matrix is the Cauchy matrix of the re-encoded code "
        + "(1 / ((LAMBDA*K + r) XOR u)) that a transition computes from the data."})
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
    if (!code.merges()) {
      x.append(" none: no per-index merge is MDS for ").append(code.codec()).append(" (")
          .append(code.k()).append(',').append(code.m()).append(',').append(code.lambda())
          .append("), so a transition re-encodes the wide parity from the group's data with the"
              + " Cauchy matrix below");
    }
    for (int r = 0; code.merges() && r < code.m(); r++) {
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
