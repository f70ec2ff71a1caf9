package org.bart.protocol;

import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.ipc.ProtocolInfo;
import org.apache.hadoop.security.KerberosInfo;
import org.apache.hadoop.security.token.TokenInfo;
import org.bart.protocol.proto.ClientProtos.BartClientService;

/**
 * Hadoop RPC binding of the client protocol (read plans of degraded reads), served by the
 * NameNode's BART plugin under the NameNode's own Kerberos identity
 * ({@code dfs.namenode.kerberos.principal}); callers are users' {@code BartFileSystem}s, with
 * Kerberos credentials or, like a YARN task, only an HDFS delegation token of that NameNode
 * ({@link NameNodeTokenSelector}), which the plugin checks with the NameNode's own secret manager.
 * The protocol name is this interface's class name, which is how Hadoop's service-level
 * authorization finds its ACL ({@link BartPolicyProvider}).
 */
@TokenInfo(NameNodeTokenSelector.class)
@KerberosInfo(serverPrincipal = DFSConfigKeys.DFS_NAMENODE_KERBEROS_PRINCIPAL_KEY)
@ProtocolInfo(protocolName = "org.bart.protocol.BartClientProtocolPB", protocolVersion = 1)
public interface BartClientProtocolPB extends BartClientService.BlockingInterface {
}
