package org.bart.namenode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeys;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.ipc.ProtobufHelper;
import org.apache.hadoop.ipc.ProtocolInfo;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.KerberosInfo;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.authorize.AuthorizationException;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.security.token.TokenInfo;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;
import org.bart.demo.EmbeddedCluster;
import org.bart.protocol.AgentProtocolPB;
import org.bart.protocol.AgentTokenSelector;
import org.bart.protocol.BartClientProtocolPB;
import org.bart.protocol.BartReadProtocolPB;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.DegradedReadClient;
import org.bart.protocol.NameNodeTokenSelector;
import org.bart.protocol.PlanCredentials;
import org.bart.protocol.ReadPlanConverter;
import org.bart.protocol.RpcServers;
import org.bart.protocol.proto.AgentProtos.AgentService;
import org.bart.protocol.proto.AgentProtos.GetAgentStatusRequestProto;
import org.bart.protocol.proto.ClientProtos.GetReadPlanRequestProto;
import org.bart.protocol.proto.ClientProtos.GetReadPlanResponseProto;
import org.bart.protocol.proto.ClientProtos.ReadPlannedRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.CoordinatorService;
import org.bart.protocol.proto.CoordinatorProtos.MaintenanceRequestProto;
import org.bart.protocol.wide.ReadPlan;
import org.bart.protocol.wide.WideUnit;
import org.bart.report.MaintenanceReport;
import org.bart.testing.DeadNodes;
import org.bart.testing.Kerberos;
import org.bart.testing.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BART on a kerberized cluster with everything on at once: Kerberos for HDFS's and BART's RPC,
 * block access tokens, SASL on DataTransferProtocol (so the agents' block reads and writes
 * authenticate), HTTPS only, and service-level authorization with the shipped
 * {@code hadoop-policy-bart.xml.example}. Transition, stock and degraded reads by an ordinary
 * user, repair and verify work; unauthenticated and unauthorised callers are refused.
 */
class SecureClusterIT {

  private static final String TREE = "/secure";
  private static final String SECRET = TREE + "/secret";
  private static final String ALICE = "alice";
  private static final String MALLORY = "mallory";

  private static Kerberos kerberos;
  private static SmallCluster small;
  private static Map<String, byte[]> contents;

  @BeforeAll
  static void start() throws Exception {
    File dir = Files.createTempDirectory(Paths.get("target"), "secure-it").toFile();
    kerberos = Kerberos.start(dir, ALICE, MALLORY);
    Map<String, String> settings = kerberos.clusterSettings("integrity");
    settings.put(CommonConfigurationKeys.HADOOP_SECURITY_AUTHORIZATION, "true");
    settings.putAll(policyExample());
    kerberos.loginAsDaemon(settings);
    EmbeddedCluster.Builder b = EmbeddedCluster.builder();
    settings.forEach(b::set);
    small = new SmallCluster(b);
    contents = small.writeTree(TREE, SmallCluster.SEED);
    small.dfs().rename(new Path(TREE + "/f0"), new Path(SECRET));
    small.dfs().setPermission(new Path(SECRET), new FsPermission((short) 0600));
    contents.put(SECRET, contents.remove(TREE + "/f0"));
  }

  @AfterAll
  static void stop() {
    try {
      if (small != null) {
        small.close();
      }
    } finally {
      if (kerberos != null) {
        kerberos.close();
      }
    }
  }

  /** The service ACLs of etc/hadoop/hadoop-policy-bart.xml.example, as an operator copies them. */
  private static Map<String, String> policyExample() throws Exception {
    java.nio.file.Path dir = Paths.get("").toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("etc/hadoop/hadoop-policy-bart.xml.example"))) {
      dir = dir.getParent();
    }
    Configuration policy = new Configuration(false);
    policy.addResource(dir.resolve("etc/hadoop/hadoop-policy-bart.xml.example").toUri().toURL());
    Map<String, String> acls = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : policy) {
      acls.put(e.getKey(), e.getValue());
    }
    assertEquals(4, acls.size(), acls::toString);
    return acls;
  }

  @Test
  void everythingWorksForWhoMayAndNothingForWhoMayNot() throws Exception {
    assertTrue(UserGroupInformation.isSecurityEnabled());
    assertTrue(small.cluster.conf().getBoolean(DFSConfigKeys.DFS_BLOCK_ACCESS_TOKEN_ENABLE_KEY,
        false));

    // Transition by the administrator (the HDFS superuser, Kerberos-authenticated).
    assertTrue(small.transition(TREE, 2).succeeded);

    UserGroupInformation alice = kerberos.login(ALICE);
    // Stock reads by an ordinary user.
    try (FileSystem fs = Users.as(alice, () -> FileSystem.newInstance(
        small.dfs().getUri(), small.cluster.conf()))) {
      for (Map.Entry<String, byte[]> e : contents.entrySet()) {
        if (!e.getKey().equals(SECRET)) {
          assertArrayEquals(e.getValue(), readAll(fs, e.getKey()), e.getKey());
        }
      }
    }

    // Degraded reads by an ordinary user: a DataNode holding a data block of f1 is down.
    String f1 = TREE + "/f1";
    LocatedBlock first = small.dfs().getClient().getLocatedBlocks(f1, 0, 1).get(0);
    DatanodeInfo victim = first.getLocations()[0];
    small.cluster.stopDataNode(victim.getDatanodeUuid());
    try (FileSystem fs = Users.bartClient(alice, small.dfs(), small.cluster.conf())) {
      assertArrayEquals(contents.get(f1), readAll(fs, f1), f1 + " with a DataNode down");
    }
    // ...also by a task holding only a delegation token of that user, as YARN gives it.
    UserGroupInformation task = tokenOnly(alice);
    try (FileSystem fs = Users.bartClient(task, small.dfs(), small.cluster.conf())) {
      assertArrayEquals(contents.get(f1), readAll(fs, f1), f1 + " read with a delegation token");
    }
    // A delegation token administers nothing, not even the superuser's.
    assertTokensDoNotAdminister(task);
    // ...only of what the user may read.
    try (DegradedReadClient c = Users.as(alice,
        () -> DegradedReadClient.connect(small.cluster.conf()))) {
      AccessControlException denied = assertThrows(AccessControlException.class,
          () -> c.read(SECRET, 0, 1024));
      assertTrue(denied.getMessage().contains(SECRET), denied::getMessage);
    }
    // ...with the plan exactly as the NameNode signed it for that user: the agent checks the
    // block token with its DataNode's keys.
    GetReadPlanResponseProto alicesPlan = signedPlan(alice, f1);
    assertOnlyTheSignedPlanIsRead(alicesPlan, alice, f1, victim.getDatanodeUuid());
    // ...and a plan made for alice does not let another user read, whose own plan's token
    // authenticates her connection to the agent.
    assertAnotherUsersPlanIsRefused(alicesPlan, tokenOnly(kerberos.login(MALLORY)), f1,
        victim.getDatanodeUuid());
    // A plan's block token, even the superuser's, does not command an agent.
    assertPlanTokensDoNotCommandAgents(f1, victim.getDatanodeUuid());

    // Repair of the dead DataNode's units, then verify, by the administrator.
    DeadNodes.declare(small.cluster.mini(), victim.getDatanodeUuid());
    small.cluster.awaitDead(Collections.singleton(victim.getDatanodeUuid()), 60_000);
    try (CoordinatorClient admin = CoordinatorClient.connect(small.cluster.conf())) {
      MaintenanceReport repair = MaintenanceReport.fromJson(admin.repair(TREE));
      assertTrue(repair.problems.isEmpty(), repair.problems.toString());
      assertFalse(repair.actions.isEmpty(), "nothing repaired");
      MaintenanceReport verify = MaintenanceReport.fromJson(admin.verify(TREE));
      assertTrue(verify.problems.isEmpty(), verify.problems.toString());
    }

    // An authenticated user the policy does not admit is refused by service-level authorization.
    UserGroupInformation mallory = kerberos.login(MALLORY);
    try (CoordinatorClient c = Users.as(mallory,
        () -> CoordinatorClient.connect(small.cluster.conf()))) {
      assertRefusedByAcl(assertThrows(IOException.class, c::listAgents));
    }
    String agent = small.cluster.agentAddress(
        small.cluster.mini().getDataNodes().get(0).getDatanodeUuid());
    AgentProtocolPB toAgent = Users.as(mallory, () -> RpcServers.proxy(AgentProtocolPB.class,
        NetUtils.createSocketAddr(agent), new Configuration(small.cluster.conf())));
    ServiceException se = assertThrows(ServiceException.class,
        () -> toAgent.getStatus(null, GetAgentStatusRequestProto.getDefaultInstance()));
    assertRefusedByAcl(ProtobufHelper.getRemoteException(se));

    // A caller without Kerberos credentials cannot even connect.
    UserGroupInformation eve = UserGroupInformation.createRemoteUser("eve");
    try (CoordinatorClient c = Users.as(eve,
        () -> CoordinatorClient.connect(small.cluster.conf()))) {
      IOException e = assertThrows(IOException.class, c::listAgents);
      assertNotNull(e.getMessage());
      assertTrue(e.getMessage().contains("authentication") || e.getMessage().contains("KERBEROS"),
          e.toString());
    }
    try (DegradedReadClient c = Users.as(eve,
        () -> DegradedReadClient.connect(small.cluster.conf()))) {
      assertThrows(IOException.class, () -> c.read(f1, 0, 1024));
    }
  }

  /**
   * A user as a YARN task is: no Kerberos login, only an HDFS delegation token that {@code user}
   * obtained (with Kerberos) for the job.
   */
  private static UserGroupInformation tokenOnly(UserGroupInformation user) throws Exception {
    Credentials credentials = new Credentials();
    Users.as(user, () -> {
      try (FileSystem fs = FileSystem.newInstance(small.dfs().getUri(), small.cluster.conf())) {
        return fs.addDelegationTokens("yarn", credentials);
      }
    });
    assertEquals(1, credentials.numberOfTokens(), credentials.getAllTokens()::toString);
    UserGroupInformation task = UserGroupInformation.createRemoteUser(user.getShortUserName());
    for (Token<?> t : credentials.getAllTokens()) {
      task.addToken(t);
    }
    return task;
  }

  /**
   * The coordinator protocol takes no token: not through BART's own client, and not from a
   * client that offers one (an interface of the same protocol name that selects delegation
   * tokens), neither an ordinary user's (whom the service ACL already refuses) nor the HDFS
   * superuser's.
   */
  private static void assertTokensDoNotAdminister(UserGroupInformation task) throws Exception {
    try (CoordinatorClient c = Users.as(task,
        () -> CoordinatorClient.connect(small.cluster.conf()))) {
      IOException e = assertThrows(IOException.class, () -> c.repair(TREE));
      assertTrue(e.getMessage().contains("cannot authenticate"), e.toString());
    }
    IOException ordinary = offerTokenToCoordinator(task);
    assertRefusedByAcl(ordinary);
    IOException superuser = offerTokenToCoordinator(
        tokenOnly(UserGroupInformation.getLoginUser()));
    assertRefusedForItsToken(superuser);
  }

  /** What the coordinator answers to a repair asked with {@code task}'s delegation token. */
  private static IOException offerTokenToCoordinator(UserGroupInformation task) throws Exception {
    TokenCoordinatorProtocolPB coordinator = Users.as(task, () -> RpcServers.proxy(
        TokenCoordinatorProtocolPB.class, CoordinatorClient.address(small.cluster.conf()),
        new Configuration(small.cluster.conf())));
    try {
      return remoteCause(assertThrows(ServiceException.class, () -> coordinator.repair(null,
          MaintenanceRequestProto.newBuilder().setPath(TREE).build())));
    } finally {
      RPC.stopProxy(coordinator);
    }
  }

  /** The coordinator protocol as a client would call it that offers it a delegation token. */
  @TokenInfo(NameNodeTokenSelector.class)
  @KerberosInfo(serverPrincipal = DFSConfigKeys.DFS_NAMENODE_KERBEROS_PRINCIPAL_KEY)
  @ProtocolInfo(protocolName = "org.bart.protocol.CoordinatorProtocolPB", protocolVersion = 1)
  interface TokenCoordinatorProtocolPB extends CoordinatorService.BlockingInterface {
  }

  /**
   * The agent protocol called by a client that offers it the block token of the superuser's own
   * read plan (which the service ACL admits by its user): refused for the token.
   */
  private static void assertPlanTokensDoNotCommandAgents(String path, String downUuid)
      throws Exception {
    UserGroupInformation superuser = UserGroupInformation.getLoginUser();
    GetReadPlanResponseProto plan = signedPlan(superuser, path);
    String agentAddress = liveAgent(ReadPlanConverter.fromBytes(plan.getPlan().toByteArray()),
        downUuid);
    UserGroupInformation connection =
        UserGroupInformation.createRemoteUser(superuser.getShortUserName());
    connection.addToken(PlanCredentials.forAgent(plan.getCredential(),
        NetUtils.createSocketAddr(agentAddress)));
    TokenAgentProtocolPB toAgent = Users.as(connection, () -> RpcServers.proxy(
        TokenAgentProtocolPB.class, NetUtils.createSocketAddr(agentAddress),
        new Configuration(small.cluster.conf())));
    try {
      assertRefusedForItsToken(remoteCause(assertThrows(ServiceException.class,
          () -> toAgent.getStatus(null, GetAgentStatusRequestProto.getDefaultInstance()))));
    } finally {
      RPC.stopProxy(toAgent);
    }
  }

  /** The agent protocol as a client would call it that offers it a plan's block token. */
  @TokenInfo(AgentTokenSelector.class)
  @KerberosInfo(serverPrincipal = DFSConfigKeys.DFS_DATANODE_KERBEROS_PRINCIPAL_KEY)
  @ProtocolInfo(protocolName = "org.bart.protocol.AgentProtocolPB", protocolVersion = 1)
  interface TokenAgentProtocolPB extends AgentService.BlockingInterface {
  }

  /** A plan of {@code path}'s first block group, as the NameNode signs it for {@code user}. */
  private static GetReadPlanResponseProto signedPlan(UserGroupInformation user, String path)
      throws Exception {
    BartClientProtocolPB nn = Users.as(user, () -> RpcServers.proxy(BartClientProtocolPB.class,
        CoordinatorClient.address(small.cluster.conf()), new Configuration(small.cluster.conf())));
    try {
      GetReadPlanResponseProto signed = nn.getReadPlan(null,
          GetReadPlanRequestProto.newBuilder().setPath(path).setOffset(0).build());
      assertTrue(signed.hasCredential(),
          "no block token on a plan of a cluster with block tokens");
      return signed;
    } finally {
      RPC.stopProxy(nn);
    }
  }

  /** The address of an agent of the plan's wide group other than the stopped DataNode's. */
  private static String liveAgent(ReadPlan plan, String downUuid) {
    for (WideUnit u : plan.units()) {
      if (u.node() != null && !u.node().uuid().equals(downUuid)) {
        return u.node().agentAddress();
      }
    }
    throw new AssertionError("no live agent in " + plan.units());
  }

  /**
   * {@code other} (a task with a delegation token only) connects to an agent with the block token
   * of a plan of its own, and reads with it; with the plan and token made for someone else it is
   * refused.
   */
  private static void assertAnotherUsersPlanIsRefused(GetReadPlanResponseProto someoneElses,
      UserGroupInformation other, String path, String downUuid) throws Exception {
    GetReadPlanResponseProto own = signedPlan(other, path);
    String agentAddress = liveAgent(ReadPlanConverter.fromBytes(own.getPlan().toByteArray()),
        downUuid);
    UserGroupInformation connection =
        UserGroupInformation.createRemoteUser(other.getShortUserName());
    connection.addToken(PlanCredentials.forAgent(own.getCredential(),
        NetUtils.createSocketAddr(agentAddress)));
    BartReadProtocolPB toAgent = Users.as(connection, () -> RpcServers.proxy(
        BartReadProtocolPB.class, NetUtils.createSocketAddr(agentAddress),
        new Configuration(small.cluster.conf())));
    try {
      ReadPlannedRequestProto mine = ReadPlannedRequestProto.newBuilder()
          .setPlan(own.getPlan()).setCredential(own.getCredential()).setOffset(0)
          .setLength(1024).build();
      assertArrayEquals(Arrays.copyOf(contents.get(path), 1024),
          toAgent.readPlanned(null, mine).getData().toByteArray());
      assertPlanRefused(toAgent, mine.toBuilder().setPlan(someoneElses.getPlan())
          .setCredential(someoneElses.getCredential()).build(), path);
    } finally {
      RPC.stopProxy(toAgent);
    }
  }

  private static void assertOnlyTheSignedPlanIsRead(GetReadPlanResponseProto signed,
      UserGroupInformation user, String path, String downUuid) throws Exception {
    ReadPlan plan = ReadPlanConverter.fromBytes(signed.getPlan().toByteArray());
    String agentAddress = liveAgent(plan, downUuid);
    BartReadProtocolPB toAgent = Users.as(user, () -> RpcServers.proxy(BartReadProtocolPB.class,
        NetUtils.createSocketAddr(agentAddress), new Configuration(small.cluster.conf())));
    try {
      ReadPlannedRequestProto genuine = ReadPlannedRequestProto.newBuilder()
          .setPlan(signed.getPlan()).setCredential(signed.getCredential()).setOffset(0)
          .setLength(1024).build();
      assertArrayEquals(Arrays.copyOf(contents.get(path), 1024),
          toAgent.readPlanned(null, genuine).getData().toByteArray());
      // Another member of the same wide group, under the genuine token: refused.
      ReadPlan other = new ReadPlan(plan.path(), plan.user(), plan.groupStart(),
          plan.groupBytes(), plan.cellSize(), (plan.position() + 1) % plan.code().lambda(),
          plan.code(), plan.units(), plan.parityPath(), plan.maxReadBytes());
      assertPlanRefused(toAgent, genuine.toBuilder()
          .setPlan(ByteString.copyFrom(ReadPlanConverter.toBytes(other))).build(), path);
      assertPlanRefused(toAgent, genuine.toBuilder().clearCredential().build(), path);
    } finally {
      RPC.stopProxy(toAgent);
    }
  }

  private static void assertPlanRefused(BartReadProtocolPB agent, ReadPlannedRequestProto req,
      String path) {
    IOException e = remoteCause(assertThrows(ServiceException.class,
        () -> agent.readPlanned(null, req)));
    assertTrue(e instanceof AccessControlException && e.getMessage().contains(path),
        e.toString());
  }

  /** What a call's ServiceException carries: the server's exception, unwrapped. */
  private static IOException remoteCause(ServiceException se) {
    IOException e = ProtobufHelper.getRemoteException(se);
    return e instanceof RemoteException ? ((RemoteException) e).unwrapRemoteException() : e;
  }

  /** Refused because the caller authenticated with a token, whoever it names. */
  private static void assertRefusedForItsToken(IOException e) {
    assertTrue(e instanceof AccessControlException
        && e.getMessage().contains("not a delegation or block token"), e.toString());
  }

  private static void assertRefusedByAcl(IOException e) {
    IOException unwrapped = e instanceof RemoteException
        ? ((RemoteException) e).unwrapRemoteException() : e;
    assertTrue(unwrapped instanceof AuthorizationException
        && unwrapped.getMessage().contains("not authorized for protocol"), e.toString());
  }

  private static byte[] readAll(FileSystem fs, String path) throws IOException {
    Path p = new Path(path);
    byte[] out = new byte[(int) fs.getFileStatus(p).getLen()];
    try (FSDataInputStream in = fs.open(p)) {
      IOUtils.readFully(in, out, 0, out.length);
    }
    return out;
  }
}
