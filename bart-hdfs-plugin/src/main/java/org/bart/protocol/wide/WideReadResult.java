package org.bart.protocol.wide;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;

/**
 * What a wide read did: how, the bytes of a read, which wanted units had to be decoded, and the
 * bytes it moved. Immutable once returned.
 */
public final class WideReadResult {

  /** How the request was carried out. */
  public enum Path {
    /** Every wanted unit was read as stored. */
    TRANSFERRED,
    /** Some wanted unit was decoded (a read), or the unit was rebuilt and stored (a rebuild). */
    COMPUTED,
    /** The target already held the rebuilt unit (a retried rebuild). */
    ALREADY_DONE,
    /** Every wanted unit equals its decoding (a check). */
    CHECKED
  }

  private final Path path;
  private final List<ByteBuffer> data;
  private final List<Integer> decoded;
  private final long bytesRead;
  private final long bytesWritten;
  private final long bytesSent;
  private final long bytesReceived;
  private final List<DecodeSources> sources;

  public WideReadResult(Path path, List<ByteBuffer> data, List<Integer> decoded, long bytesRead,
      long bytesWritten, long bytesSent, long bytesReceived) {
    this(path, data, decoded, bytesRead, bytesWritten, bytesSent, bytesReceived,
        Collections.<DecodeSources>emptyList());
  }

  /** @param sources what the decodes used, stretch by stretch (see {@link #sources()}) */
  public WideReadResult(Path path, List<ByteBuffer> data, List<Integer> decoded, long bytesRead,
      long bytesWritten, long bytesSent, long bytesReceived, List<DecodeSources> sources) {
    this.path = path;
    this.sources = Collections.unmodifiableList(sources);
    this.data = Collections.unmodifiableList(data);
    this.decoded = Collections.unmodifiableList(decoded);
    this.bytesRead = bytesRead;
    this.bytesWritten = bytesWritten;
    this.bytesSent = bytesSent;
    this.bytesReceived = bytesReceived;
  }

  public Path path() {
    return path;
  }

  /**
   * Of a read, per wanted unit in request order, its bytes of the range (fewer past the unit's
   * end), each buffer ready to read; empty for a rebuild or a check.
   */
  public List<ByteBuffer> data() {
    return data;
  }

  /** Wanted units that had to be decoded, in the order they first were; empty for a check. */
  public List<Integer> decoded() {
    return decoded;
  }

  /**
   * The units the decodes of a read or a rebuild used, in range order, stretches with the same
   * ones merged; they cover the range only where every chunk had to decode. Empty for a check.
   */
  public List<DecodeSources> sources() {
    return sources;
  }

  /** Bytes read from replicas, local or remote. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Bytes stored (the rebuilt unit). */
  public long bytesWritten() {
    return bytesWritten;
  }

  /** Bytes this node sent to another DataNode. */
  public long bytesSent() {
    return bytesSent;
  }

  /** Bytes this node received from other DataNodes. */
  public long bytesReceived() {
    return bytesReceived;
  }
}
