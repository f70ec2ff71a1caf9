package org.bart.datanode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeys;
import org.bart.conf.BartConfigKeys;
import org.junit.jupiter.api.Test;

class AgentServerConfTest {

  private static final String WARN = CommonConfigurationKeys.IPC_SERVER_RPC_MAX_RESPONSE_SIZE_KEY;

  @Test
  void theLargeResponseWarningStartsAboveTheReadLimit() {
    Configuration dn = new Configuration(false);
    assertEquals(8 * 1024 * 1024 + AgentServerConf.RESPONSE_OVERHEAD,
        AgentServerConf.of(dn).getInt(WARN, -1));
    dn.setLong(BartConfigKeys.AGENT_READ_MAX_BYTES, 32L << 20);
    assertEquals((32 << 20) + AgentServerConf.RESPONSE_OVERHEAD,
        AgentServerConf.of(dn).getInt(WARN, -1));
    assertNull(dn.get(WARN), "the DataNode's own settings are left as they are");
  }

  @Test
  void aHigherThresholdOfTheOperatorsIsKept() {
    Configuration dn = new Configuration(false);
    dn.setInt(WARN, 64 << 20);
    assertEquals(64 << 20, AgentServerConf.of(dn).getInt(WARN, -1));
  }
}
