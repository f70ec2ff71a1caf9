package org.bart.protocol;

import org.apache.hadoop.ipc.ProtocolInfo;
import org.bart.protocol.proto.AgentProtos.AgentService;

/** Hadoop RPC binding of the agent protocol (served by every DataNode's BART plugin). */
@ProtocolInfo(protocolName = "org.bart.protocol.AgentProtocol", protocolVersion = 1)
public interface AgentProtocolPB extends AgentService.BlockingInterface {
}
