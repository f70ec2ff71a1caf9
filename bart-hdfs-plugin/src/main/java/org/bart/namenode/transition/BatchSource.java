package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bart.report.SkippedFile;

/**
 * Cuts the stream of mergeable files into batches, one {@link PolicyClass} per batch: files of
 * different policies under one tree are grouped by class, and each class is cut on its own. A
 * batch holds whole files, about {@code targetStripes} narrow stripes (a file is never split, so
 * the last one may go over, never past {@code maxStripes} unless one file alone does) and a
 * multiple of lambda of them, so that every stripe gets a wide group. The files {@link
 * StripeTable#fitToLambda} leaves out stay open for the class's next batch; only at the end of the
 * tree are they skipped. Holds one open batch per class and at most one cut batch besides.
 */
final class BatchSource {

  /** Where the mergeable files come from, one at a time ({@link Discovery}). */
  interface Candidates {
    /** The next mergeable file, or null; files passed over go to {@code skipped}. */
    CandidateFile next(Consumer<SkippedFile> skipped) throws IOException;
  }

  /** The files of one class not in a batch yet, in walk order. */
  private final class Open {
    List<CandidateFile> files = new ArrayList<>();
    int stripes;

    void add(CandidateFile f) {
      if (!files.isEmpty() && stripes + f.groups.size() > maxStripes) {
        cut(); // if nothing fits yet, the batch grows past the bound by this one file
      }
      files.add(f);
      stripes += f.groups.size();
      if (stripes >= targetStripes) {
        cut();
      }
    }

    /** Queues the largest multiple of lambda these files make, if any; true if it did. */
    boolean cut() {
      List<CandidateFile> fitted = new ArrayList<>(files);
      List<CandidateFile> left = StripeTable.fitToLambda(fitted, lambda);
      if (fitted.isEmpty()) {
        return false;
      }
      cut.add(fitted);
      files = left;
      stripes = 0;
      for (CandidateFile f : left) {
        stripes += f.groups.size();
      }
      return true;
    }
  }

  private final Candidates discovery;
  private final int lambda;
  private final int targetStripes;
  private final int maxStripes;
  private final Consumer<SkippedFile> skipped;
  private final Map<PolicyClass, Open> open = new LinkedHashMap<>();
  private final Deque<List<CandidateFile>> cut = new ArrayDeque<>();
  private boolean treeDone;

  BatchSource(Candidates discovery, int lambda, int targetStripes, int maxStripes,
      Consumer<SkippedFile> skipped) {
    this.discovery = discovery;
    this.lambda = lambda;
    this.targetStripes = targetStripes;
    this.maxStripes = maxStripes;
    this.skipped = skipped;
  }

  /** The files of the next batch (all of one class), in walk order; empty when none are left. */
  List<CandidateFile> next() throws IOException {
    while (cut.isEmpty() && !treeDone) {
      CandidateFile f = discovery.next(skipped);
      if (f == null) {
        treeDone = true;
      } else {
        open.computeIfAbsent(PolicyClass.of(f.policy), c -> new Open()).add(f);
      }
    }
    // At the end of the tree, the classes' open batches one at a time, in the order first met.
    for (Iterator<Map.Entry<PolicyClass, Open>> it = open.entrySet().iterator();
        cut.isEmpty() && it.hasNext(); ) {
      Map.Entry<PolicyClass, Open> e = it.next();
      if (!e.getValue().cut()) {
        for (CandidateFile f : e.getValue().files) {
          skipped.accept(new SkippedFile(f.path, "left for a later run: a wide group needs "
              + lambda + " stripes of one class (" + e.getKey() + ") and the stripe count of "
              + "this run's last batch of that class must be a multiple of it"));
        }
        it.remove();
      }
    }
    return cut.isEmpty() ? new ArrayList<CandidateFile>() : cut.poll();
  }

  /**
   * Gives {@code files} (of one class, the unchanged files of a batch that was rolled back) back,
   * to be the first of that class's next batch, in this order.
   */
  void putBack(List<CandidateFile> files) {
    if (files.isEmpty()) {
      return;
    }
    Open o = open.computeIfAbsent(PolicyClass.of(files.get(0).policy), c -> new Open());
    List<CandidateFile> first = new ArrayList<>(files);
    first.addAll(o.files);
    o.files = first;
    for (CandidateFile f : files) {
      o.stripes += f.groups.size();
    }
    if (o.stripes >= targetStripes) {
      o.cut();
    }
  }
}
