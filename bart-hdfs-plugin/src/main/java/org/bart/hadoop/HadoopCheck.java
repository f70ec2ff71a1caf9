package org.bart.hadoop;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.util.VersionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-check a BART plugin runs when its daemon starts: every Hadoop member it will call
 * (see {@link Requirement}) must exist with the expected signature in the running Hadoop. A
 * mismatch is reported at start, naming each missing member and the Hadoop version, instead of
 * surfacing later as a NoSuchMethodError in the middle of a transition.
 */
public final class HadoopCheck {

  private static final Logger LOG = LoggerFactory.getLogger(HadoopCheck.class);
  /** The Hadoop line BART is built and tested against. */
  static final String TESTED_LINE = "3.3.";

  private HadoopCheck() {
  }

  /**
   * Checks {@code required} against the classes visible to {@code loader}; warns (once per call)
   * if the running Hadoop is not of the tested line but has everything.
   *
   * @param who what is checking, as in an operator's log ("BART agent of DataNode dn1")
   * @return null if everything is there, else one message naming every missing member and the
   *     running Hadoop version
   */
  public static String problems(String who, List<Requirement> required, ClassLoader loader) {
    String version = VersionInfo.getVersion();
    List<String> missing = new ArrayList<>();
    for (Requirement r : required) {
      String p = r.problem(loader);
      if (p != null) {
        missing.add(p);
      }
    }
    if (!missing.isEmpty()) {
      return who + " cannot run on Hadoop " + version + " (BART is built for Hadoop "
          + TESTED_LINE + "x): missing " + String.join("; ", missing);
    }
    String warning = versionWarning(who, version);
    if (warning != null) {
      LOG.warn(warning);
    }
    return null;
  }

  /** Null for a Hadoop of the tested line, else a warning that it was not tested. */
  static String versionWarning(String who, String version) {
    return version.startsWith(TESTED_LINE) ? null
        : who + " runs on Hadoop " + version + ", which BART was not tested with (it is built for "
            + TESTED_LINE + "x); every Hadoop member it needs is there";
  }
}
