package org.bart.protocol;

import java.util.Collection;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.security.token.TokenIdentifier;
import org.apache.hadoop.security.token.TokenSelector;

/**
 * Which token a client presents to an agent's read protocol ({@link BartReadProtocolPB}): a read
 * plan's block token whose service is exactly that agent's address ({@link
 * PlanCredentials#forAgent}). Hadoop's {@code BlockTokenSelector} takes any block token, because
 * HDFS gives each ClientDatanodeProtocol connection a user of its own holding one token; BART's
 * client keeps one user for all its agents' connections, so the service decides.
 */
public final class AgentTokenSelector implements TokenSelector<BlockTokenIdentifier> {

  private static final Text BLOCK_TOKEN = new BlockTokenIdentifier().getKind();

  @Override
  @SuppressWarnings("unchecked")
  public Token<BlockTokenIdentifier> selectToken(Text service,
      Collection<Token<? extends TokenIdentifier>> tokens) {
    if (service == null) {
      return null;
    }
    for (Token<? extends TokenIdentifier> t : tokens) {
      if (BLOCK_TOKEN.equals(t.getKind()) && service.equals(t.getService())) {
        return (Token<BlockTokenIdentifier>) t;
      }
    }
    return null;
  }
}
