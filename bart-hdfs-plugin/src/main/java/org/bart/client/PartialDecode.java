package org.bart.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.bart.codec.WideCode;
import org.bart.codec.WideDecoder;
import org.bart.codec.Xor;
import org.bart.protocol.wide.DecodeSources;
import org.bart.protocol.wide.MemberPartials;
import org.bart.protocol.wide.ReadPlan;

/**
 * Whole rows of a degraded block group read by partial decoding, a stream's usual way: the client
 * reads the member's data blocks it can itself (positional reads of the stock stream, each of
 * which reads only its internal block), while an agent decodes only the lost ones, with the
 * client's blocks as zeros, which it never reads; the client adds its own share of the same
 * decode (the decode is linear in its sources, see {@link WideDecoder#sourcesOf}). It decodes
 * that share while the agent works, over the sources the agent will use unless a unit fails it
 * (those the plan does not know lost), so that only adding the partials follows the answer; if
 * the answer names other sources, the share is decoded again from them.
 *
 * <p>Per window of (6,3,3) rows with one block lost: the agent reads 13 units (12 of the other
 * members and a wide parity) and returns 1; the client reads its 5 at the same time. Decoding the
 * whole member on the agent read 18 and returned 6.
 *
 * <p>The lost blocks are known before the window is read when the plan says so or an earlier
 * read of the file found them unreadable ({@link UnreadableBlocks}); then the agent is asked at
 * once. A block first found unreadable in this window is remembered and the agent asked (again)
 * once the client's reads are done. Thread-safe (a stream's reader and its prefetch may read at
 * once).
 */
final class PartialDecode {

  /** Positional reads of the file's bytes on the stock path. */
  interface OwnCells {
    /** Reads exactly {@code len} bytes of the file at {@code position} into {@code b[off..]}. */
    void readFully(long position, byte[] b, int off, int len) throws IOException;
  }

  /** An agent's partial decode of a member's lost blocks (see DegradedReadClient#readPartial). */
  interface Partials {
    MemberPartials read(long offset, int length, List<Integer> lostBlocks) throws IOException;
  }

  private final OwnCells own;
  private final ExecutorService pool;
  private final Function<WideCode, WideDecoder> decoders;
  private final UnreadableBlocks unreadable;

  /**
   * @param pool runs the client's block reads and the agent's call in parallel (unbounded: its
   *     tasks wait for one another)
   * @param decoders the decoder of a wide code
   * @param unreadable the file's blocks found unreadable lately (shared by its streams)
   */
  PartialDecode(OwnCells own, ExecutorService pool, Function<WideCode, WideDecoder> decoders,
      UnreadableBlocks unreadable) {
    this.own = own;
    this.pool = pool;
    this.decoders = decoders;
    this.unreadable = unreadable;
  }

  /**
   * Reads whole rows of the plan's block group from file offset {@code offset} (a row's start)
   * into {@code b[off..]}: as many as fit in {@code length} bytes and the agents' read limit, or
   * up to the group's end.
   *
   * @return the bytes read; 0 if {@code offset} starts no row or not even one row fits, where
   *     only the agent's whole-member read applies
   * @throws org.bart.protocol.UnreadableRangeException if more units are lost than the wide
   *     code rebuilds
   */
  int read(ReadPlan plan, Partials agent, long offset, byte[] b, int off, int length)
      throws IOException {
    int k = plan.code().k();
    int cell = plan.cellSize();
    long row = (long) k * cell;
    long inGroup = offset - plan.groupStart();
    long left = plan.groupBytes() - inGroup;
    long most = Math.min(Math.min(length, left), plan.maxReadBytes());
    int want = (int) (most < left ? most / row * row : most);
    if (inGroup % row != 0 || want <= 0) {
      return 0;
    }
    Window w = new Window(plan, inGroup / row, want, b, off);
    List<Integer> lost = w.lostBlocks(unreadable.of(plan.groupStart()));
    Future<MemberPartials> asked = lost.isEmpty() ? null
        : pool.submit(() -> agent.read(offset, want, lost));
    List<Integer> failed = w.readOwn(lost);
    if (failed.isEmpty() && lost.isEmpty()) {
      return want; // every block of the member was readable after all
    }
    MemberPartials partials;
    List<Integer> all = lost;
    int[] shared = null;
    if (failed.isEmpty()) {
      // While the agent reads and decodes, decode the client's share over the sources it will
      // most likely use: only its answer's sources then remain to compare.
      shared = w.likelySources(lost);
      if (shared != null) {
        w.shareAhead(lost, shared);
      }
      partials = await(asked, plan);
    } else {
      // The agent was asked (if at all) with these blocks taken as the client's: ask again.
      unreadable.add(plan.groupStart(), failed);
      Set<Integer> union = new TreeSet<>(lost);
      union.addAll(failed);
      all = new ArrayList<>(union);
      partials = agent.read(offset, want, all);
    }
    return w.complete(partials, all, shared);
  }

  private static MemberPartials await(Future<MemberPartials> asked, ReadPlan plan)
      throws IOException {
    try {
      return asked.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for an agent's decode of "
          + plan.path());
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException ? (IOException) e.getCause()
          : new IOException("partial decode of " + plan.path() + " failed", e.getCause());
    }
  }

  /** One window: rows [firstRow, ...) of the block group laid out in file order in b[off..]. */
  private final class Window {
    final ReadPlan plan;
    final int k;
    final int cell;
    final long firstRow;
    final int bytes;
    final byte[] b;
    final int off;
    /** A share's decode inputs, refilled for each row and lost block. */
    private final ByteBuffer[] units;
    private final ByteBuffer zeros = ByteBuffer.allocate(0);

    Window(ReadPlan plan, long firstRow, int bytes, byte[] b, int off) {
      this.plan = plan;
      this.k = plan.code().k();
      this.cell = plan.cellSize();
      this.firstRow = firstRow;
      this.bytes = bytes;
      this.b = b;
      this.off = off;
      this.units = new ByteBuffer[plan.code().totalUnits()];
    }

    long blockLength(int j) {
      return plan.units().get(plan.code().dataUnit(plan.position(), j)).length();
    }

    /** Bytes of block j in unit bytes [from, from + n): fewer past its end. */
    int clip(int j, long from, int n) {
      return (int) Math.max(0, Math.min(n, blockLength(j) - from));
    }

    /** Where in b block j's unit byte {@code unitOffset} of this window goes. */
    int at(int j, long unitOffset) {
      long r = unitOffset / cell;
      return (int) (off + (r - firstRow) * k * cell + j * (long) cell + unitOffset % cell);
    }

    boolean hasBytes(int j) {
      return blockLength(j) > firstRow * cell;
    }

    /** The unit offset where this window's rows end. */
    long unitEnd() {
      return firstRow * cell + (bytes + (long) k * cell - 1) / ((long) k * cell) * cell;
    }

    /** Blocks with bytes here that the plan or an earlier window knows are lost, ascending. */
    List<Integer> lostBlocks(Set<Integer> known) {
      List<Integer> out = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        boolean lost = known.contains(j)
            || plan.units().get(plan.code().dataUnit(plan.position(), j)).isKnownLost();
        if (lost && hasBytes(j)) {
          out.add(j);
        }
      }
      return out;
    }

    /** Reads the blocks not in {@code lost}, in parallel; returns those that failed. */
    List<Integer> readOwn(List<Integer> lost) throws IOException {
      List<Future<Boolean>> reads = new ArrayList<>();
      List<Integer> blocks = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        if (!lost.contains(j) && hasBytes(j)) {
          int block = j;
          blocks.add(j);
          reads.add(pool.submit(() -> readBlock(block)));
        }
      }
      List<Integer> failed = new ArrayList<>();
      for (int i = 0; i < reads.size(); i++) {
        try {
          if (!reads.get(i).get()) {
            failed.add(blocks.get(i));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted reading " + plan.path());
        } catch (ExecutionException e) {
          throw new IOException("reading " + plan.path() + " failed", e.getCause());
        }
      }
      return failed;
    }

    /** Block j's cells of this window, row by row; false if a read fails (the block is lost). */
    boolean readBlock(int j) {
      long groupStart = plan.groupStart();
      try {
        for (long u = firstRow * cell; u < unitEnd(); u += cell) {
          int n = clip(j, u, cell);
          if (n > 0) {
            int pos = at(j, u);
            own.readFully(groupStart + pos - off + firstRow * k * cell, b, pos, n);
          }
        }
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    /**
     * The units the agent's decode will read unless a unit fails it (or it remembers one as
     * unreadable that the plan does not say is lost): the first lambda*k of the wide group's
     * units, leaving out those the plan knows lost and the member's blocks asked for; null if
     * too few.
     */
    int[] likelySources(List<Integer> lost) {
      WideCode code = plan.code();
      int memberBase = code.dataUnit(plan.position(), 0);
      ByteBuffer[] readable = new ByteBuffer[code.totalUnits()];
      int available = 0;
      for (int u = 0; u < readable.length; u++) {
        int j = u - memberBase;
        // The member's blocks not asked for are zeros to the agent, never lost.
        boolean gone = j >= 0 && j < k ? lost.contains(j) : plan.units().get(u).isKnownLost();
        readable[u] = gone ? null : zeros;
        available += gone ? 0 : 1;
      }
      return available < code.dataUnits() ? null : decoders.apply(code).sourcesOf(readable);
    }

    /** Decodes the client's share of every lost block over the whole window from {@code sources}. */
    void shareAhead(List<Integer> lost, int[] sources) {
      for (long u = firstRow * cell; u < unitEnd(); u += cell) {
        for (int e : lost) {
          int ce = clip(e, u, cell);
          if (ce > 0) {
            share(sources, e, u, cell, ce);
          }
        }
      }
    }

    /**
     * Writes in place, as lost block e's bytes [u, u + ce) (within one row), the decode from
     * {@code sources} over the client's blocks among them, the others taken as zeros.
     */
    private void share(int[] sources, int e, long u, int n, int ce) {
      WideCode code = plan.code();
      int memberBase = code.dataUnit(plan.position(), 0);
      Arrays.fill(units, null);
      for (int src : sources) {
        int j = src - memberBase;
        int cj = j >= 0 && j < k ? Math.min(clip(j, u, n), ce) : 0;
        units[src] = cj > 0 ? ByteBuffer.wrap(b, at(j, u), cj) : zeros;
      }
      ByteBuffer out = ByteBuffer.wrap(b, at(e, u), ce);
      decoders.apply(code).decode(units, new int[] {memberBase + e}, new ByteBuffer[] {out});
    }

    /**
     * Completes each lost block: its partial plus the same decode over the client's blocks among
     * the sources, stretch by stretch (the sources change where the agent lost a unit midway) and
     * row by row (a block's cells are a row apart in b), written in place; where the agent used
     * the sources the client's share was decoded ahead from, only the partial is added.
     *
     * @param shared the sources of the share decoded ahead over the whole window, or null
     * @return the window's bytes now whole: fewer rows if the agent's read limit is lower than
     *     the plan says
     */
    int complete(MemberPartials p, List<Integer> lost, int[] shared) throws IOException {
      long needed = Math.min(unitEnd(), maxLostLength(lost)) - firstRow * cell;
      int served = bytes;
      if (p.length() < needed && p.length() >= cell && p.length() % cell == 0) {
        served = (int) (p.length() / cell * k * cell);
      } else if (p.unitOffset() != firstRow * cell || p.length() < needed) {
        throw new IOException("partial decode of " + plan.path() + ": the agent answered unit "
            + "bytes [" + p.unitOffset() + ", +" + p.length() + ") for rows from " + firstRow);
      }
      ByteBuffer[] partials = new ByteBuffer[p.count()];
      for (int i = 0; i < partials.length; i++) {
        partials[i] = p.partial(i);
      }
      long u = p.unitOffset();
      for (DecodeSources s : p.sources()) {
        int[] sources = s.units();
        boolean decodedAhead = Arrays.equals(sources, shared);
        long end = u + s.length();
        while (u < end) {
          int n = (int) (Math.min(end, (u / cell + 1) * cell) - u); // to the row's end
          for (int i = 0; i < lost.size(); i++) {
            int e = lost.get(i);
            int ce = clip(e, u, n);
            if (ce == 0) {
              continue;
            }
            if (!decodedAhead) {
              share(sources, e, u, n, ce);
            }
            Xor.into(partials[i], (int) (u - p.unitOffset()), b, at(e, u), ce);
          }
          u += n;
        }
      }
      return served;
    }

    private long maxLostLength(List<Integer> lost) {
      long max = 0;
      for (int e : lost) {
        max = Math.max(max, blockLength(e));
      }
      return max;
    }
  }
}
