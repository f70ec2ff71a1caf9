package org.bart.protocol;

import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.SecurityUtil;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.thirdparty.protobuf.ByteString;
import org.bart.protocol.proto.ClientProtos.CredentialProto;
import org.bart.protocol.wide.ReadPlan;
import org.bart.protocol.wide.WideUnit;

/**
 * How a read plan is vouched for when the cluster has block tokens: the NameNode mints a block
 * access token (READ) on one of the member's own blocks, whose user id is {@link #tokenUser}: the
 * checked user and the SHA-256 of the plan's bytes. An agent recomputes both and checks the token
 * with its DataNode's keys, so a plan changed by anyone, or presented by another user, is refused.
 * The token reads nothing at a DataNode that the user could not read already.
 */
public final class PlanCredentials {

  private PlanCredentials() {
  }

  private static final String MARK = " bart-read-plan ";
  private static final int HASH_HEX_CHARS = 64;

  /** The token's user id: "USER bart-read-plan SHA256HEX". */
  public static String tokenUser(String user, byte[] plan) {
    StringBuilder sb = new StringBuilder(user).append(MARK);
    for (byte b : sha256(plan)) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }

  /**
   * The user a plan's token was minted for: USER of a {@link #tokenUser} id, or null if
   * {@code tokenUserId} is not one (an ordinary block token of HDFS).
   */
  public static String userOf(String tokenUserId) {
    int mark = tokenUserId.lastIndexOf(MARK);
    if (mark <= 0 || tokenUserId.length() != mark + MARK.length() + HASH_HEX_CHARS) {
      return null;
    }
    for (int i = mark + MARK.length(); i < tokenUserId.length(); i++) {
      if (Character.digit(tokenUserId.charAt(i), 16) < 0) {
        return null;
      }
    }
    return tokenUserId.substring(0, mark);
  }

  /**
   * The plan's token as a client presents it to the agent at {@code agent} to authenticate its
   * RPC connection: its service is that agent's address, which is how the read protocol's token
   * selector ({@link AgentTokenSelector}) finds it for that server and no other.
   */
  public static Token<BlockTokenIdentifier> forAgent(CredentialProto c, InetSocketAddress agent) {
    Token<BlockTokenIdentifier> token = fromProto(c);
    SecurityUtil.setTokenService(token, agent);
    return token;
  }

  /**
   * The block the token names: the member's first data unit that has a replica.
   *
   * @throws IllegalArgumentException if the member has none (a plan never lacks one)
   */
  public static ExtendedBlock tokenBlock(ReadPlan plan) {
    for (int u : plan.memberUnits()) {
      WideUnit unit = plan.units().get(u);
      if (unit.replica() != null) {
        return WideReadConverter.toBlock(unit.replica());
      }
    }
    throw new IllegalArgumentException("read plan of " + plan.path() + " names no block of member "
        + plan.position());
  }

  public static CredentialProto toProto(Token<BlockTokenIdentifier> token) {
    return CredentialProto.newBuilder().setIdentifier(ByteString.copyFrom(token.getIdentifier()))
        .setPassword(ByteString.copyFrom(token.getPassword())).build();
  }

  public static Token<BlockTokenIdentifier> fromProto(CredentialProto c) {
    return new Token<>(c.getIdentifier().toByteArray(), c.getPassword().toByteArray(),
        new BlockTokenIdentifier().getKind(), new Text());
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
