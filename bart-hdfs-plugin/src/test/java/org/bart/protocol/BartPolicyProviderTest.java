package org.bart.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.security.KerberosInfo;
import org.apache.hadoop.security.authorize.Service;
import org.bart.conf.BartConfigKeys;
import org.junit.jupiter.api.Test;

/** What Hadoop's RPC server and client need of each BART protocol to secure it. */
class BartPolicyProviderTest {

  @Test
  void eachProtocolNameIsTheClassServiceAuthorizationLooksUp() throws Exception {
    // The RPC server resolves the protocol name a client sends with Configuration.getClassByName
    // and looks the ACL up by that class.
    Configuration conf = new Configuration(false);
    for (Service s : new BartPolicyProvider().getServices()) {
      assertEquals(s.getProtocol(), conf.getClassByName(RPC.getProtocolName(s.getProtocol())),
          s.getServiceKey());
    }
  }

  @Test
  void everyProtocolHasAnAclKeyAndItsServersKerberosPrincipal() {
    Set<String> keys = new HashSet<>();
    for (Service s : new BartPolicyProvider().getServices()) {
      keys.add(s.getServiceKey());
      KerberosInfo krb = s.getProtocol().getAnnotation(KerberosInfo.class);
      assertNotNull(krb, s.getProtocol() + " has no @KerberosInfo");
      // The agents serve the agent and the read protocol; the NameNode plugin the other two.
      assertEquals(s.getProtocol() == AgentProtocolPB.class
          || s.getProtocol() == BartReadProtocolPB.class
          ? DFSConfigKeys.DFS_DATANODE_KERBEROS_PRINCIPAL_KEY
          : DFSConfigKeys.DFS_NAMENODE_KERBEROS_PRINCIPAL_KEY, krb.serverPrincipal(),
          s.getProtocol().getName());
    }
    assertEquals(new HashSet<>(Arrays.asList(BartConfigKeys.AGENT_PROTOCOL_ACL,
        BartConfigKeys.COORDINATOR_PROTOCOL_ACL, BartConfigKeys.CLIENT_PROTOCOL_ACL,
        BartConfigKeys.READ_PROTOCOL_ACL)), keys);
  }
}
