package org.bart.namenode.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.UnreadableRangeException;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;

/**
 * Serves a user's read of a transitioned file that the stock client could not complete: checks
 * that the caller may read the file (by asking the NameNode for its blocks as that user), finds
 * the byte range's wide group, and has an agent read the member's internal blocks over the
 * range, decoding those that are unavailable. Only the caller's own file's bytes come back.
 *
 * <p>What it asks of the NameNode goes through {@link ReadNamespace}, what it asks of agents
 * through {@link AgentCalls}; agents are chosen from the {@link AgentRegistry}. The caller is
 * checked before anything else; the metadata and the agents are then reached as the NameNode's
 * login user (the coordinator's client of HDFS and its agent connections), since agents serve
 * only the HDFS superuser.
 */
public final class DegradedReader {

  private final ReadNamespace namespace;
  private final AgentRegistry registry;
  private final AgentCalls agents;
  private final long freshMs;
  private final long maxBytes;

  /**
   * @param freshMs how recently an agent must have been heard from to be asked
   * @param maxBytes the most bytes an agent returns for one read
   *     ({@code dfs.bart.agent.read.max.bytes})
   */
  public DegradedReader(ReadNamespace namespace, AgentRegistry registry, AgentCalls agents,
      long freshMs, long maxBytes) {
    this.namespace = namespace;
    this.registry = registry;
    this.agents = agents;
    this.freshMs = freshMs;
    this.maxBytes = maxBytes;
  }

  /**
   * Up to {@code length} bytes of {@code path} from {@code offset}, within one block group (fewer
   * at its end; none past the file's end), with the units that had to be decoded.
   *
   * @throws UnreadableRangeException if too many units of the group are lost, naming them
   */
  public DegradedRead read(String path, long offset, int length) throws IOException {
    namespace.checkReadable(path, offset);
    List<MemberRef> membership = namespace.membership(path);
    if (membership == null) {
      throw new IOException(path + " is not a transitioned file: read it with the stock client");
    }
    List<Long> groups = namespace.blockGroupBytes(path);
    long groupStart = 0;
    int gi = 0;
    while (gi < groups.size() && offset >= groupStart + groups.get(gi)) {
      groupStart += groups.get(gi);
      gi++;
    }
    if (gi == groups.size()) {
      return new DegradedRead(new byte[0], Collections.<String>emptyList()); // EOF
    }
    long groupBytes = groups.get(gi);
    MemberRef ref = membership.get(gi);
    WideLayout l = namespace.layout(ref.parityFileId());
    int k = l.code.k();
    int cell = l.group.getCellSize();
    long from = offset - groupStart;
    long to = Math.min(groupBytes, from + Math.min(length, maxBytes / k));
    long rowStart = from / cell / k * cell;
    long rowEnd = ((to - 1) / cell / k + 1) * cell;
    List<Integer> wanted = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      wanted.add(l.code.dataUnit(ref.position(), j));
    }
    WideReadRequest req = new WideReadRequest(l.code, l.toUnits(registry, freshMs), wanted,
        rowStart, Math.min(rowEnd, maxUnitLength(l)) - rowStart, null, null, false);
    WideReadResult resp;
    try {
      resp = readWide(l, req);
    } catch (BartAgentException e) {
      throw new UnreadableRangeException(path + " bytes [" + offset + ", " + (groupStart + to)
          + "), block group " + gi + ", member " + ref.position() + " of wide group "
          + l.parityPath + ": " + unavailable(l) + "; " + e.getMessage());
    }
    byte[] out = new byte[(int) (to - from)];
    for (long pos = from; pos < to; ) {
      long c = pos / cell;
      int j = (int) (c % k);
      long unitOffset = c / k * cell + pos % cell;
      int n = (int) Math.min(to - pos, cell - pos % cell);
      ByteBuffer unit = resp.data().get(j).duplicate();
      unit.position(unit.position() + (int) (unitOffset - rowStart));
      unit.get(out, (int) (pos - from), n);
      pos += n;
    }
    List<String> decoded = new ArrayList<>();
    for (int u : resp.decoded()) {
      decoded.add("unit " + u + " (internal block " + (u % k) + " of member " + (u / k) + ")");
    }
    return new DegradedRead(out, decoded);
  }

  /** "unavailable blocks: blk_1 (unit 0), ..." as the NameNode sees them. */
  private String unavailable(WideLayout l) {
    StringBuilder sb = new StringBuilder("unavailable blocks:");
    for (int u = 0; u < l.units.length; u++) {
      WideLayout.Unit unit = l.units[u];
      boolean live = false;
      for (DatanodeInfo dn : unit.nodes) {
        live |= registry.isFresh(dn.getDatanodeUuid(), freshMs);
      }
      if (unit.length > 0 && !live) {
        sb.append(' ').append(unit.block == null ? "(gone member)" : "blk_"
            + unit.block.getBlockId()).append(" (unit ").append(u).append(')');
      }
    }
    return sb.toString();
  }

  private static long maxUnitLength(WideLayout l) {
    long max = 0;
    for (WideLayout.Unit u : l.units) {
      max = Math.max(max, u.length);
    }
    return max;
  }

  /**
   * Runs the read on the agent of a live DataNode holding a unit of the group (its reads start
   * local), or of any live DataNode; an agent that cannot be reached (its DataNode just went
   * down) is passed over for the next.
   */
  private WideReadResult readWide(WideLayout l, WideReadRequest req) throws IOException {
    Set<String> candidates = new LinkedHashSet<>();
    for (WideLayout.Unit u : l.units) {
      for (DatanodeInfo dn : u.nodes) {
        candidates.add(dn.getDatanodeUuid());
      }
    }
    for (AgentRegistry.Entry e : registry.all()) {
      candidates.add(e.datanodeUuid);
    }
    IOException last = null;
    for (String uuid : candidates) {
      if (!registry.isFresh(uuid, freshMs)) {
        continue;
      }
      String address = registry.get(uuid).address;
      try {
        return agents.readWide(address, req);
      } catch (BartAgentException e) {
        throw e;
      } catch (IOException e) {
        agents.forget(address);
        last = e;
      }
    }
    throw new IOException("no BART agent could serve a read of " + l.parityPath
        + (last == null ? "" : ": " + last), last);
  }
}
