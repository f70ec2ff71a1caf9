package org.bart.protocol;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.PrivilegedExceptionAction;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.ipc.ProtobufHelper;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;
import org.bart.protocol.proto.ClientProtos.CredentialProto;
import org.bart.protocol.proto.ClientProtos.GetReadPlanRequestProto;
import org.bart.protocol.proto.ClientProtos.GetReadPlanResponseProto;
import org.bart.protocol.proto.ClientProtos.ReadPlannedRequestProto;
import org.bart.protocol.proto.ClientProtos.ReadPlannedResponseProto;
import org.bart.protocol.wide.MemberPartials;
import org.bart.protocol.wide.ReadPlan;

/**
 * A user's reads that need decoding: a read plan of a block group from the NameNode plugin
 * (which checks the user may read the file), then the bytes from one DataNode's agent, which
 * reads and decodes with that plan and answers this client directly. Every call goes as the user
 * who connected, whichever thread makes it: the plugin is called with that user's credentials
 * (Kerberos, or an HDFS delegation token of its NameNode), and an agent with the block token of
 * the plan being read when plans carry one (so a user with only a delegation token reads too),
 * else with the user's credentials. Thread-safe.
 */
public final class DegradedReadClient implements Closeable {

  private static final long FIRST_BACKOFF_MS = 50;
  private static final long LAST_BACKOFF_MS = 1600;

  /** A plan as the NameNode signed it: its bytes, what they say, and the credential. */
  public static final class Plan {
    private final byte[] bytes;
    private final ReadPlan plan;
    private final CredentialProto credential;

    private Plan(byte[] bytes, ReadPlan plan, CredentialProto credential) {
      this.bytes = bytes;
      this.plan = plan;
      this.credential = credential;
    }

    public ReadPlan plan() {
      return plan;
    }
  }

  private final UserGroupInformation user;
  /**
   * Who agents are called as when plans carry block tokens: a user holding only the plans'
   * tokens, the latest under each agent's address, with which the connection to that agent
   * authenticates (it stays open for the user's next plans, each of which the agent checks).
   */
  private final UserGroupInformation planTokens;
  private final Configuration agentConf;
  private final BartClientProtocolPB coordinator;
  private final Map<String, BartReadProtocolPB> agents = new ConcurrentHashMap<>();
  private final Map<String, BartReadProtocolPB> agentsByPlanToken = new ConcurrentHashMap<>();
  /** Agents that could not be reached: asked only when no other can serve. */
  private final Set<String> down = ConcurrentHashMap.newKeySet();

  private DegradedReadClient(UserGroupInformation user, Configuration conf,
      BartClientProtocolPB coordinator) {
    this.user = user;
    this.planTokens = UserGroupInformation.createRemoteUser(user.getShortUserName());
    this.coordinator = coordinator;
    this.agentConf = new Configuration(conf);
    // An agent that does not answer is on a DataNode that is down: another one serves at once.
    agentConf.setInt(CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_KEY, 0);
    agentConf.setInt(
        CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_ON_SOCKET_TIMEOUTS_KEY, 0);
  }

  /** Connects to the NameNode plugin as the current user (agents are connected on first use). */
  public static DegradedReadClient connect(Configuration conf) throws IOException {
    return new DegradedReadClient(UserGroupInformation.getCurrentUser(), conf,
        RpcServers.proxy(BartClientProtocolPB.class, CoordinatorClient.address(conf),
            new Configuration(conf)));
  }

  /**
   * The plan of the block group of {@code path} holding {@code offset}, or null at or past the
   * file's end. A busy coordinator is asked again after 50 ms, then after twice as long each
   * time up to 1.6 s (about 3 s of waiting in all).
   *
   * @throws org.apache.hadoop.security.AccessControlException if the user may not read the file
   * @throws BartBusyException if the coordinator was still busy on the last attempt
   */
  public Plan plan(String path, long offset) throws IOException {
    GetReadPlanRequestProto req = GetReadPlanRequestProto.newBuilder().setPath(path)
        .setOffset(offset).build();
    GetReadPlanResponseProto r = withBackoff(path,
        () -> RemoteCalls.invoke(() -> coordinator.getReadPlan(null, req)));
    if (!r.hasPlan()) {
      return null;
    }
    byte[] bytes = r.getPlan().toByteArray();
    return new Plan(bytes, ReadPlanConverter.fromBytes(bytes),
        r.hasCredential() ? r.getCredential() : null);
  }

  /**
   * Up to {@code length} bytes of the plan's file from file offset {@code offset} (in the plan's
   * block group), fewer at the group's end or beyond an agent's read limit. The agents of the
   * member's own DataNodes are asked first; one that cannot be reached is passed over.
   *
   * @throws UnreadableRangeException if more units are lost than the wide code rebuilds
   * @throws org.apache.hadoop.security.AccessControlException if an agent refuses the plan
   *     (expired, or not this user's)
   */
  public ReadPlannedResponseProto read(Plan p, long offset, int length) throws IOException {
    return ask(p, request(p, offset, length).build(), AgentChoice.forWhole(p.plan));
  }

  /**
   * The partials of the member's {@code lostBlocks} (indexes 0..k-1 in the block group) over the
   * rows of file bytes [{@code offset}, {@code offset + length}) of the plan's block group,
   * fewer beyond an agent's read limit: the agent decodes them with the member's other blocks
   * as zeros, and this client adds their share. The agents of DataNodes holding the units the
   * decode reads (the other members' and the wide parities) are asked first, the member's last
   * ({@link AgentChoice}).
   *
   * @throws UnreadableRangeException if more units are lost than the wide code rebuilds
   */
  public MemberPartials readPartial(Plan p, long offset, int length, List<Integer> lostBlocks)
      throws IOException {
    return MemberPartialsConverter.fromProto(
        ask(p, request(p, offset, length).addAllLostBlocks(lostBlocks).build(),
            AgentChoice.forPartial(p.plan)),
        lostBlocks.size());
  }

  private static ReadPlannedRequestProto.Builder request(Plan p, long offset, int length) {
    ReadPlan plan = p.plan;
    long inGroup = offset - plan.groupStart();
    ReadPlannedRequestProto.Builder b = ReadPlannedRequestProto.newBuilder()
        .setPlan(ByteString.copyFrom(p.bytes))
        .setOffset(inGroup)
        .setLength((int) Math.min(Math.min(length, plan.maxReadBytes()),
            plan.groupBytes() - inGroup));
    if (p.credential != null) {
      b.setCredential(p.credential);
    }
    return b;
  }

  /**
   * The first agent of {@code agents} that answers, those found down last; one that cannot be
   * reached is passed over.
   */
  private ReadPlannedResponseProto ask(Plan p, ReadPlannedRequestProto req, List<String> agents)
      throws IOException {
    ReadPlan plan = p.plan;
    IOException unreachable = null;
    Set<String> ordered = new LinkedHashSet<>(agents);
    ordered.removeAll(down);
    ordered.addAll(agents);
    for (String address : ordered) {
      try {
        return agent(address, p.credential).readPlanned(null, req);
      } catch (ServiceException se) {
        IOException e = ProtobufHelper.getRemoteException(se);
        if (e instanceof RemoteException) {
          throw ((RemoteException) e).unwrapRemoteException(); // the agent's answer
        }
        down.add(address); // its DataNode is down: the next agent, and this one last from now on
        unreachable = e;
      }
    }
    throw new IOException("no BART agent could read " + plan.path() + " for wide group "
        + plan.parityPath() + (unreachable == null ? "" : ": " + unreachable), unreachable);
  }

  /** Plans and reads in one call (whole reads of a test, a tool). */
  public ReadPlannedResponseProto read(String path, long offset, int length) throws IOException {
    Plan p = plan(path, offset);
    return p == null ? ReadPlannedResponseProto.newBuilder()
        .setData(ByteString.EMPTY).build()
        : read(p, offset, length);
  }

  /**
   * The proxy of the agent at {@code address}: with a plan's {@code credential}, as the plan
   * tokens' user, first given that token for this agent; without, as the user.
   */
  private BartReadProtocolPB agent(String address, CredentialProto credential)
      throws IOException {
    UserGroupInformation caller = user;
    Map<String, BartReadProtocolPB> proxies = agents;
    if (credential != null) {
      planTokens.addToken(PlanCredentials.forAgent(credential,
          NetUtils.createSocketAddr(address)));
      caller = planTokens;
      proxies = agentsByPlanToken;
    }
    BartReadProtocolPB proxy = proxies.get(address);
    if (proxy == null) {
      try {
        proxy = caller.doAs((PrivilegedExceptionAction<BartReadProtocolPB>) () ->
            RpcServers.proxy(BartReadProtocolPB.class, NetUtils.createSocketAddr(address),
                new Configuration(agentConf)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted connecting to BART agent " + address);
      }
      BartReadProtocolPB raced = proxies.putIfAbsent(address, proxy);
      if (raced != null) {
        RPC.stopProxy(proxy);
        proxy = raced;
      }
    }
    return proxy;
  }

  private interface Attempt<T> {
    T run() throws IOException;
  }

  private <T> T withBackoff(String path, Attempt<T> attempt) throws IOException {
    for (long backoffMs = FIRST_BACKOFF_MS; ; backoffMs *= 2) {
      try {
        return attempt.run();
      } catch (BartBusyException e) {
        if (backoffMs > LAST_BACKOFF_MS) {
          throw e;
        }
        try {
          Thread.sleep(backoffMs);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted waiting to retry a read of " + path);
        }
      }
    }
  }

  @Override
  public void close() {
    RPC.stopProxy(coordinator);
    for (Map<String, BartReadProtocolPB> proxies : Arrays.asList(agents, agentsByPlanToken)) {
      for (BartReadProtocolPB proxy : proxies.values()) {
        RPC.stopProxy(proxy);
      }
      proxies.clear();
    }
  }
}
