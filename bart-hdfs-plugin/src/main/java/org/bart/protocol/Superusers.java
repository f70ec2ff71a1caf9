package org.bart.protocol;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.ipc.Server;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.UserGroupInformation.AuthenticationMethod;
import org.apache.hadoop.thirdparty.protobuf.ServiceException;

/**
 * Who may call BART's protocols: the HDFS superuser, i.e. the user the daemon runs as, or a member
 * of {@code dfs.permissions.superusergroup}. Used both as the default service ACL and as a check on
 * every call (service ACLs are only enforced with {@code hadoop.security.authorization=true}).
 */
public final class Superusers {

  private final String daemonUser;
  private final String superGroup;

  private Superusers(String daemonUser, String superGroup) {
    this.daemonUser = daemonUser;
    this.superGroup = superGroup;
  }

  /** The superusers of the daemon running in this JVM with this configuration. */
  public static Superusers of(Configuration conf) throws IOException {
    return new Superusers(UserGroupInformation.getLoginUser().getShortUserName(),
        conf.get(DFSConfigKeys.DFS_PERMISSIONS_SUPERUSERGROUP_KEY,
            DFSConfigKeys.DFS_PERMISSIONS_SUPERUSERGROUP_DEFAULT));
  }

  /** The ACL string ("users groups") that admits exactly the superusers. */
  public String acl() {
    return daemonUser + " " + superGroup;
  }

  /**
   * Sets {@code aclKey} to the superuser ACL unless the operator configured it, in {@code conf}
   * or in the service-level policy file, so that the protocol is closed by default rather than
   * open to everyone.
   */
  public void defaultAcl(Configuration conf, String aclKey) {
    defaultAcl(conf, aclKey, acl());
  }

  /**
   * Sets {@code aclKey} to {@code acl} unless the operator configured it, in {@code conf} or in
   * the service-level policy file.
   */
  public void defaultAcl(Configuration conf, String aclKey, String acl) {
    // Hadoop loads the policy file on top of conf when it applies ACLs (see
    // ServiceAuthorizationManager.refresh), but a value set() here would override the file.
    Configuration withPolicy = new Configuration(conf);
    withPolicy.addResource(System.getProperty("hadoop.policy.file", "hadoop-policy.xml"));
    if (withPolicy.get(aclKey) == null) {
      conf.set(aclKey, acl);
    }
  }

  /** The body of one RPC call. */
  public interface Call<T> {
    T run() throws IOException;
  }

  /**
   * Serves one RPC call for superusers only: checks the caller, runs {@code call}, and hands any
   * IOException back to the RPC layer (which sends it to the client as thrown).
   */
  public <T> T serve(String what, Call<T> call) throws ServiceException {
    try {
      checkCaller(what);
      return call.run();
    } catch (IOException e) {
      throw new ServiceException(e);
    }
  }

  /**
   * Checks the caller of the RPC being served by this thread.
   *
   * <p>A caller who authenticated with a token is refused, whoever the token names, even the
   * superuser: the coordinator's and the agents' protocols take Kerberos (or, without security,
   * simple) authentication only. HDFS would let a superuser's delegation token call ClientProtocol's
   * superuser operations, but delegation tokens exist to be handed to jobs, and a block token, which
   * the agents' server checks for users' reads, is given to every reader of a block and sent to
   * DataNodes; neither may start, repair or steer work that runs as the HDFS superuser, nor
   * register an agent's address (HDFS too refuses tokens where credentials are at stake:
   * getDelegationToken, the DataNode's getBlockLocalPathInfo). Users' degraded reads, which a
   * delegation token may ask for as HDFS reads, are the client protocol's and are not checked here.
   *
   * @param what the operation, for the error message
   * @throws AccessControlException if the caller is not a superuser or authenticated by a token
   */
  public void checkCaller(String what) throws AccessControlException {
    UserGroupInformation caller = Server.getRemoteUser();
    if (caller == null) {
      return; // an in-process call, not an RPC
    }
    if (authenticatedByToken(caller)) {
      throw new AccessControlException("Access denied for user " + caller.getShortUserName()
          + ": " + what + " takes Kerberos credentials, not a delegation or block token");
    }
    if (caller.getShortUserName().equals(daemonUser)
        || Arrays.asList(caller.getGroupNames()).contains(superGroup)) {
      return;
    }
    throw new AccessControlException("Access denied for user " + caller.getShortUserName()
        + ": " + what + " needs the HDFS superuser (" + daemonUser + " or group " + superGroup
        + ")");
  }

  /** Whether {@code caller} (or, for a proxy user, the real user) authenticated with a token. */
  static boolean authenticatedByToken(UserGroupInformation caller) {
    UserGroupInformation authenticated = caller.getRealUser() != null ? caller.getRealUser()
        : caller;
    return authenticated.getAuthenticationMethod() == AuthenticationMethod.TOKEN;
  }
}
