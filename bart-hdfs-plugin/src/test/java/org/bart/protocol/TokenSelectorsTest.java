package org.bart.protocol;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Collection;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.hdfs.security.token.delegation.DelegationTokenIdentifier;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.security.token.TokenIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Which token a client offers to which BART server: a delegation token only to the plugin on
 * its own NameNode's host, a plan's block token only to the agent whose address it carries.
 */
class TokenSelectorsTest {

  private static final Text DT = DelegationTokenIdentifier.HDFS_DELEGATION_KIND;
  private static final Text BLOCK = new BlockTokenIdentifier().getKind();

  private final NameNodeTokenSelector plugin = new NameNodeTokenSelector();
  private final AgentTokenSelector agent = new AgentTokenSelector();

  @Test
  void aDelegationTokenGoesOnlyToThePluginOnItsNameNodesHost() {
    Token<?> otherNameNode = token(DT, "10.0.0.9:8020");
    Token<?> ours = token(DT, "10.0.0.5:8020");
    Token<?> blockOfOurHost = token(BLOCK, "10.0.0.5:9879");
    Collection<Token<? extends TokenIdentifier>> held =
        Arrays.asList(blockOfOurHost, otherNameNode, ours);
    assertSame(ours, plugin.selectToken(new Text("10.0.0.5:9879"), held));
    assertSame(otherNameNode, plugin.selectToken(new Text("10.0.0.9:9879"), held));
    assertNull(plugin.selectToken(new Text("10.0.0.7:9879"), held));
    assertNull(plugin.selectToken(new Text("10.0.0.55:9879"), held));
    assertNull(plugin.selectToken(null, held));
  }

  @Test
  void anHaLogicalTokenIsLeftToItsPerNameNodeClonesAndIpv6HostsMatchWhole() {
    Token<?> logical = token(DT, "ha-hdfs:ns1");
    assertNull(plugin.selectToken(new Text("ha-hdfs:9879"), Arrays.asList(logical)));
    Token<?> clone = token(DT, "0:0:0:0:0:0:0:1:8020");
    Collection<Token<? extends TokenIdentifier>> held = Arrays.asList(logical, clone);
    assertSame(clone, plugin.selectToken(new Text("0:0:0:0:0:0:0:1:9879"), held));
    assertNull(plugin.selectToken(new Text("0:0:0:0:0:0:0:2:9879"), held));
  }

  @Test
  void aPlansBlockTokenGoesOnlyToTheAgentItWasGivenFor() {
    Token<?> forA = token(BLOCK, "10.0.0.1:9878");
    Token<?> forB = token(BLOCK, "10.0.0.2:9878");
    Token<?> delegationAtC = token(DT, "10.0.0.3:9878");
    Collection<Token<? extends TokenIdentifier>> held = Arrays.asList(forA, forB, delegationAtC);
    assertSame(forB, agent.selectToken(new Text("10.0.0.2:9878"), held));
    assertSame(forA, agent.selectToken(new Text("10.0.0.1:9878"), held));
    assertNull(agent.selectToken(new Text("10.0.0.3:9878"), held));
    assertNull(agent.selectToken(null, held));
  }

  private static Token<?> token(Text kind, String service) {
    return new Token<>(new byte[0], new byte[0], kind, new Text(service));
  }
}
