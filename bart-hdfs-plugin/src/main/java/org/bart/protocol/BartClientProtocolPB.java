package org.bart.protocol;

import org.apache.hadoop.ipc.ProtocolInfo;
import org.bart.protocol.proto.ClientProtos.BartClientService;

/** Hadoop RPC binding of the client protocol (degraded reads), served by the NameNode plugin. */
@ProtocolInfo(protocolName = "org.bart.protocol.BartClientProtocol", protocolVersion = 1)
public interface BartClientProtocolPB extends BartClientService.BlockingInterface {
}
