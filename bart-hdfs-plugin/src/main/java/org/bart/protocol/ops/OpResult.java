package org.bart.protocol.ops;

/** What an agent's block operation did: how, and the bytes it read, wrote and moved. Immutable. */
public final class OpResult {

  /** How an operation was carried out. */
  public enum Path {
    /** A hard link of the local replica: no data byte copied. */
    LINKED,
    /** A local copy (the link was impossible). */
    COPIED,
    /** Streamed to another DataNode. */
    TRANSFERRED,
    /** The result existed already (a retried operation). */
    ALREADY_DONE,
    /** Computed (merged or decoded) and stored. */
    COMPUTED,
    /** Recomputed and found equal to the stored replica. */
    CHECKED
  }

  private final Path path;
  private final long bytesRead;
  private final long bytesWritten;
  private final long bytesSent;
  private final long bytesReceived;
  private final long micros;

  public OpResult(Path path, long bytesRead, long bytesWritten, long bytesSent,
      long bytesReceived, long micros) {
    this.path = path;
    this.bytesRead = bytesRead;
    this.bytesWritten = bytesWritten;
    this.bytesSent = bytesSent;
    this.bytesReceived = bytesReceived;
    this.micros = micros;
  }

  public Path path() {
    return path;
  }

  /** Bytes read from disks, local or remote. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Data bytes written to disks. */
  public long bytesWritten() {
    return bytesWritten;
  }

  /** Bytes this agent sent over the network. */
  public long bytesSent() {
    return bytesSent;
  }

  /** Bytes this agent received over the network. */
  public long bytesReceived() {
    return bytesReceived;
  }

  /** Wall time of the operation on the agent. */
  public long micros() {
    return micros;
  }
}
