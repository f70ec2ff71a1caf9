package org.bart.protocol;

import org.apache.hadoop.security.authorize.PolicyProvider;
import org.apache.hadoop.security.authorize.Service;
import org.bart.conf.BartConfigKeys;

/** Service-level authorization (hadoop-policy.xml keys) for BART's protocols. */
public final class BartPolicyProvider extends PolicyProvider {

  private static final Service[] SERVICES = {
      new Service(BartConfigKeys.AGENT_PROTOCOL_ACL, AgentProtocolPB.class),
      new Service(BartConfigKeys.COORDINATOR_PROTOCOL_ACL, CoordinatorProtocolPB.class),
      new Service(BartConfigKeys.CLIENT_PROTOCOL_ACL, BartClientProtocolPB.class),
      new Service(BartConfigKeys.READ_PROTOCOL_ACL, BartReadProtocolPB.class),
  };

  @Override
  public Service[] getServices() {
    return SERVICES.clone();
  }
}
