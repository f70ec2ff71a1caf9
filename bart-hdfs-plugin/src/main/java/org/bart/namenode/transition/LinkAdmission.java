package org.bart.namenode.transition;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Admits the stage's block transfers onto the DataNodes' links so that no link is ever asked for
 * more than it carries. Each DataNode has two links, out and in, each carrying
 * {@code transfersPerLink} blocks at a time at its full rate; a transfer of one block from node a
 * to node b waits until a's out-link and b's in-link both have room.
 *
 * <p>Why: the agents pace every chunk at both ends, one after the other; with more streams on a
 * link than it carries, a chunk holds its slot at one end while it waits at the other, and that
 * slot is lost to both (measured: stage times 1.2 to 1.4 x the plan's bound, worst for plans
 * whose DataNodes are all near max_load). Admitted within capacity, a chunk waits at neither end.
 *
 * <p>Order: waiting transfers are admitted by priority, the most blocks still to cross either of
 * their links first (the plan's max_load is a time only if its busiest links never idle), ties
 * in arrival order; one that does not fit lets the next that does go first (a link waits only
 * while no transfer it could carry has room at its other end). Each admission scan sorts the
 * waiting transfers: O(W log W) for W waiting, about a second of CPU per batch of 6000.
 * Thread-safe.
 */
final class LinkAdmission {

  /** One transfer: waiting, then admitted (and run, if it came with work), then released. */
  static final class Ticket {
    private final int out;
    private final int in;
    /** What starts the transfer's work once admitted; null for a caller waiting in admit. */
    private Runnable start;
    private long seq;
    private boolean admitted;

    private Ticket(int out, int in) {
      this.out = out;
      this.in = in;
    }
  }

  private final int numNodes;
  private final int capacity;
  private final int[] used;
  private final long[] remaining;
  private final List<Ticket> waiting = new ArrayList<>();
  private long arrivals;
  private boolean aborted;

  /**
   * @param send blocks each node is planned to send (its out-link's work)
   * @param recv blocks each node is planned to receive
   * @param transfersPerLink blocks a link carries at once, at least 1
   */
  LinkAdmission(int[] send, int[] recv, int transfersPerLink) {
    if (transfersPerLink < 1 || send.length != recv.length) {
      throw new IllegalArgumentException("transfers per link " + transfersPerLink + ", "
          + send.length + " senders, " + recv.length + " receivers");
    }
    numNodes = send.length;
    capacity = transfersPerLink;
    used = new int[2 * numNodes];
    remaining = new long[2 * numNodes];
    for (int n = 0; n < numNodes; n++) {
      remaining[n] = send[n];
      remaining[numNodes + n] = recv[n];
    }
  }

  /**
   * Waits until a block may go from {@code from} to {@code to} (another node), and takes the
   * room; {@link #release} gives it back.
   *
   * @throws InterruptedIOException if interrupted or {@link #abort}ed while waiting (nothing is
   *     then held)
   */
  synchronized Ticket admit(int from, int to) throws InterruptedIOException {
    Ticket t = enqueue(ticket(from, to), null);
    while (!t.admitted && !aborted) {
      try {
        wait();
      } catch (InterruptedException e) {
        if (!t.admitted) {
          waiting.remove(t);
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted waiting for the links of a transfer");
        }
        Thread.currentThread().interrupt();
      }
    }
    if (!t.admitted) {
      throw new InterruptedIOException("the stage stopped before a transfer from node " + from
          + " to node " + to + " could start");
    }
    return t;
  }

  /**
   * Runs {@code work} (moving a block from {@code from} to {@code to}) on {@code executor} once
   * admitted, and releases its room when it ends. Never blocks.
   *
   * @return the work's result; cancelled if the admission is {@link #abort}ed before it starts
   */
  <T> CompletableFuture<T> submit(int from, int to, Callable<T> work, Executor executor) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Ticket t = ticket(from, to);
    Runnable run = () -> {
      try {
        result.complete(work.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      } finally {
        release(t);
      }
    };
    synchronized (this) {
      enqueue(t, () -> { // runs under this lock
        if (aborted) {
          result.completeExceptionally(new CancellationException("stage stopped"));
          releaseLocked(t);
        } else {
          executor.execute(run);
        }
      });
    }
    return result;
  }

  /** Gives back the room of {@code t}; its block has crossed its links. */
  synchronized void release(Ticket t) {
    releaseLocked(t);
  }

  /** Starts nothing more: every waiting transfer fails (its work is cancelled). */
  synchronized void abort() {
    aborted = true;
    for (Ticket t : waiting) {
      if (t.start != null) {
        t.admitted = true;
        take(t);
        t.start.run(); // completes its future as cancelled
      }
    }
    waiting.clear();
    notifyAll();
  }

  private Ticket ticket(int from, int to) {
    if (from == to || from < 0 || to < 0 || from >= numNodes || to >= numNodes) {
      throw new IllegalArgumentException("transfer from node " + from + " to node " + to);
    }
    return new Ticket(from, numNodes + to);
  }

  private Ticket enqueue(Ticket t, Runnable start) {
    t.start = start;
    t.seq = arrivals++;
    if (aborted && start != null) {
      t.admitted = true;
      take(t);
      start.run();
      return t;
    }
    waiting.add(t);
    admitWaiting();
    return t;
  }

  private void releaseLocked(Ticket t) {
    used[t.out]--;
    used[t.in]--;
    remaining[t.out]--;
    remaining[t.in]--;
    admitWaiting();
  }

  private void admitWaiting() {
    if (waiting.isEmpty() || aborted) {
      return;
    }
    waiting.sort((a, b) -> {
      int c = Long.compare(priority(b), priority(a));
      return c != 0 ? c : Long.compare(a.seq, b.seq);
    });
    List<Ticket> started = new ArrayList<>();
    List<Ticket> still = new ArrayList<>(waiting.size());
    for (Ticket t : waiting) {
      if (used[t.out] < capacity && used[t.in] < capacity) {
        take(t);
        t.admitted = true;
        started.add(t);
      } else {
        still.add(t);
      }
    }
    if (started.isEmpty()) {
      return;
    }
    waiting.clear();
    waiting.addAll(still);
    notifyAll();
    for (Ticket t : started) {
      if (t.start != null) {
        t.start.run();
      }
    }
  }

  private long priority(Ticket t) {
    return Math.max(remaining[t.out], remaining[t.in]);
  }

  private void take(Ticket t) {
    used[t.out]++;
    used[t.in]++;
  }
}
