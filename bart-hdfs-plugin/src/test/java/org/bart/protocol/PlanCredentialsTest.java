package org.bart.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.fs.StorageType;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.security.token.block.BlockPoolTokenSecretManager;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier.AccessMode;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenSecretManager;
import org.apache.hadoop.security.token.SecretManager.InvalidToken;
import org.apache.hadoop.security.token.Token;
import org.bart.codec.NarrowCodec;
import org.bart.codec.WideCode;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.ReadPlan;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideUnit;
import org.junit.jupiter.api.Test;

/**
 * A read plan's credential with Hadoop's real block token keys, as a NameNode mints it and a
 * DataNode checks it: the plan as signed, for the user it was signed for, passes; a changed plan,
 * another user or a token of another NameNode does not, and the token itself names one of the
 * member's own blocks.
 */
class PlanCredentialsTest {

  private static final String POOL = "BP-7-127.0.0.1-7";
  private static final WideCode CODE = WideCode.of(NarrowCodec.RS_LEGACY, 6, 3, 3, 1, 2, 7);

  private final BlockTokenSecretManager nameNode =
      new BlockTokenSecretManager(600_000, 600_000, 0, 1, POOL, null, false);
  private final BlockPoolTokenSecretManager dataNode = new BlockPoolTokenSecretManager();

  PlanCredentialsTest() throws Exception {
    BlockTokenSecretManager keys = new BlockTokenSecretManager(600_000, 600_000, POOL, null, false);
    keys.addKeys(nameNode.exportKeys());
    dataNode.addBlockPool(POOL, keys);
  }

  @Test
  void thePlanAsSignedForItsUserPasses() throws Exception {
    byte[] plan = ReadPlanConverter.toBytes(plan("alice", 1));
    ExtendedBlock block = PlanCredentials.tokenBlock(plan("alice", 1));
    assertTrue(block.getBlockId() == 1006, "member 1's first data unit: " + block);
    dataNode.checkAccess(wire(sign("alice", plan, block)),
        PlanCredentials.tokenUser("alice", plan), block, AccessMode.READ);
  }

  @Test
  void aChangedPlanAnotherUserOrAnotherNameNodesKeyIsRefused() throws Exception {
    byte[] plan = ReadPlanConverter.toBytes(plan("alice", 1));
    ExtendedBlock block = PlanCredentials.tokenBlock(plan("alice", 1));
    Token<BlockTokenIdentifier> token = wire(sign("alice", plan, block));
    // Another member of the same wide group: a plan alice was never given.
    byte[] other = ReadPlanConverter.toBytes(plan("alice", 2));
    assertNotEquals(PlanCredentials.tokenUser("alice", plan),
        PlanCredentials.tokenUser("alice", other));
    assertThrows(InvalidToken.class, () -> dataNode.checkAccess(token,
        PlanCredentials.tokenUser("alice", other), block, AccessMode.READ));
    assertThrows(InvalidToken.class, () -> dataNode.checkAccess(token,
        PlanCredentials.tokenUser("mallory", plan), block, AccessMode.READ));
    BlockTokenSecretManager stranger =
        new BlockTokenSecretManager(600_000, 600_000, 0, 1, POOL, null, false);
    Token<BlockTokenIdentifier> forged = wire(stranger.generateToken(
        PlanCredentials.tokenUser("alice", plan), block, EnumSet.of(AccessMode.READ),
        new StorageType[0], new String[0]));
    assertThrows(InvalidToken.class, () -> dataNode.checkAccess(forged,
        PlanCredentials.tokenUser("alice", plan), block, AccessMode.READ));
  }

  @Test
  void theUserOfAPlansTokenIsReadBackAndOtherIdsHaveNone() throws Exception {
    byte[] plan = ReadPlanConverter.toBytes(plan("alice", 1));
    assertEquals("alice", PlanCredentials.userOf(PlanCredentials.tokenUser("alice", plan)));
    String id = PlanCredentials.tokenUser("alice", plan);
    assertNull(PlanCredentials.userOf("alice"));
    assertNull(PlanCredentials.userOf(id.substring(0, id.length() - 1)));
    assertNull(PlanCredentials.userOf(id.substring(0, id.length() - 1) + "g"));
    assertNull(PlanCredentials.userOf(id.substring("alice".length())));
    Token<BlockTokenIdentifier> forAgent = PlanCredentials.forAgent(
        PlanCredentials.toProto(sign("alice", plan, PlanCredentials.tokenBlock(plan("alice", 1)))),
        new InetSocketAddress("10.0.0.4", 9878));
    assertEquals("10.0.0.4:9878", forAgent.getService().toString());
  }

  private Token<BlockTokenIdentifier> sign(String user, byte[] plan, ExtendedBlock block) {
    return nameNode.generateToken(PlanCredentials.tokenUser(user, plan), block,
        EnumSet.of(AccessMode.READ), new StorageType[0], new String[0]);
  }

  /** Through the wire form, as the client carries it from the NameNode to the agent. */
  private static Token<BlockTokenIdentifier> wire(Token<BlockTokenIdentifier> t) {
    return PlanCredentials.fromProto(PlanCredentials.toProto(t));
  }

  private static ReadPlan plan(String user, int position) {
    List<WideUnit> units = new ArrayList<>();
    for (int u = 0; u < CODE.totalUnits(); u++) {
      units.add(new WideUnit(4096, new Replica(POOL, 1000 + u, 1001, 4096), new AgentNode(
          new DatanodeID("10.0.0." + u, "host" + u, "dn-" + u, 9866, 9864, 9865, 9867),
          "10.0.0." + u + ":9878")));
    }
    return new ReadPlan("/data/f", user, 0, 6 * 4096, 1024, position, CODE, units,
        "/data/.bart/groups/b1-0", 8 << 20);
  }
}
