package org.bart.testing;

import java.io.Closeable;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.http.HttpConfig;
import org.apache.hadoop.minikdc.MiniKdc;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.ssl.KeyStoreTestUtil;
import org.bart.demo.FixedPorts;

/**
 * A KDC (MiniKdc) for a kerberized test cluster: one service principal {@code hdfs/localhost} for
 * the NameNode and the DataNodes (all in this JVM, which has one login user), {@code HTTP/localhost}
 * for their web servers, and user principals; and the settings that switch on HDFS's security:
 * Kerberos, block access tokens, SASL on DataTransferProtocol, HTTPS only. Closing it stops the
 * KDC and puts this JVM back to simple authentication for the tests that run after.
 */
public final class Kerberos implements Closeable {

  /** The NameNode's and DataNodes' principal; its short name "hdfs" is the HDFS superuser. */
  public static final String DAEMON = "hdfs/localhost";

  private final MiniKdc kdc;
  private final File dir;
  private final File daemonKeytab;
  private final File userKeytab;
  private final String sslConfDir;

  private Kerberos(MiniKdc kdc, File dir, File daemonKeytab, File userKeytab, String sslConfDir) {
    this.kdc = kdc;
    this.dir = dir;
    this.daemonKeytab = daemonKeytab;
    this.userKeytab = userKeytab;
    this.sslConfDir = sslConfDir;
  }

  /** Starts a KDC in {@code dir} with the daemons' principals and one per user name. */
  public static Kerberos start(File dir, String... users) throws Exception {
    Properties conf = MiniKdc.createConf();
    // MiniKdc's own choice (port 0) probes a free ephemeral port that another JVM can take first.
    conf.setProperty(MiniKdc.KDC_PORT, Integer.toString(FixedPorts.free("the test KDC")));
    MiniKdc kdc = new MiniKdc(conf, dir);
    kdc.start();
    File daemonKeytab = new File(dir, "hdfs.keytab");
    kdc.createPrincipal(daemonKeytab, DAEMON, "HTTP/localhost");
    File userKeytab = new File(dir, "users.keytab");
    kdc.createPrincipal(userKeytab, users);
    // Hadoop's HTTP servers read their SSL settings from the class path.
    return new Kerberos(kdc, dir, daemonKeytab, userKeytab,
        KeyStoreTestUtil.getClasspathDir(Kerberos.class));
  }

  /** {@code name@REALM}. */
  public String principal(String name) {
    return name + "@" + kdc.getRealm();
  }

  /**
   * The settings of a secure cluster, on top of which a test adds its own:
   * {@code dataTransferProtection} is {@code dfs.data.transfer.protection}.
   */
  public Map<String, String> clusterSettings(String dataTransferProtection) throws Exception {
    Configuration c = new Configuration(false);
    c.set(CommonConfigurationKeysPublic.HADOOP_SECURITY_AUTHENTICATION, "kerberos");
    c.set(DFSConfigKeys.DFS_NAMENODE_KERBEROS_PRINCIPAL_KEY, principal(DAEMON));
    c.set(DFSConfigKeys.DFS_NAMENODE_KEYTAB_FILE_KEY, daemonKeytab.getAbsolutePath());
    c.set(DFSConfigKeys.DFS_DATANODE_KERBEROS_PRINCIPAL_KEY, principal(DAEMON));
    c.set(DFSConfigKeys.DFS_DATANODE_KEYTAB_FILE_KEY, daemonKeytab.getAbsolutePath());
    c.set(DFSConfigKeys.DFS_WEB_AUTHENTICATION_KERBEROS_PRINCIPAL_KEY,
        principal("HTTP/localhost"));
    c.setBoolean(DFSConfigKeys.DFS_BLOCK_ACCESS_TOKEN_ENABLE_KEY, true);
    c.set(DFSConfigKeys.DFS_DATA_TRANSFER_PROTECTION_KEY, dataTransferProtection);
    // A DataNode on unprivileged ports is secure only with SASL data transfer and HTTPS.
    c.set(DFSConfigKeys.DFS_HTTP_POLICY_KEY, HttpConfig.Policy.HTTPS_ONLY.name());
    c.set(DFSConfigKeys.DFS_NAMENODE_HTTPS_ADDRESS_KEY, "localhost:0");
    c.set(DFSConfigKeys.DFS_DATANODE_HTTPS_ADDRESS_KEY, "localhost:0");
    KeyStoreTestUtil.setupSSLConfig(dir.getAbsolutePath(), sslConfDir, c, false);
    c.set(DFSConfigKeys.DFS_CLIENT_HTTPS_KEYSTORE_RESOURCE_KEY,
        KeyStoreTestUtil.getClientSSLConfigFileName());
    c.set(DFSConfigKeys.DFS_SERVER_HTTPS_KEYSTORE_RESOURCE_KEY,
        KeyStoreTestUtil.getServerSSLConfigFileName());
    Map<String, String> settings = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : c) {
      settings.put(e.getKey(), e.getValue());
    }
    return settings;
  }

  /** Makes {@link #DAEMON} this JVM's login user (the tests' HDFS superuser). */
  public void loginAsDaemon(Map<String, String> settings) throws Exception {
    Configuration c = new Configuration();
    settings.forEach(c::set);
    UserGroupInformation.setConfiguration(c);
    UserGroupInformation.loginUserFromKeytab(principal(DAEMON), daemonKeytab.getAbsolutePath());
  }

  /** A user logged in from the users' keytab, with Kerberos credentials. */
  public UserGroupInformation login(String user) throws Exception {
    return UserGroupInformation.loginUserFromKeytabAndReturnUGI(principal(user),
        userKeytab.getAbsolutePath());
  }

  @Override
  public void close() {
    try {
      KeyStoreTestUtil.cleanupSSLConfig(dir.getAbsolutePath(), sslConfDir);
    } catch (Exception e) {
      throw new IllegalStateException("cannot remove the SSL settings from " + sslConfDir, e);
    } finally {
      kdc.stop();
      UserGroupInformation.reset();
      UserGroupInformation.setConfiguration(new Configuration());
    }
  }
}
