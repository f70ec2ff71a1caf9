package org.bart.protocol;

import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.ipc.ProtocolInfo;
import org.apache.hadoop.security.KerberosInfo;
import org.apache.hadoop.security.token.TokenInfo;
import org.bart.protocol.proto.ClientProtos.BartReadService;

/**
 * Hadoop RPC binding of the read protocol (reads with a plan the NameNode signed), served by
 * every DataNode's BART plugin under the DataNode's own Kerberos identity
 * ({@code dfs.datanode.kerberos.principal}); callers are users' {@code BartFileSystem}s, which
 * authenticate with the block token of a read plan the NameNode made for them ({@link
 * AgentTokenSelector}; checked with the DataNode's block keys, as HDFS's ClientDatanodeProtocol
 * is) or with Kerberos. The protocol name is this interface's class name, which is how Hadoop's
 * service-level authorization finds its ACL ({@link BartPolicyProvider}).
 */
@TokenInfo(AgentTokenSelector.class)
@KerberosInfo(serverPrincipal = DFSConfigKeys.DFS_DATANODE_KERBEROS_PRINCIPAL_KEY)
@ProtocolInfo(protocolName = "org.bart.protocol.BartReadProtocolPB", protocolVersion = 1)
public interface BartReadProtocolPB extends BartReadService.BlockingInterface {
}
