package org.bart.namenode.read;

import java.util.Collections;
import java.util.List;

/** The answer to a degraded read: the bytes, and which internal blocks had to be decoded. */
public final class DegradedRead {
  private final byte[] data;
  private final List<String> decoded;

  DegradedRead(byte[] data, List<String> decoded) {
    this.data = data;
    this.decoded = Collections.unmodifiableList(decoded);
  }

  /** The file's bytes from the offset asked, possibly fewer than asked (a group boundary). */
  public byte[] data() {
    return data;
  }

  /** The internal blocks that had to be decoded, e.g. "unit 7 (internal block 1 of member 1)". */
  public List<String> decoded() {
    return decoded;
  }
}
