package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.bart.report.SkippedFile;

/**
 * Cuts the stream of mergeable files into batches: each holds whole files, about {@code
 * targetStripes} narrow stripes (a file is never split, so the last one may go over, never past
 * {@code maxStripes} unless one file alone does) and a multiple of lambda of them, so that every
 * stripe gets a wide group. The files {@link StripeTable#fitToLambda} leaves out are carried into
 * the next batch; only at the end of the tree are they skipped. Holds one batch at a time.
 */
final class BatchSource {

  /** Where the mergeable files come from, one at a time ({@link Discovery}). */
  interface Candidates {
    /** The next mergeable file, or null; files passed over go to {@code skipped}. */
    CandidateFile next(Consumer<SkippedFile> skipped) throws IOException;
  }

  private final Candidates discovery;
  private final int lambda;
  private final int targetStripes;
  private final int maxStripes;
  private final Consumer<SkippedFile> skipped;
  private final Deque<CandidateFile> carried = new ArrayDeque<>();

  BatchSource(Candidates discovery, int lambda, int targetStripes, int maxStripes,
      Consumer<SkippedFile> skipped) {
    this.discovery = discovery;
    this.lambda = lambda;
    this.targetStripes = targetStripes;
    this.maxStripes = maxStripes;
    this.skipped = skipped;
  }

  /** The files of the next batch, in walk order; empty when the tree has no more. */
  List<CandidateFile> next() throws IOException {
    List<CandidateFile> batch = new ArrayList<>();
    int stripes = 0;
    boolean more = true;
    boolean grow = false;
    while (true) {
      while (more && (stripes < targetStripes || grow)) {
        CandidateFile f = take();
        if (f == null) {
          more = false;
        } else if (!grow && !batch.isEmpty() && stripes + f.groups.size() > maxStripes) {
          carried.addFirst(f);
          break;
        } else {
          batch.add(f);
          stripes += f.groups.size();
          grow = false;
        }
      }
      List<CandidateFile> fitted = new ArrayList<>(batch);
      List<CandidateFile> left = StripeTable.fitToLambda(fitted, lambda);
      if (!fitted.isEmpty()) {
        for (int i = left.size() - 1; i >= 0; i--) {
          carried.addFirst(left.get(i));
        }
        return fitted;
      }
      if (!more) {
        for (CandidateFile f : left) {
          skipped.accept(new SkippedFile(f.path, "left for a later run: a wide group needs "
              + lambda + " stripes and this run's stripe count must be a multiple of it"));
        }
        return fitted;
      }
      grow = true; // no multiple of lambda among these files yet: take one more and fit again
    }
  }

  /** Gives {@code files} back, to be the first of the next batch (in this order). */
  void putBack(List<CandidateFile> files) {
    for (int i = files.size() - 1; i >= 0; i--) {
      carried.addFirst(files.get(i));
    }
  }

  private CandidateFile take() throws IOException {
    return carried.isEmpty() ? discovery.next(skipped) : carried.poll();
  }
}
