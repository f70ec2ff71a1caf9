package org.bart.datanode;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeys;
import org.bart.conf.BartConfigKeys;

/**
 * The settings of an agent's RPC server: the DataNode's, with Hadoop's "Large response size"
 * threshold ({@code ipc.server.max.response.size}, 1 MiB by default) raised to what a read may
 * answer by design ({@code dfs.bart.agent.read.max.bytes}, plus room for the message around it).
 * Below it, the DataNode's log got a warning for every degraded window it served; above it, a
 * response is still one to warn of.
 */
final class AgentServerConf {

  /** Room for the protobuf message and RPC header around a read's bytes. */
  static final int RESPONSE_OVERHEAD = 64 * 1024;

  private AgentServerConf() {
  }

  static Configuration of(Configuration dataNode) {
    Configuration c = new Configuration(dataNode);
    long reads = dataNode.getLong(BartConfigKeys.AGENT_READ_MAX_BYTES,
        BartConfigKeys.AGENT_READ_MAX_BYTES_DEFAULT) + RESPONSE_OVERHEAD;
    int warnAbove = dataNode.getInt(CommonConfigurationKeys.IPC_SERVER_RPC_MAX_RESPONSE_SIZE_KEY,
        CommonConfigurationKeys.IPC_SERVER_RPC_MAX_RESPONSE_SIZE_DEFAULT);
    if (warnAbove < reads) {
      c.setInt(CommonConfigurationKeys.IPC_SERVER_RPC_MAX_RESPONSE_SIZE_KEY,
          (int) Math.min(Integer.MAX_VALUE, reads));
    }
    return c;
  }
}
