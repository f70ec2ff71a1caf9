package org.bart.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A byte count on the command line: a plain number of bytes, or a number with a binary unit
 * ({@code 512KiB}, {@code 4MiB}, {@code 1.5GiB}; {@code K}, {@code M}, {@code G} alone mean the
 * same). Rates use the same spelling, per second.
 */
final class ByteSize implements ITypeConverter<Long> {

  private static final String[] UNITS = {"", "K", "M", "G", "T"};

  @Override
  public Long convert(String value) {
    return parse(value);
  }

  /**
   * The number of bytes {@code value} spells.
   *
   * @throws TypeConversionException naming the value if it is not a positive size
   */
  static long parse(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    if (v.endsWith("IB")) {
      v = v.substring(0, v.length() - 2);
    } else if (v.endsWith("B")) {
      v = v.substring(0, v.length() - 1);
    }
    int unit = 0;
    for (int u = UNITS.length - 1; u > 0; u--) {
      if (v.endsWith(UNITS[u])) {
        unit = u;
        v = v.substring(0, v.length() - 1).trim();
        break;
      }
    }
    double bytes;
    try {
      bytes = Double.parseDouble(v) * Math.pow(1024, unit);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value
          + "' is not a size (e.g. 4MiB, 512KiB, 1048576)");
    }
    if (!(bytes >= 1) || bytes > Long.MAX_VALUE) {
      throw new TypeConversionException("'" + value + "' is not a positive size");
    }
    return (long) bytes;
  }
}
