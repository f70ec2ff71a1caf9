package org.bart.namenode.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo.DatanodeInfoBuilder;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.security.AccessControlException;
import org.bart.datanode.wide.ErasurePatterns;
import org.bart.datanode.wide.InMemoryUnits;
import org.bart.datanode.wide.Losses;
import org.bart.datanode.wide.TestSeed;
import org.bart.datanode.wide.WideGroup;
import org.bart.datanode.wide.WideRead;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.UnreadableRangeException;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.proto.AgentProtos.OpResultProto;
import org.bart.protocol.proto.MetadataProtos.GroupState;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Degraded reads served by the real {@link DegradedReader} from a fake NameNode and fake agents
 * that run the real {@link WideRead} over in-memory units, with every request and answer passing
 * through the protobuf conversion of the RPC edge: the caller gets exactly its file's bytes under
 * every erasure pattern of (6,3,3), and an unreadable range is reported naming the lost blocks.
 */
class DegradedReaderTest {

  private static final Random CLASS_RANDOM = TestSeed.forClass(DegradedReaderTest.class);
  private static final long PARITY_FILE_ID = 16390;
  private static final String PARITY_PATH = "/.bart/groups/g1";
  private static final long FRESH_MS = 60_000;
  private static final long MAX_BYTES = 1 << 20;
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
      DegradedRead r = c.reader().read("/data/m" + member, offset, length);
      assertArrayEquals(Arrays.copyOfRange(file, offset, offset + length),
          r.data(), context);
      for (String decoded : r.decoded()) {
        int unit = Integer.parseInt(decoded.split(" ")[1]);
        assertTrue(ErasurePatterns.contains(patterns.get(p), unit), decoded + ": " + context);
      }
    }
  }

  @Test
  void anUnreachableAgentIsForgottenAndTheNextServes() throws IOException {
    Cluster c = new Cluster(new Random(1), new int[] {3});
    c.agents.unreachable.add(address(InMemoryUnits.SELF));
    byte[] file = file(0);
    DegradedRead r = c.reader().read("/data/m0", 0, file.length);
    assertArrayEquals(file, r.data());
    assertEquals(Collections.singletonList(address(InMemoryUnits.SELF)), c.agents.forgotten);
  }

  @Test
  void aFourthLossIsReportedNamingTheUnavailableBlocks() {
    Cluster c = new Cluster(null, new int[] {1, 2, 7, 19});
    UnreadableRangeException e = assertThrows(UnreadableRangeException.class,
        () -> c.reader().read("/data/m0", 0, 100));
    assertTrue(e.getMessage().contains("unavailable blocks: blk_1001 (unit 1) blk_1002 (unit 2)"
        + " blk_1007 (unit 7) blk_1019 (unit 19); cannot rebuild unit(s) [1, 2]"), e.getMessage());
  }

  @Test
  void theCallerMustBeAllowedToReadTheFile() {
    Cluster c = new Cluster(null, new int[0]);
    assertThrows(AccessControlException.class, () -> c.reader().read("/secret", 0, 10));
    assertTrue(c.agents.asked.isEmpty());
  }

  @Test
  void aFileThatWasNotTransitionedIsRefused() {
    Cluster c = new Cluster(null, new int[0]);
    IOException e = assertThrows(IOException.class, () -> c.reader().read("/plain", 0, 10));
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
    final FakeAgents agents;
    final Losses losses;
    final WideLayout layout;

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
      agents = new FakeAgents(store);
    }

    DegradedReader reader() {
      return new DegradedReader(this, registry, agents, FRESH_MS, MAX_BYTES);
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
      if (parityFileId != PARITY_FILE_ID) {
        throw new IOException("no parity file " + parityFileId);
      }
      return layout;
    }
  }

  /**
   * Agents that all run the real {@link WideRead} over the same in-memory units, reached through
   * the protobuf conversion both ways as over RPC; some addresses can be made unreachable.
   */
  private static final class FakeAgents implements AgentCalls {
    final Set<String> unreachable = new HashSet<>();
    final List<String> asked = new ArrayList<>();
    final List<String> forgotten = new ArrayList<>();
    private final WideRead wideRead;
    private final WideReadConverter converter = new WideReadConverter();

    FakeAgents(InMemoryUnits store) {
      wideRead = WideGroup.wideRead(store);
    }

    @Override
    public WideReadResult readWide(String agentAddress, WideReadRequest req) throws IOException {
      asked.add(agentAddress);
      if (unreachable.contains(agentAddress)) {
        throw new ConnectException("injected: " + agentAddress + " refused the connection");
      }
      WideReadResult r = wideRead.run(converter.toRequest(WideReadConverter.toProto(req)));
      OpResultProto result = OpResultProto.newBuilder()
          .setPath(WideReadConverter.toProto(r.path())).setBytesRead(r.bytesRead())
          .setBytesWritten(r.bytesWritten()).setBytesSent(r.bytesSent())
          .setBytesReceived(r.bytesReceived()).setMicros(0).build();
      return WideReadConverter.toResult(WideReadConverter.toResponse(r, result));
    }

    @Override
    public void forget(String agentAddress) {
      forgotten.add(agentAddress);
    }
  }
}
