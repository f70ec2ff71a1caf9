package org.bart.cli;

import org.bart.codec.NarrowCodec;
import org.bart.codec.WideCode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * The K M LAMBDA arguments that open every {@code bart codec} subcommand, the {@code --codec} of
 * the member stripes, and their code.
 */
final class WideGeometry {

  @Option(names = "--codec", paramLabel = "CODEC", defaultValue = "rs-legacy",
      converter = CodecName.class,
      description = "HDFS codec of the member stripes: rs, rs-legacy or xor "
          + "(default: ${DEFAULT-VALUE})")
  private NarrowCodec codec;

  @Parameters(index = "0", paramLabel = "K", description = "data units per member stripe")
  private int k;

  @Parameters(index = "1", paramLabel = "M", description = "parity units")
  private int m;

  @Parameters(index = "2", paramLabel = "LAMBDA", description = "member stripes per wide group")
  private int lambda;

  /**
   * The wide code a transition of these arguments uses (searched once per codec and geometry, then
   * cached): the merged one, or the re-encoded one where none merges.
   */
  WideCode code() {
    return WideCode.forTransition(codec, k, m, lambda);
  }

  /** Reads a codec by its HDFS name; picocli reports a bad one with the option's name. */
  static final class CodecName implements ITypeConverter<NarrowCodec> {

    @Override
    public NarrowCodec convert(String value) {
      try {
        return NarrowCodec.forName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
