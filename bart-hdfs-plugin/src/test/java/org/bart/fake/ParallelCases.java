package org.bart.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent cases over fakes (each with a {@link FakeCluster} of its own) run a few at a time:
 * a case hands its work between the coordinator's threads and waits for them, so one case's
 * waits are another's turn on a core.
 */
public final class ParallelCases {

  private static final int AT_ONCE = 3;

  private ParallelCases() {
  }

  /**
   * Runs every case and returns their results in the cases' order.
   *
   * @throws Exception what the first failing case (in that order) threw, unwrapped
   */
  public static <T> List<T> run(List<Callable<T>> cases) throws Exception {
    ExecutorService runners = Executors.newFixedThreadPool(AT_ONCE);
    try {
      List<Future<T>> started = new ArrayList<>();
      for (Callable<T> c : cases) {
        started.add(runners.submit(c));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : started) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error) {
            throw (Error) e.getCause();
          }
          throw (Exception) e.getCause();
        }
      }
      return results;
    } finally {
      runners.shutdownNow();
    }
  }
}
