package org.bart.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BART's text files (spec §1.3): one record per line, integers each followed by one space, so every line
 * ends with a trailing space before {@code \n}.
 * <ul>
 *   <li>pre_placement: line s = the n_i nodes of stripe s (data blocks, then parities);
 *   <li>post_placement: line g = the n_f nodes of wide stripe g;
 *   <li>sg_meta: line g = member stripe ids in wide order, the method (0 re-encode, 1 parity merge), the
 *       m_f merge nodes;
 *   <li>bw_profile: line 1 the N upload bandwidths, line 2 the N download bandwidths (MB/s).
 * </ul>
 * Readers validate what BART's loaders take on trust and report the file and line of the first problem.
 */
public final class PlanFiles {

  private PlanFiles() {
  }

  /**
   * Reads a pre_placement file.
   *
   * @throws PlanFileException if the file does not have exactly numStripes lines of n_i integers, a node id
   *     is not in [0, numNodes), or a line repeats a node
   */
  public static int[][] readPlacement(Path file, CodeParams code, int numNodes, int numStripes)
      throws IOException {
    List<String> lines = readLines(file);
    if (lines.size() != numStripes) {
      throw new PlanFileException(file.toString(), 0, "expected " + numStripes + " lines (one per stripe), got "
          + lines.size());
    }
    int[][] stripes = new int[numStripes][];
    for (int s = 0; s < numStripes; s++) {
      stripes[s] = parseInts(file, s + 1, lines.get(s));
      String problem = PlanningProblem.checkStripe(code, numNodes, stripes[s]);
      if (problem != null) {
        throw new PlanFileException(file.toString(), s + 1, problem);
      }
    }
    return stripes;
  }

  /**
   * Reads a bw_profile file.
   *
   * @throws PlanFileException if it does not have exactly two lines of numNodes positive numbers
   */
  public static BandwidthProfile readBandwidthProfile(Path file, int numNodes) throws IOException {
    List<String> lines = readLines(file);
    if (lines.size() != 2) {
      throw new PlanFileException(file.toString(), 0, "expected 2 lines (upload, then download bandwidths),"
          + " got " + lines.size());
    }
    double[][] values = new double[2][];
    for (int i = 0; i < 2; i++) {
      String[] tokens = tokens(lines.get(i));
      if (tokens.length != numNodes) {
        throw new PlanFileException(file.toString(), i + 1, "expected " + numNodes + " bandwidths, got "
            + tokens.length);
      }
      values[i] = new double[numNodes];
      for (int n = 0; n < numNodes; n++) {
        try {
          values[i][n] = Double.parseDouble(tokens[n]);
        } catch (NumberFormatException e) {
          throw new PlanFileException(file.toString(), i + 1, "'" + tokens[n] + "' is not a number");
        }
        if (!(values[i][n] > 0) || Double.isInfinite(values[i][n])) {
          throw new PlanFileException(file.toString(), i + 1, "bandwidth of node " + n
              + " must be a positive finite number, got " + tokens[n]);
        }
      }
    }
    return new BandwidthProfile(values[0], values[1]);
  }

  /** Writes rows of node ids (a pre_placement or post_placement file body). */
  public static void writePlacement(Writer out, int[][] rows) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int[] row : rows) {
      line.setLength(0);
      appendAll(line, row);
      out.write(line.append('\n').toString());
    }
  }

  /** Writes the post_placement file of a plan: line g = post-placement of group g. */
  public static void writePostPlacement(Writer out, TransitionPlan plan) throws IOException {
    List<PlannedGroup> groups = plan.groups();
    int[][] rows = new int[groups.size()][];
    for (int g = 0; g < rows.length; g++) {
      rows[g] = groups.get(g).post;
    }
    writePlacement(out, rows);
  }

  /** Writes the sg_meta file of a plan. */
  public static void writeSgMeta(Writer out, TransitionPlan plan) throws IOException {
    StringBuilder line = new StringBuilder();
    for (PlannedGroup g : plan.groups()) {
      line.setLength(0);
      appendAll(line, g.members);
      line.append(g.method.code()).append(' ');
      appendAll(line, g.mergeNodes);
      out.write(line.append('\n').toString());
    }
  }

  /** Writes {@code file} (ASCII), replacing any previous content. */
  public static void write(Path file, FileBody body) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      body.writeTo(w);
    }
  }

  /** Something that writes a file's content. */
  public interface FileBody {
    void writeTo(Writer out) throws IOException;
  }

  private static void appendAll(StringBuilder line, int[] values) {
    for (int v : values) {
      line.append(v).append(' ');
    }
  }

  private static List<String> readLines(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        lines.add(l);
      }
    } catch (MalformedInputException e) {
      throw new PlanFileException(file.toString(), 0, "not an ASCII text file");
    }
    return lines;
  }

  private static String[] tokens(String line) {
    String t = line.trim();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }

  private static int[] parseInts(Path file, int lineNo, String line) throws PlanFileException {
    String[] tokens = tokens(line);
    int[] values = new int[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      try {
        values[i] = Integer.parseInt(tokens[i]);
      } catch (NumberFormatException e) {
        throw new PlanFileException(file.toString(), lineNo, "'" + tokens[i] + "' is not a node id");
      }
    }
    return values;
  }
}
