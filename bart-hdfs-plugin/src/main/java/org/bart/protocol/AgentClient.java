package org.bart.protocol;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeys;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.net.NetUtils;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.proto.AgentProtos.Direction;
import org.bart.protocol.proto.AgentProtos.GetAgentStatusRequestProto;
import org.bart.protocol.proto.AgentProtos.GetAgentStatusResponseProto;
import org.bart.protocol.proto.AgentProtos.GetReplicaRequestProto;
import org.bart.protocol.proto.AgentProtos.GetReplicaResponseProto;
import org.bart.protocol.proto.AgentProtos.EncodeRequestProto;
import org.bart.protocol.proto.AgentProtos.MergeRequestProto;
import org.bart.protocol.proto.AgentProtos.PrefetchRequestProto;
import org.bart.protocol.proto.AgentProtos.MoveRequestProto;
import org.bart.protocol.proto.AgentProtos.ReadWideRequestProto;
import org.bart.protocol.proto.AgentProtos.RelabelRequestProto;
import org.bart.protocol.proto.AgentProtos.ReportReplicaRequestProto;
import org.bart.protocol.proto.AgentProtos.SendRequestProto;
import org.bart.protocol.proto.AgentProtos.ThrottleRequestProto;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.ops.EncodeOp;
import org.bart.protocol.ops.MergeOp;
import org.bart.protocol.ops.ReplicaAt;
import org.bart.protocol.ops.MoveOp;
import org.bart.protocol.ops.OpResult;
import org.bart.protocol.ops.RelabelOp;
import org.bart.protocol.ops.SendOp;
import org.bart.protocol.wide.WideReadRequest;
import org.bart.protocol.wide.WideReadResult;

/**
 * A connection to one DataNode's BART agent. Failures of the agent arrive as the IOException it
 * threw (e.g. {@link BartAgentException}), with a message naming the block, node and reason.
 * Thread-safe; close it to release the connection.
 */
public final class AgentClient implements Closeable {

  private final String address;
  private final AgentProtocolPB proxy;

  private AgentClient(String address, AgentProtocolPB proxy) {
    this.address = address;
    this.proxy = proxy;
  }

  /**
   * Connects to the agent at {@code host:port} as this process's login user ({@link LoginUser}),
   * whoever the current user is: agents serve only the HDFS superuser, and their callers (the
   * coordinator and other agents) are daemons that call them for themselves, also from inside RPC
   * handlers that run as a user. Every call of the returned client goes as the login user, so it
   * may be cached and shared. A connection is tried twice (not Hadoop's default ten times a second
   * apart): an agent that does not answer is on a DataNode that is down, and callers then work
   * around it. A call fails with a {@link java.net.SocketTimeoutException} when the connection
   * has had no answer for {@code dfs.bart.agent.op.timeout} (Hadoop's RPC timeout, which counts
   * from the last answer on the connection; without it a call to a hung agent waits forever).
   */
  public static AgentClient connect(String address, Configuration conf) throws IOException {
    InetSocketAddress addr = NetUtils.createSocketAddr(address);
    Configuration c = new Configuration(conf);
    c.setInt(CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_KEY, 1);
    c.setInt(CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_ON_SOCKET_TIMEOUTS_KEY,
        1);
    c.setInt(CommonConfigurationKeys.IPC_CLIENT_RPC_TIMEOUT_KEY, (int) opTimeoutMs(conf));
    return new AgentClient(address,
        LoginUser.call(() -> RpcServers.proxy(AgentProtocolPB.class, addr, c)));
  }

  /** {@code dfs.bart.agent.op.timeout} in milliseconds (checked by BartConfigCheck). */
  public static long opTimeoutMs(Configuration conf) {
    return conf.getTimeDuration(BartConfigKeys.AGENT_OP_TIMEOUT,
        BartConfigKeys.AGENT_OP_TIMEOUT_SECONDS_DEFAULT, TimeUnit.SECONDS, TimeUnit.MILLISECONDS);
  }

  public String address() {
    return address;
  }

  public OpResult relabel(RelabelOp op) throws IOException {
    RelabelRequestProto request = OpConverter.toProto(op);
    return OpConverter.toResult(RemoteCalls.invoke(() -> proxy.relabel(null, request)));
  }

  public OpResult send(SendOp op) throws IOException {
    SendRequestProto request = OpConverter.toProto(op);
    return OpConverter.toResult(RemoteCalls.invoke(() -> proxy.send(null, request)));
  }

  public OpResult merge(MergeOp op) throws IOException {
    MergeRequestProto request = OpConverter.toProto(op);
    return OpConverter.toResult(RemoteCalls.invoke(() -> proxy.merge(null, request)));
  }

  /** Copies {@code source} to this agent's DataNode ahead of the merge that reads it. */
  public OpResult prefetch(ReplicaAt source) throws IOException {
    PrefetchRequestProto request = OpConverter.toPrefetchProto(source);
    return OpConverter.toResult(RemoteCalls.invoke(() -> proxy.prefetch(null, request)));
  }

  /** Recomputes a merge and compares it with the stored target; fails on any difference. */
  public OpResult checkMerge(MergeOp op) throws IOException {
    MergeRequestProto request = OpConverter.toProto(op);
    return OpConverter.toResult(RemoteCalls.invoke(() -> proxy.checkMerge(null, request)));
  }

  /** Reads a re-encoded group's data units, encodes them and stores every wide parity. */
  public OpResult encode(EncodeOp op) throws IOException {
    EncodeRequestProto request = OpConverter.toProto(op);
    return OpConverter.toResult(RemoteCalls.invoke(() -> proxy.encode(null, request)));
  }

  /** Re-encodes and compares with the stored wide parities; fails on any difference. */
  public OpResult checkEncode(EncodeOp op) throws IOException {
    EncodeRequestProto request = OpConverter.toProto(op);
    return OpConverter.toResult(RemoteCalls.invoke(() -> proxy.checkEncode(null, request)));
  }

  /** Reads, rebuilds or checks units of a wide group (see {@link WideReadRequest}). */
  public WideReadResult readWide(WideReadRequest request) throws IOException {
    ReadWideRequestProto proto = WideReadConverter.toProto(request);
    return WideReadConverter.toResult(RemoteCalls.invoke(() -> proxy.readWide(null, proto)));
  }

  /** Moves a replica between DataNodes the way the Balancer does (see {@link MoveOp}). */
  public OpResult move(MoveOp op) throws IOException {
    MoveRequestProto request = OpConverter.toProto(op);
    return OpConverter.toResult(RemoteCalls.invoke(() -> proxy.move(null, request)));
  }

  /** Asks the agent to report its finalized replica {@code block} to the NameNode. */
  public void reportReplica(BlockProto block) throws IOException {
    RemoteCalls.invoke(() -> proxy.reportReplica(null,
        ReportReplicaRequestProto.newBuilder().setBlock(block).build()));
  }

  /** What the agent's DataNode holds under {@code blockId} (any genstamp or state). */
  public GetReplicaResponseProto getReplica(String poolId, long blockId) throws IOException {
    return RemoteCalls.invoke(() -> proxy.getReplica(null,
        GetReplicaRequestProto.newBuilder().setPoolId(poolId).setBlockId(blockId).build()));
  }

  /** Blocks until the agent's bandwidth limit for {@code direction} admits {@code bytes}. */
  public void throttle(Direction direction, long bytes) throws IOException {
    RemoteCalls.invoke(() -> proxy.throttle(null,
        ThrottleRequestProto.newBuilder().setDirection(direction).setBytes(bytes).build()));
  }

  public GetAgentStatusResponseProto getStatus() throws IOException {
    return RemoteCalls.invoke(
        () -> proxy.getStatus(null, GetAgentStatusRequestProto.getDefaultInstance()));
  }

  @Override
  public void close() {
    RPC.stopProxy(proxy);
  }
}
