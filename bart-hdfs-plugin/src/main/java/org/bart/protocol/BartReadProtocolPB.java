package org.bart.protocol;

import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.ipc.ProtocolInfo;
import org.apache.hadoop.security.KerberosInfo;
import org.bart.protocol.proto.ClientProtos.BartReadService;

/**
 * Hadoop RPC binding of the read protocol (reads with a plan the NameNode signed), served by
 * every DataNode's BART plugin under the DataNode's own Kerberos identity
 * ({@code dfs.datanode.kerberos.principal}); callers are users' {@code BartFileSystem}s. The
 * protocol name is this interface's class name, which is how Hadoop's service-level
 * authorization finds its ACL ({@link BartPolicyProvider}).
 */
@KerberosInfo(serverPrincipal = DFSConfigKeys.DFS_DATANODE_KERBEROS_PRINCIPAL_KEY)
@ProtocolInfo(protocolName = "org.bart.protocol.BartReadProtocolPB", protocolVersion = 1)
public interface BartReadProtocolPB extends BartReadService.BlockingInterface {
}
