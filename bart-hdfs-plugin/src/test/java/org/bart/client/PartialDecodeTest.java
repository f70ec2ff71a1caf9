package org.bart.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bart.codec.WideCode;
import org.bart.codec.WideDecoder;
import org.bart.datanode.wide.ErasurePatterns;
import org.bart.datanode.wide.InMemoryUnits;
import org.bart.datanode.wide.Losses;
import org.bart.datanode.wide.PlannedRead;
import org.bart.datanode.wide.TestSeed;
import org.bart.datanode.wide.WideGroup;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.wide.MemberPartials;
import org.bart.protocol.wide.ReadPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Degraded reads by partial decoding over the fakes: the client's {@link PartialDecode} reading
 * the member's blocks from the file itself (failing on the lost ones) and asking the agent's real
 * {@link PlannedRead#readPartial} over in-memory units for the rest. Under every erasure pattern of
 * (6,3,3) every member's bytes come back exactly, the agent never reads one of the member's
 * blocks, and it answers with one partial per lost block and nothing else.
 */
class PartialDecodeTest {

  private static final Random CLASS_RANDOM = TestSeed.forClass(PartialDecodeTest.class);
  /** Eight rows of 6 x 61 bytes: a member (about 40 rows) is read in several windows. */
  private static final long MAX_BYTES = 3000;
  private static final long GROUP_START = 5L << 20;
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-partial-decode");
    t.setDaemon(true);
    return t;
  });
  private static final ConcurrentHashMap<WideCode, WideDecoder> DECODERS =
      new ConcurrentHashMap<>();
  private static WideGroup group;

  @BeforeAll
  static void buildGroup() throws IOException {
    group = WideGroup.random(new Random(CLASS_RANDOM.nextLong()));
  }

  @Test
  void everyPatternOfAtMostThreeLostUnitsReadsTheMembersBytesAndOnlyLostBlocksAreAsked()
      throws IOException {
    Random random = new Random(CLASS_RANDOM.nextLong());
    List<int[]> patterns = ErasurePatterns.upTo(WideGroup.CODE.totalUnits(), WideGroup.CODE.m());
    assertEquals(1562, patterns.size());
    for (int p = 0; p < patterns.size(); p++) {
      int member = p % WideGroup.CODE.lambda();
      Reader r = new Reader(group, member, patterns.get(p), random);
      r.readAndCheck(random);
    }
  }

  @Test
  void aShortenedMembersAbsentBlocksAreZerosNeverAskedFor() throws IOException {
    Random random = new Random(CLASS_RANDOM.nextLong());
    WideGroup shortened = WideGroup.shortened(random, 2 * WideGroup.CELL + 17);
    List<Integer> present = new ArrayList<>();
    for (int u = 0; u < shortened.units.length; u++) {
      if (shortened.units[u].length > 0) {
        present.add(u);
      }
    }
    int n = present.size(); // 18 - 3 absent blocks of the last member
    assertEquals(WideGroup.CODE.totalUnits() - 3, n);
    int checked = 0;
    for (int[] byIndex : ErasurePatterns.upTo(n, WideGroup.CODE.m())) {
      int[] pattern = new int[byIndex.length];
      for (int i = 0; i < pattern.length; i++) {
        pattern[i] = present.get(byIndex[i]);
      }
      new Reader(shortened, WideGroup.CODE.lambda() - 1, pattern, random).readAndCheck(random);
      checked++;
    }
    assertEquals(1 + n + n * (n - 1) / 2 + n * (n - 1) * (n - 2) / 6, checked);
  }

  @Test
  void aBlockFirstFoundUnreadableByTheClientIsAskedForAgainWithTheKnownOnes() throws IOException {
    int member = 1;
    int known = WideGroup.CODE.dataUnit(member, 1);
    Reader r = new Reader(group, member, new int[] {known}, null);
    r.clientOnlyLost.add(3); // readable by the agent, but not by this client
    r.readAndCheck(null);
    // The first window asks for the known block alongside the client's reads, then for both
    // (the two calls may be seen in either order); later windows ask for both at once.
    assertEquals(1, Collections.frequency(r.asked, Arrays.asList(1)), r.asked.toString());
    assertEquals(r.asked.size() - 1, Collections.frequency(r.asked, Arrays.asList(1, 3)),
        r.asked.toString());
    assertTrue(r.asked.size() > 2, r.asked.toString());
    assertFalse(r.store.wasOpened(WideGroup.FIRST_BLOCK_ID + WideGroup.CODE.dataUnit(member, 3)));
  }

  @Test
  void theFilesNextStreamAsksForABlockFoundUnreadableAtOnceWithoutTryingIt() throws IOException {
    UnreadableBlocks shared = new UnreadableBlocks(System::nanoTime);
    Reader first = new Reader(group, 2, new int[0], null, shared);
    first.clientOnlyLost.add(4);
    first.readAndCheck(null);
    Reader next = new Reader(group, 2, new int[0], null, shared);
    next.clientOnlyLost.add(4);
    next.readAndCheck(null);
    assertTrue(first.tried.contains(4));
    assertFalse(next.tried.contains(4), "block 4 read again");
    for (List<Integer> lost : next.asked) {
      assertEquals(Arrays.asList(4), lost);
    }
  }

  @Test
  void theClientDecodesItsShareWhileTheAgentDecodesNotAfter() throws IOException {
    int member = 1;
    int lostBlock = 2;
    Reader r = new Reader(group, member, new int[] {WideGroup.CODE.dataUnit(member, lostBlock)},
        null);
    int row = WideGroup.CODE.k() * WideGroup.CELL;
    byte[] got = new byte[row];
    boolean[] shareWasThere = {false};
    PartialDecode.Partials agent = (offset, length, lost) -> {
      MemberPartials p = r.planned.readPartial(r.plan, offset - GROUP_START, length, lost)
          .partials;
      // The client's share is the lost cell minus the agent's partial: it should be in place
      // before the agent answers. Poll for it (the machine may be slow), then answer anyway.
      byte[] share = new byte[WideGroup.CELL];
      ByteBuffer partial = p.partial(0);
      for (int i = 0; i < share.length; i++) {
        share[i] = (byte) (r.file[lostBlock * WideGroup.CELL + i] ^ partial.get(i));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!shareWasThere[0] && System.nanoTime() < deadline) {
        shareWasThere[0] = Arrays.equals(share, Arrays.copyOfRange(got,
            lostBlock * WideGroup.CELL, (lostBlock + 1) * WideGroup.CELL));
        Thread.yield();
      }
      return p;
    };
    assertEquals(row, r.decode.read(r.plan, agent, GROUP_START, got, 0, row));
    assertArrayEquals(Arrays.copyOf(r.file, row), got);
    assertTrue(shareWasThere[0], "the client decoded its share only after the agent answered");
  }

  @Test
  void unreadableBlocksAreTriedAgainAfterAWhile() {
    long[] now = {0};
    UnreadableBlocks blocks = new UnreadableBlocks(() -> now[0]);
    blocks.add(GROUP_START, Arrays.asList(1, 4));
    now[0] = TimeUnit.SECONDS.toNanos(UnreadableBlocks.KEEP_SECONDS) - 1;
    assertEquals(new TreeSet<>(Arrays.asList(1, 4)), blocks.of(GROUP_START));
    assertTrue(blocks.of(0).isEmpty(), "another block group");
    now[0]++;
    assertTrue(blocks.of(GROUP_START).isEmpty());
  }

  @Test
  void anAgentWithALowerReadLimitThanThePlanSaysServesFewerRowsPerWindow() throws IOException {
    Reader r = new Reader(group, 0, new int[] {WideGroup.CODE.dataUnit(0, 2)}, null);
    r.planned = new PlannedRead(WideGroup.wideRead(r.store), 2 * 6 * WideGroup.CELL - 5);
    r.readAndCheck(null); // asks for 3 rows a window, gets 2
  }

  @Test
  void aReadNotAtARowsStartIsLeftToTheWholeMemberRead() throws IOException {
    Reader r = new Reader(group, 0, new int[] {0}, null);
    byte[] b = new byte[2000];
    assertEquals(0, r.decode.read(r.plan, r.agent(), GROUP_START + 5, b, 0, b.length));
    assertTrue(r.asked.isEmpty());
  }

  @Test
  void theAgentRefusesBlocksThatAreNotLostDataBlocksOfTheMember() throws IOException {
    WideGroup shortened = WideGroup.shortened(new Random(CLASS_RANDOM.nextLong()), 100);
    Reader r = new Reader(shortened, WideGroup.CODE.lambda() - 1, new int[0], null);
    for (List<Integer> bad : Arrays.asList(Collections.<Integer>emptyList(), Arrays.asList(6),
        Arrays.asList(-1), Arrays.asList(0, 0), Arrays.asList(5))) { // block 5 is absent
      assertThrows(BartAgentException.class, () -> r.planned.readPartial(r.plan, 0, 366, bad),
          bad.toString());
    }
  }

  /** One member read under one erasure pattern: the client's reads, the agent, what was asked. */
  private static final class Reader {
    final WideGroup g;
    final int member;
    final int[] pattern;
    final InMemoryUnits store;
    final ReadPlan plan;
    PlannedRead planned;
    final PartialDecode decode;
    final byte[] file;
    final Losses losses;
    /** Member blocks only this client cannot read. */
    final Set<Integer> clientOnlyLost = new TreeSet<>();
    final List<List<Integer>> asked = new CopyOnWriteArrayList<>();
    /** Member blocks this client tried to read. */
    final Set<Integer> tried = ConcurrentHashMap.newKeySet();

    /** @param random chooses how each unit is lost; null: all known to the plan */
    Reader(WideGroup g, int member, int[] pattern, Random random) {
      this(g, member, pattern, random, new UnreadableBlocks(System::nanoTime));
    }

    Reader(WideGroup g, int member, int[] pattern, Random random, UnreadableBlocks unreadable) {
      this.g = g;
      this.member = member;
      this.pattern = pattern;
      this.store = g.store();
      List<Integer> known = new ArrayList<>();
      if (random != null) {
        losses = Losses.apply(random, pattern, store);
        known.addAll(losses.knownLost);
      } else {
        losses = null;
        for (int u : pattern) {
          known.add(u);
        }
      }
      this.file = g.memberFile(member);
      this.plan = new ReadPlan("/data/m" + member, "alice", GROUP_START, file.length,
          WideGroup.CELL, member, WideGroup.CODE, g.wideUnits(known), "/.bart/groups/g1",
          MAX_BYTES);
      this.planned = new PlannedRead(WideGroup.wideRead(store), MAX_BYTES);
      this.decode = new PartialDecode(this::ownCell, POOL,
          code -> DECODERS.computeIfAbsent(code, WideDecoder::new), unreadable);
    }

    /** The file's bytes as the stock stream reads them: within a cell, failing on lost blocks. */
    void ownCell(long position, byte[] b, int off, int len) throws IOException {
      long inGroup = position - GROUP_START;
      int cell = WideGroup.CELL;
      assertTrue(inGroup % cell + len <= cell, "a client read within one cell");
      int j = (int) (inGroup / cell % WideGroup.CODE.k());
      tried.add(j);
      if (ErasurePatterns.contains(pattern, WideGroup.CODE.dataUnit(member, j))
          || clientOnlyLost.contains(j)) {
        throw new IOException("injected: block " + j + " unreadable");
      }
      System.arraycopy(file, (int) inGroup, b, off, len);
    }

    PartialDecode.Partials agent() {
      return (offset, length, lost) -> {
        asked.add(new ArrayList<>(lost));
        MemberPartials p = planned.readPartial(plan, offset - GROUP_START, length, lost).partials;
        assertEquals(lost.size(), p.count(), "one partial per lost block");
        return p;
      };
    }

    void readAndCheck(Random random) throws IOException {
      String context = "member " + member + " lost " + Arrays.toString(pattern)
          + (losses == null ? "" : " " + losses) + " " + TestSeed.reproduce();
      int row = WideGroup.CODE.k() * WideGroup.CELL;
      byte[] got = new byte[file.length];
      for (int pos = 0; pos < file.length; ) {
        int ask = random == null ? 3 * row : row * (2 + random.nextInt(10));
        int n = decode.read(plan, agent(), GROUP_START + pos, got, pos,
            Math.min(ask, file.length - pos));
        assertTrue(n > 0, "no bytes at " + pos + ": " + context);
        pos += n;
      }
      assertArrayEquals(file, got, context);
      boolean anyLostBlock = !clientOnlyLost.isEmpty();
      for (int j = 0; j < WideGroup.CODE.k(); j++) {
        int u = WideGroup.CODE.dataUnit(member, j);
        assertFalse(store.wasOpened(WideGroup.FIRST_BLOCK_ID + u),
            "the agent read block " + j + " of the member: " + context);
        anyLostBlock |= ErasurePatterns.contains(pattern, u) && g.units[u].length > 0;
      }
      for (List<Integer> lost : asked) {
        for (int j : lost) {
          assertTrue(ErasurePatterns.contains(pattern, WideGroup.CODE.dataUnit(member, j))
              || clientOnlyLost.contains(j), "asked for block " + j + ": " + context);
        }
      }
      assertEquals(anyLostBlock, !asked.isEmpty(), "the agent asked: " + context);
    }
  }
}
