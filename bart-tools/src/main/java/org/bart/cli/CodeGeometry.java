package org.bart.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** What a {@code --code k,m,lambda} option names: RS(k,m) stripes, lambda of them per wide group. */
final class CodeGeometry {

  final int k;
  final int m;
  final int lambda;

  private CodeGeometry(int k, int m, int lambda) {
    this.k = k;
    this.m = m;
    this.lambda = lambda;
  }

  /**
   * Parses {@code text}.
   *
   * @throws ParameterException for {@code cl} unless it is three integers separated by commas
   */
  static CodeGeometry parse(CommandLine cl, String text) {
    String[] c = text.split(",");
    if (c.length == 3) {
      try {
        return new CodeGeometry(Integer.parseInt(c[0].trim()), Integer.parseInt(c[1].trim()),
            Integer.parseInt(c[2].trim()));
      } catch (NumberFormatException e) {
        // refused below
      }
    }
    throw new ParameterException(cl, "--code needs k,m,lambda, e.g. 6,3,3");
  }
}
