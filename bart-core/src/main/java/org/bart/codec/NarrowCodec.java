package org.bart.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The HDFS erasure codecs whose parity a BART wide group can merge, each with the parity generator
 * of Hadoop's pure Java raw encoder for it. The names are HDFS's own
 * ({@code ErasureCodeConstants.RS_CODEC_NAME} and so on, what {@code
 * ErasureCodingPolicy.getCodecName()} returns), so a policy's codec maps to a constant with {@link
 * #forName}.
 *
 * <p>Every generator is over {@link Gf256} and is m x k, rows indexed by parity r and columns by data
 * unit j: narrow parity r of a stripe is sum_j G[r][j] d_j.
 */
public enum NarrowCodec {

  /** HDFS's default codec ({@code RSRawEncoder}, RS-6-3-1024k): a Cauchy matrix, {@link RsGenerator}. */
  RS("rs") {
    @Override
    public int[][] parityMatrix(int k, int m) {
      return RsGenerator.parityMatrix(k, m);
    }
  },

  /** The polynomial-remainder codec of {@code RSLegacyRawEncoder}, see {@link RsLegacyGenerator}. */
  RS_LEGACY("rs-legacy") {
    @Override
    public int[][] parityMatrix(int k, int m) {
      return RsLegacyGenerator.parityMatrix(k, m);
    }
  },

  /**
   * {@code XORRawEncoder} (XOR-2-1-1024k): one parity unit, the XOR of the data units, so G is a
   * single row of ones.
   */
  XOR("xor") {
    @Override
    public int[][] parityMatrix(int k, int m) {
      // XORRawEncoder writes only output 0 whatever m its options say: more parity would be zeros.
      if (k < 1 || m != 1 || k + m > Gf256.ORDER) {
        throw new IllegalArgumentException(
            "xor needs k >= 1, m = 1 and k + m <= 255; got k=" + k + " m=" + m);
      }
      int[][] parity = new int[1][k];
      Arrays.fill(parity[0], 1);
      return parity;
    }
  };

  private final String hdfsName;

  NarrowCodec(String hdfsName) {
    this.hdfsName = hdfsName;
  }

  /**
   * Returns the m x k parity generator G of this codec as a new array the caller owns.
   *
   * @throws IllegalArgumentException if Hadoop's encoder for this codec refuses (k, m)
   */
  public abstract int[][] parityMatrix(int k, int m);

  /** The codec's name in HDFS: {@code rs}, {@code rs-legacy} or {@code xor}. */
  public String hdfsName() {
    return hdfsName;
  }

  /** The HDFS name, so that messages and the CLI show what HDFS shows. */
  @Override
  public String toString() {
    return hdfsName;
  }

  /**
   * Returns the codec HDFS calls {@code name} (exactly, as {@code ErasureCodingPolicy.getCodecName()}
   * returns it: lower case).
   *
   * @throws IllegalArgumentException naming the allowed names if no codec has that name
   */
  public static NarrowCodec forName(String name) {
    for (NarrowCodec codec : values()) {
      if (codec.hdfsName.equals(name)) {
        return codec;
      }
    }
    throw new IllegalArgumentException("unknown codec '" + name + "': expected one of " + names());
  }

  /** The HDFS names of every codec, comma separated: {@code rs, rs-legacy, xor}. */
  public static String names() {
    List<String> names = new ArrayList<>();
    for (NarrowCodec codec : values()) {
      names.add(codec.hdfsName);
    }
    return String.join(", ", names);
  }
}
