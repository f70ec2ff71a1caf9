package org.bart.protocol;

import org.apache.hadoop.ipc.ProtocolInfo;
import org.bart.protocol.proto.CoordinatorProtos.CoordinatorService;

/** Hadoop RPC binding of the coordinator protocol (served by the NameNode's BART plugin). */
@ProtocolInfo(protocolName = "org.bart.protocol.CoordinatorProtocol", protocolVersion = 1)
public interface CoordinatorProtocolPB extends CoordinatorService.BlockingInterface {
}
