package org.bart.datanode;

import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.SecretManager;
import org.bart.protocol.PlanCredentials;

/**
 * How an agent's RPC server authenticates a user by a read plan's block token, as a DataNode's
 * IPC server authenticates ClientDatanodeProtocol callers by block tokens: the token's password
 * is recomputed with the DataNode's block keys (which also refuse an expired token or an unknown
 * key), only a plan's token ({@link PlanCredentials#tokenUser}) is taken, not an ordinary block
 * token of HDFS, and the caller is named by the plan's user, so that the read protocol's ACL and
 * the agent's check of each plan see the user the NameNode checked. The plan a request carries is
 * still checked against its own token ({@link Agent#readPlanned}): one plan's token authenticates
 * its user's connection, not every plan. Thread-safe.
 */
final class PlanTokenSecretManager extends SecretManager<BlockTokenIdentifier> {

  private final SecretManager<BlockTokenIdentifier> blockKeys;

  /** @param blockKeys the DataNode's {@code BlockPoolTokenSecretManager} */
  PlanTokenSecretManager(SecretManager<BlockTokenIdentifier> blockKeys) {
    this.blockKeys = blockKeys;
  }

  @Override
  public byte[] retrievePassword(BlockTokenIdentifier id) throws InvalidToken {
    if (PlanCredentials.userOf(id.getUserId()) == null) {
      throw new InvalidToken("a BART agent takes only a read plan's block token, not " + id);
    }
    try {
      return blockKeys.retrievePassword(id);
    } catch (IllegalArgumentException e) { // how the DataNode's keys refuse a pool it lacks
      throw new InvalidToken("a BART agent cannot check " + id + ": " + e.getMessage());
    }
  }

  @Override
  protected byte[] createPassword(BlockTokenIdentifier id) {
    throw new UnsupportedOperationException("a BART agent mints no tokens");
  }

  @Override
  public BlockTokenIdentifier createIdentifier() {
    return new PlanTokenIdentifier();
  }

  /** A plan's block token as the RPC server reads it: its user is the plan's user. */
  static final class PlanTokenIdentifier extends BlockTokenIdentifier {

    @Override
    public UserGroupInformation getUser() {
      String user = PlanCredentials.userOf(getUserId());
      return user == null ? null : UserGroupInformation.createRemoteUser(user);
    }
  }
}
