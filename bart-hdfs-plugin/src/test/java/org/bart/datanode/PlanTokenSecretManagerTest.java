package org.bart.datanode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.util.Arrays;
import java.util.EnumSet;
import org.apache.hadoop.fs.StorageType;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.security.token.block.BlockPoolTokenSecretManager;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier.AccessMode;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenSecretManager;
import org.apache.hadoop.security.token.SecretManager.InvalidToken;
import org.apache.hadoop.security.token.Token;
import org.bart.protocol.PlanCredentials;
import org.junit.jupiter.api.Test;

/**
 * An agent's RPC authentication by a read plan's block token, with Hadoop's real block keys and
 * the identifier read back as the RPC server reads it: a plan token of this NameNode's keys
 * authenticates its plan's user; an ordinary block token, a token of other keys or of a pool the
 * DataNode does not serve does not.
 */
class PlanTokenSecretManagerTest {

  private static final String POOL = "BP-7-127.0.0.1-7";
  private static final ExtendedBlock BLOCK = new ExtendedBlock(POOL, 1006, 4096, 1001);
  private static final String ALICES_PLAN = PlanCredentials.tokenUser("alice", new byte[] {1, 2});

  private final BlockTokenSecretManager nameNode =
      new BlockTokenSecretManager(600_000, 600_000, 0, 1, POOL, null, false);
  private final PlanTokenSecretManager agent;

  PlanTokenSecretManagerTest() throws Exception {
    BlockTokenSecretManager keys = new BlockTokenSecretManager(600_000, 600_000, POOL, null, false);
    keys.addKeys(nameNode.exportKeys());
    BlockPoolTokenSecretManager dataNode = new BlockPoolTokenSecretManager();
    dataNode.addBlockPool(POOL, keys);
    agent = new PlanTokenSecretManager(dataNode);
  }

  @Test
  void aPlansTokenAuthenticatesThePlansUser() throws Exception {
    Token<BlockTokenIdentifier> token = mint(nameNode, ALICES_PLAN, BLOCK);
    BlockTokenIdentifier id = asServerReads(token);
    assertArrayEquals(token.getPassword(), agent.retrievePassword(id));
    assertEquals("alice", id.getUser().getShortUserName());
  }

  @Test
  void anOrdinaryBlockTokenOtherKeysOrAnotherPoolDoNotAuthenticate() throws Exception {
    BlockTokenIdentifier ordinary = asServerReads(mint(nameNode, "alice", BLOCK));
    assertThrows(InvalidToken.class, () -> agent.retrievePassword(ordinary));

    BlockTokenSecretManager stranger =
        new BlockTokenSecretManager(600_000, 600_000, 0, 1, POOL, null, false);
    Token<BlockTokenIdentifier> forged = mint(stranger, ALICES_PLAN, BLOCK);
    // Known key id, other key: the password the agent computes is not the forger's.
    assertFalse(Arrays.equals(forged.getPassword(),
        retrievedOrEmpty(asServerReads(forged))));

    String otherPool = "BP-8-127.0.0.1-8";
    BlockTokenSecretManager otherNameNode =
        new BlockTokenSecretManager(600_000, 600_000, 0, 1, otherPool, null, false);
    BlockTokenIdentifier elsewhere = asServerReads(mint(otherNameNode, ALICES_PLAN,
        new ExtendedBlock(otherPool, 1006, 4096, 1001)));
    assertThrows(InvalidToken.class, () -> agent.retrievePassword(elsewhere));
  }

  private byte[] retrievedOrEmpty(BlockTokenIdentifier id) {
    try {
      return agent.retrievePassword(id);
    } catch (InvalidToken e) {
      return new byte[0];
    }
  }

  private static Token<BlockTokenIdentifier> mint(BlockTokenSecretManager keys, String userId,
      ExtendedBlock b) {
    return keys.generateToken(userId, b, EnumSet.of(AccessMode.READ), new StorageType[0],
        new String[0]);
  }

  /** The identifier as Hadoop's SASL server makes it: the manager's, read from the wire. */
  private BlockTokenIdentifier asServerReads(Token<BlockTokenIdentifier> token) throws Exception {
    BlockTokenIdentifier id = agent.createIdentifier();
    id.readFields(new DataInputStream(new ByteArrayInputStream(token.getIdentifier())));
    return id;
  }
}
