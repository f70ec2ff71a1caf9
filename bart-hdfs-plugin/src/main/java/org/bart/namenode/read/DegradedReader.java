package org.bart.namenode.read;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.server.protocol.NamenodeProtocols;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.bart.namenode.cluster.AgentClients;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.hdfs.InodePaths;
import org.bart.namenode.metadata.GroupMetadata;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.UnreadableRangeException;
import org.bart.protocol.proto.AgentProtos.ReadWideRequestProto;
import org.bart.protocol.proto.AgentProtos.ReadWideResponseProto;
import org.bart.protocol.proto.ClientProtos.ReadDegradedResponseProto;
import org.bart.protocol.proto.MetadataProtos.MemberRefProto;
import org.bart.protocol.proto.MetadataProtos.MembershipProto;

/**
 * Serves a user's read of a transitioned file that the stock client could not complete: checks
 * that the caller may read the file (by asking the NameNode for its blocks as that user), finds
 * the byte range's wide group, and has an agent read the member's internal blocks over the
 * range, decoding those that are unavailable. Only the caller's own file's bytes come back.
 */
public final class DegradedReader {

  private final NamenodeProtocols nn;
  private final DistributedFileSystem dfs;
  private final AgentRegistry registry;
  private final InodePaths paths;
  private final long freshMs;
  private final long maxBytes;
  private final AgentClients clients;

  public DegradedReader(NamenodeProtocols nn, DistributedFileSystem dfs, AgentRegistry registry,
      InodePaths paths, AgentClients clients, long freshMs, long maxBytes) {
    this.clients = clients;
    this.nn = nn;
    this.dfs = dfs;
    this.registry = registry;
    this.paths = paths;
    this.freshMs = freshMs;
    this.maxBytes = maxBytes;
  }

  public ReadDegradedResponseProto read(String path, long offset, int length) throws IOException {
    nn.getBlockLocations(path, offset, 1); // as the caller: throws unless it may read the file
    MembershipProto membership = GroupMetadata.readMembership(dfs, path);
    if (membership == null) {
      throw new IOException(path + " is not a transitioned file: read it with the stock client");
    }
    List<BlockGroup> groups = BlockGroup.of(dfs.getClient(), path);
    long groupStart = 0;
    int gi = 0;
    while (gi < groups.size() && offset >= groupStart + groups.get(gi).group().getNumBytes()) {
      groupStart += groups.get(gi).group().getNumBytes();
      gi++;
    }
    if (gi == groups.size()) {
      return ReadDegradedResponseProto.newBuilder().setData(ByteString.EMPTY).build(); // EOF
    }
    BlockGroup group = groups.get(gi);
    MemberRefProto ref = membership.getGroups(gi);
    WideLayout l = WideLayout.load(dfs, paths.pathOf(ref.getParityFileId()));
    int k = l.code.k();
    int cell = l.group.getCellSize();
    long from = offset - groupStart;
    long to = Math.min(group.group().getNumBytes(), from + Math.min(length, maxBytes / k));
    long rowStart = from / cell / k * cell;
    long rowEnd = ((to - 1) / cell / k + 1) * cell;
    ReadWideRequestProto.Builder req = ReadWideRequestProto.newBuilder()
        .setWideCode(l.group.getWideCode()).addAllUnits(l.toProto(registry, freshMs))
        .setOffset(rowStart).setLength(Math.min(rowEnd, maxUnitLength(l)) - rowStart);
    for (int j = 0; j < k; j++) {
      req.addWanted(l.code.dataUnit(ref.getPosition(), j));
    }
    ReadWideResponseProto resp;
    try {
      resp = readWide(l, req.build());
    } catch (BartAgentException e) {
      throw new UnreadableRangeException(path + " bytes [" + offset + ", " + (groupStart + to)
          + "), block group " + gi + ", member " + ref.getPosition() + " of wide group "
          + l.parityPath + ": " + unavailable(l) + "; " + e.getMessage());
    }
    byte[] out = new byte[(int) (to - from)];
    for (long pos = from; pos < to; ) {
      long c = pos / cell;
      int j = (int) (c % k);
      long unitOffset = c / k * cell + pos % cell;
      int n = (int) Math.min(to - pos, cell - pos % cell);
      resp.getData(j).copyTo(out, (int) (unitOffset - rowStart), (int) (pos - from), n);
      pos += n;
    }
    ReadDegradedResponseProto.Builder b = ReadDegradedResponseProto.newBuilder()
        .setData(ByteString.copyFrom(out));
    for (int u : resp.getDecodedList()) {
      b.addDecoded("unit " + u + " (internal block " + (u % k) + " of member "
          + (u / k) + ")");
    }
    return b.build();
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
  private ReadWideResponseProto readWide(WideLayout l, ReadWideRequestProto req)
      throws IOException {
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
        return clients.of(address).readWide(req);
      } catch (BartAgentException e) {
        throw e;
      } catch (IOException e) {
        clients.forget(address);
        last = e;
      }
    }
    throw new IOException("no BART agent could serve a read of " + l.parityPath
        + (last == null ? "" : ": " + last), last);
  }
}
