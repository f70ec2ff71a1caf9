package org.bart.protocol;

import java.util.Collection;
import org.apache.hadoop.hdfs.HAUtilClient;
import org.apache.hadoop.hdfs.security.token.delegation.DelegationTokenIdentifier;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.security.token.TokenIdentifier;
import org.apache.hadoop.security.token.TokenSelector;

/**
 * Which HDFS delegation token a client presents to BART's NameNode plugin (the client protocol,
 * {@link BartClientProtocolPB}): one issued by the NameNode on the plugin's host. A delegation
 * token's service is its NameNode's RPC address ("IP:8020", as {@code SecurityUtil.buildTokenService}
 * writes it), never the plugin's port, so Hadoop's {@code DelegationTokenSelector}, which wants the
 * service equal to the server's address, would find none. This one wants the same host: the
 * plugin runs inside that NameNode and checks the token with its secret manager, and a token is a
 * bearer credential, so it is never offered to a server on another host. Tokens of an HA logical
 * name ("ha-hdfs:NAMESERVICE") are left out: HDFS's client clones them for each NameNode's own
 * address into the same user when it connects, and those clones are matched.
 */
public final class NameNodeTokenSelector implements TokenSelector<DelegationTokenIdentifier> {

  @Override
  @SuppressWarnings("unchecked")
  public Token<DelegationTokenIdentifier> selectToken(Text service,
      Collection<Token<? extends TokenIdentifier>> tokens) {
    String host = service == null ? null : hostOf(service.toString());
    if (host == null) {
      return null;
    }
    for (Token<? extends TokenIdentifier> t : tokens) {
      if (DelegationTokenIdentifier.HDFS_DELEGATION_KIND.equals(t.getKind())
          && !HAUtilClient.isTokenForLogicalUri(t)
          && host.equals(hostOf(t.getService().toString()))) {
        return (Token<DelegationTokenIdentifier>) t;
      }
    }
    return null;
  }

  /** The host of a "HOST:PORT" token service (an IPv6 address has colons of its own), or null. */
  static String hostOf(String service) {
    int colon = service.lastIndexOf(':');
    return colon > 0 ? service.substring(0, colon) : null;
  }
}
