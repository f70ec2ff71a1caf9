package org.bart.protocol;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeys;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.security.token.SecretManager;
import org.apache.hadoop.security.token.TokenIdentifier;
import org.apache.hadoop.thirdparty.protobuf.BlockingService;

/** Builds and connects BART's Hadoop RPC (protobuf) servers and proxies. */
public final class RpcServers {

  private RpcServers() {
  }

  /**
   * Creates (not starts) a server for one protocol, with service-level authorization applied when
   * {@code hadoop.security.authorization} is on. With Kerberos on, the server authenticates as this
   * process's login user (the daemon's principal and keytab), whoever the calling thread runs as:
   * its connection readers, which answer the SASL handshake, are started here as that user. It
   * takes no tokens (no SecretManager): callers need Kerberos credentials.
   */
  public static RPC.Server build(Configuration conf, Class<?> protocol, BlockingService service,
      InetSocketAddress bind, int handlers) throws IOException {
    return build(conf, protocol, service, bind, handlers, null);
  }

  /**
   * As {@link #build(Configuration, Class, BlockingService, InetSocketAddress, int)}, and the
   * server also accepts the tokens {@code tokens} checks as authentication (SASL DIGEST-MD5, as
   * Hadoop's own servers do with theirs), for every protocol it serves: a protocol that must not
   * be called with a token refuses token-authenticated callers itself ({@link Superusers}).
   */
  public static RPC.Server build(Configuration conf, Class<?> protocol, BlockingService service,
      InetSocketAddress bind, int handlers, SecretManager<? extends TokenIdentifier> tokens)
      throws IOException {
    RPC.setProtocolEngine(conf, protocol, ProtobufRpcEngine2.class);
    RPC.Server server = LoginUser.call(() -> new RPC.Builder(conf)
        .setProtocol(protocol)
        .setInstance(service)
        .setBindAddress(bind.getHostString())
        .setPort(bind.getPort())
        .setNumHandlers(handlers)
        .setVerbose(false)
        .setSecretManager(tokens)
        .build());
    if (conf.getBoolean(CommonConfigurationKeys.HADOOP_SECURITY_AUTHORIZATION, false)) {
      server.refreshServiceAcl(conf, new BartPolicyProvider());
    }
    return server;
  }

  /** A proxy for {@code protocol} at {@code address}, as the current user. */
  public static <T> T proxy(Class<T> protocol, InetSocketAddress address, Configuration conf)
      throws IOException {
    RPC.setProtocolEngine(conf, protocol, ProtobufRpcEngine2.class);
    return RPC.getProxy(protocol, RPC.getProtocolVersion(protocol), address, conf);
  }
}
