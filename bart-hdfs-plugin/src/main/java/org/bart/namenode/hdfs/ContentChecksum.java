package org.bart.namenode.hdfs;

import java.util.Arrays;

/** A file checksum: its algorithm's name and bytes; equal when both are. Immutable. */
public final class ContentChecksum {
  private final String algorithm;
  private final byte[] bytes;

  public ContentChecksum(String algorithm, byte[] bytes) {
    this.algorithm = algorithm;
    this.bytes = bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContentChecksum)) {
      return false;
    }
    ContentChecksum c = (ContentChecksum) o;
    return algorithm.equals(c.algorithm) && Arrays.equals(bytes, c.bytes);
  }

  @Override
  public int hashCode() {
    return algorithm.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(algorithm).append(':');
    for (byte b : bytes) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }
}
