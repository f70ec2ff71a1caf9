package org.bart.report;

/** A file under the transitioned tree that this run leaves as it is, and why. */
public final class SkippedFile {
  public String path;
  public String reason;

  public SkippedFile() {
  }

  public SkippedFile(String path, String reason) {
    this.path = path;
    this.reason = reason;
  }
}
