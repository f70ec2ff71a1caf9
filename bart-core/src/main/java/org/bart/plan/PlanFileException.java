package org.bart.plan;

import java.io.IOException;

/** A planner input file that cannot be used; the message names the file and, where it applies, the line. */
public final class PlanFileException extends IOException {

  private static final long serialVersionUID = 1L;

  PlanFileException(String file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
  }
}
