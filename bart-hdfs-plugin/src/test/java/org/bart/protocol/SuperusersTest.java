package org.bart.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.SaslRpcServer.AuthMethod;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.authorize.ServiceAuthorizationManager;
import org.bart.conf.BartConfigKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BART's default service ACLs as Hadoop applies them (hadoop-policy.xml read on top of conf). */
class SuperusersTest {

  private String policyFile;

  @BeforeEach
  void usePolicyFile() {
    // ServiceAuthorizationManager reads the policy file named by this property from the class path.
    policyFile = System.setProperty("hadoop.policy.file", "bart-test-policy.xml");
  }

  @AfterEach
  void restorePolicyFile() {
    if (policyFile == null) {
      System.clearProperty("hadoop.policy.file");
    } else {
      System.setProperty("hadoop.policy.file", policyFile);
    }
  }

  @Test
  void aCallerAuthenticatedByATokenIsKnownAlsoBehindAProxyUser() {
    UserGroupInformation token = UserGroupInformation.createRemoteUser("hdfs", AuthMethod.TOKEN);
    UserGroupInformation simple = UserGroupInformation.createRemoteUser("hdfs");
    assertTrue(Superusers.authenticatedByToken(token));
    assertFalse(Superusers.authenticatedByToken(simple));
    assertTrue(Superusers.authenticatedByToken(
        UserGroupInformation.createProxyUser("alice", token)));
    assertFalse(Superusers.authenticatedByToken(
        UserGroupInformation.createProxyUser("alice", simple)));
  }

  @Test
  void policyFileAclsWinAndUnsetOnesDefaultToTheSuperusers() throws Exception {
    Configuration conf = new Configuration(false);
    Superusers superusers = Superusers.of(conf);
    superusers.defaultAcl(conf, BartConfigKeys.AGENT_PROTOCOL_ACL);
    superusers.defaultAcl(conf, BartConfigKeys.COORDINATOR_PROTOCOL_ACL);

    ServiceAuthorizationManager acls = new ServiceAuthorizationManager();
    acls.refresh(conf, new BartPolicyProvider());

    assertEquals("alice admins", acls.getProtocolsAcls(AgentProtocolPB.class).getAclString());
    assertEquals(UserGroupInformation.getLoginUser().getShortUserName() + " supergroup",
        acls.getProtocolsAcls(CoordinatorProtocolPB.class).getAclString());
  }
}
