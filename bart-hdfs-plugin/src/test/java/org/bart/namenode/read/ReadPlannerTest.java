package org.bart.namenode.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo.DatanodeInfoBuilder;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.security.AccessControlException;
import org.bart.datanode.wide.ErasurePatterns;
import org.bart.datanode.wide.InMemoryUnits;
import org.bart.datanode.wide.Losses;
import org.bart.datanode.wide.PlannedRead;
import org.bart.datanode.wide.TestSeed;
import org.bart.datanode.wide.WideGroup;
import org.bart.datanode.wide.WideRead;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.ReadPlanConverter;
import org.bart.protocol.UnreadableRangeException;
import org.bart.protocol.proto.MetadataProtos.GroupState;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;
import org.bart.protocol.wide.ReadPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Degraded reads planned by the real {@link ReadPlanner} from a fake NameNode, the plan passing
 * through its wire form as it does to the client and on to an agent, and read by the agent's real
 * {@link PlannedRead} and {@link WideRead} over in-memory units: the caller gets exactly its
 * file's bytes under every erasure pattern of (6,3,3), and an unreadable range is reported naming
 * the lost blocks.
 */
class ReadPlannerTest {

  private static final Random CLASS_RANDOM = TestSeed.forClass(ReadPlannerTest.class);
  private static final long PARITY_FILE_ID = 16390;
  private static final String PARITY_PATH = "/.bart/groups/g1";
  private static final long FRESH_MS = 60_000;
  /** Smaller than the files, and aligned with no cell: a client reads in several pieces. */
  private static final long MAX_BYTES = 1000;
  private static WideGroup group;

  @BeforeAll
  static void buildGroup() throws IOException {
    group = WideGroup.random(new Random(CLASS_RANDOM.nextLong()));
  }

  @Test
  void everyPatternOfAtMostThreeLostUnitsReadsTheCallersBytes() throws IOException {
    Random random = new Random(CLASS_RANDOM.nextLong());
    List<int[]> patterns = ErasurePatterns.upTo(WideGroup.CODE.totalUnits(), WideGroup.CODE.m());
    assertEquals(1562, patterns.size());
    for (int p = 0; p < patterns.size(); p++) {
      int member = p % WideGroup.CODE.lambda();
      byte[] file = file(member);
      int offset = random.nextInt(file.length);
      int length = 1 + random.nextInt(file.length - offset);
      Cluster c = new Cluster(random, patterns.get(p));
      String context = "member " + member + " [" + offset + ", +" + length + ") under " + c.losses
          + " " + TestSeed.reproduce();
      byte[] got = c.readAll("/data/m" + member, offset, length);
      assertArrayEquals(Arrays.copyOfRange(file, offset, offset + length), got, context);
      for (int unit : c.decoded) {
        assertTrue(ErasurePatterns.contains(patterns.get(p), unit), unit + ": " + context);
      }
    }
  }

  @Test
  void thePlanNamesTheMemberAndOnlyAgentsThatAreAlive() throws IOException {
    Cluster c = new Cluster(null, new int[] {3, 8});
    ReadPlan plan = c.planner().plan("/data/m1", 5, "alice");
    assertEquals(1, plan.position());
    assertEquals("alice", plan.user());
    assertEquals(Arrays.asList(6, 7, 8, 9, 10, 11), plan.memberUnits());
    assertEquals(PARITY_PATH, plan.parityPath());
    assertEquals(MAX_BYTES, plan.maxReadBytes());
    for (int u = 0; u < plan.units().size(); u++) {
      assertEquals(u == 3 || u == 8, plan.units().get(u).isKnownLost(), "unit " + u);
    }
    assertNull(c.planner().plan("/data/m1", file(1).length, "alice"), "past the end");
  }

  @Test
  void aFourthLossIsReportedNamingTheUnavailableBlocks() {
    Cluster c = new Cluster(null, new int[] {1, 2, 7, 19});
    UnreadableRangeException e = assertThrows(UnreadableRangeException.class,
        () -> c.readAll("/data/m0", 0, 100));
    assertTrue(e.getMessage().contains("unavailable blocks: blk_1001 (unit 1) blk_1002 (unit 2)"
        + " blk_1007 (unit 7) blk_1019 (unit 19); cannot rebuild unit(s) [1, 2]"), e.getMessage());
  }

  @Test
  void theCallerMustBeAllowedToReadTheFile() {
    Cluster c = new Cluster(null, new int[0]);
    assertThrows(AccessControlException.class, () -> c.planner().plan("/secret", 0, "alice"));
    assertEquals(0, c.layoutsLoaded, "nothing of the wide group is looked at for a refused user");
  }

  @Test
  void aFileThatWasNotTransitionedIsRefused() {
    Cluster c = new Cluster(null, new int[0]);
    IOException e = assertThrows(IOException.class,
        () -> c.planner().plan("/plain", 0, "alice"));
    assertEquals("/plain is not a transitioned file: read it with the stock client",
        e.getMessage());
  }

  /** Member s's file: its data units' cells in stripe order (one block group). */
  private static byte[] file(int member) {
    int k = WideGroup.CODE.k();
    int size = 0;
    for (int j = 0; j < k; j++) {
      size += group.units[WideGroup.CODE.dataUnit(member, j)].length;
    }
    byte[] file = new byte[size];
    for (int pos = 0; pos < size; pos++) {
      int c = pos / WideGroup.CELL;
      file[pos] = group.units[WideGroup.CODE.dataUnit(member, c % k)]
          [c / k * WideGroup.CELL + pos % WideGroup.CELL];
    }
    return file;
  }

  private static String address(String uuid) {
    return "agent-" + uuid + ":9870";
  }

  /**
   * A NameNode and agents around the group with the units of one pattern lost: known-lost units
   * (as the test chooses with {@link Losses}) have no replica the NameNode knows of (even units)
   * or a DataNode whose agent is not registered (odd units); the others fail in the agent's reads.
   */
  private static final class Cluster implements ReadNamespace {
    final InMemoryUnits store = group.store();
    final AgentRegistry registry = new AgentRegistry();
    final PlannedRead agent;
    final Losses losses;
    final WideLayout layout;
    final Set<Integer> decoded = new TreeSet<>();
    int layoutsLoaded;

    /** @param random chooses how each unit is lost; null: all are known lost */
    Cluster(Random random, int[] pattern) {
      if (random != null) {
        losses = Losses.apply(random, pattern, store);
      } else {
        losses = null;
      }
      List<Integer> known = new ArrayList<>();
      for (int u : pattern) {
        if (losses == null || losses.knownLost.contains(u)) {
          known.add(u);
        }
      }
      WideLayout.Unit[] units = new WideLayout.Unit[WideGroup.CODE.totalUnits()];
      for (int u = 0; u < units.length; u++) {
        int length = group.units[u].length;
        units[u] = new WideLayout.Unit(new ExtendedBlock(WideGroup.POOL,
            WideGroup.FIRST_BLOCK_ID + u, length, WideGroup.GEN_STAMP), length);
        String uuid = WideGroup.nodeUuid(u);
        boolean lost = known.contains(u);
        if (!lost || u % 2 == 1) {
          units[u].nodes.add(new DatanodeInfoBuilder().setNodeID(new DatanodeID("10.0.0." + u,
              "host" + u, uuid, 9866, 9864, 9865, 9867)).build());
        }
        if (!lost) {
          registry.register(uuid, address(uuid), true);
        }
      }
      WideGroupProto g = WideGroupProto.newBuilder().setWideCode(WideGroup.CODE.toString())
          .setCellSize(WideGroup.CELL).setNarrowPolicy("RS-LEGACY-6-3-61")
          .setDataOnlyPolicy("RS-LEGACY-6-0-61").setState(GroupState.COMMITTED).setBatchId("b1")
          .build();
      layout = WideLayout.of(PARITY_PATH, g, units, Collections.<Integer>emptyList());
      agent = new PlannedRead(WideGroup.wideRead(store), MAX_BYTES);
    }

    ReadPlanner planner() {
      return new ReadPlanner(this, registry, FRESH_MS, MAX_BYTES);
    }

    /**
     * Bytes [offset, offset + length) of {@code path} as a client reads them: a plan, through its
     * wire form, then agent reads of the plan's block group until the range is read.
     */
    byte[] readAll(String path, int offset, int length) throws IOException {
      ReadPlan plan = ReadPlanConverter.fromBytes(ReadPlanConverter.toBytes(
          planner().plan(path, offset, "alice")));
      byte[] out = new byte[length];
      for (int done = 0; done < length; ) {
        PlannedRead.Result r = agent.read(plan, offset + done - plan.groupStart(),
            length - done);
        assertTrue(r.data.length > 0, path + " ended at " + (offset + done));
        System.arraycopy(r.data, 0, out, done, r.data.length);
        decoded.addAll(r.decoded);
        done += r.data.length;
      }
      return out;
    }

    @Override
    public void checkReadable(String path, long offset) throws IOException {
      if (path.equals("/secret")) {
        throw new AccessControlException("Permission denied: user=alice, access=READ, " + path);
      }
    }

    @Override
    public List<MemberRef> membership(String path) {
      if (!path.startsWith("/data/m")) {
        return null;
      }
      int member = Integer.parseInt(path.substring("/data/m".length()));
      return Collections.singletonList(new MemberRef(PARITY_FILE_ID, member));
    }

    @Override
    public List<Long> blockGroupBytes(String path) {
      int member = Integer.parseInt(path.substring("/data/m".length()));
      return Collections.singletonList((long) file(member).length);
    }

    @Override
    public WideLayout layout(long parityFileId) throws IOException {
      layoutsLoaded++;
      if (parityFileId != PARITY_FILE_ID) {
        throw new IOException("no parity file " + parityFileId);
      }
      return layout;
    }
  }
}
