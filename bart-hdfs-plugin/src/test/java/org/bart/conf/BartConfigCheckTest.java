package org.bart.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Every bad dfs.bart.* value stops its plugin with the key, the value and the rule named. */
class BartConfigCheckTest {

  @Test
  void theDefaultsPass() {
    Configuration conf = new Configuration(false);
    BartConfigCheck.nameNode(conf);
    BartConfigCheck.dataNode(conf);
    assertEquals(BartConfigKeys.CLIENT_DEGRADED_READAHEAD_BYTES_DEFAULT,
        BartConfigCheck.clientReadahead(conf));
  }

  @Test
  void everyBadAgentValueIsNamedAtOnce() {
    Configuration conf = new Configuration(false);
    conf.set(BartConfigKeys.AGENT_COMPUTE_THREADS, "0");
    conf.set(BartConfigKeys.AGENT_BANDWIDTH_PER_SEC, "-5");
    conf.set(BartConfigKeys.AGENT_CHUNK_BYTES, "ten");
    conf.set(BartConfigKeys.AGENT_ADDRESS, "host:port");
    String m = assertThrows(IllegalArgumentException.class,
        () -> BartConfigCheck.dataNode(conf)).getMessage();
    assertTrue(m.startsWith("BART agent refuses to start"), m);
    assertTrue(m.contains("dfs.bart.agent.compute.threads = 0: must be at least 1"), m);
    assertTrue(m.contains("dfs.bart.agent.bandwidth.per.sec = -5: must be at least 0"), m);
    assertTrue(m.contains("dfs.bart.agent.chunk.bytes = 'ten': not a size in bytes"), m);
    assertTrue(m.contains("dfs.bart.agent.address = 'host:port': not host:port"), m);
  }

  @Test
  void badCoordinatorValuesAreNamed() {
    Configuration conf = new Configuration(false);
    conf.set(BartConfigKeys.COORDINATOR_THREADS, "0");
    conf.set(BartConfigKeys.REPAIR_INTERVAL, "-1s");
    conf.set(BartConfigKeys.NAMENODE_HANDLER_COUNT, "many");
    conf.set(BartConfigKeys.TRANSITION_BATCH_GROUPS, "0");
    conf.set(BartConfigKeys.AGENT_OP_TIMEOUT, "0s");
    conf.set(BartConfigKeys.AGENT_OP_RETRIES, "-1");
    conf.set(BartConfigKeys.REPAIR_REBUILDS_PER_AGENT, "0");
    String m = assertThrows(IllegalArgumentException.class,
        () -> BartConfigCheck.nameNode(conf)).getMessage();
    assertTrue(m.contains("dfs.bart.repair.rebuilds-per-agent = 0: must be at least 1"), m);
    assertTrue(m.contains("dfs.bart.coordinator.threads = 0: must be at least 1"), m);
    assertTrue(m.contains("dfs.bart.repair.interval = -1s: must not be negative"), m);
    assertTrue(m.contains("dfs.bart.namenode.handler.count = 'many': not a whole number"), m);
    assertTrue(m.contains("dfs.bart.transition.batch.groups = 0: must be at least 1"), m);
    assertTrue(m.contains("dfs.bart.agent.op.timeout = 0s: must be a duration from 1ms"), m);
    assertTrue(m.contains("dfs.bart.agent.op.retries = -1: must be at least 0"), m);
  }

  @Test
  void aStragglerTimeoutMustBeAPositiveDuration() {
    Configuration conf = new Configuration(false);
    conf.set(BartConfigKeys.AGENT_READ_STRAGGLER_TIMEOUT, "0s");
    String m = assertThrows(IllegalArgumentException.class,
        () -> BartConfigCheck.dataNode(conf)).getMessage();
    assertTrue(m.contains("dfs.bart.agent.read.straggler.timeout = 0s: must be positive"), m);
    conf.set(BartConfigKeys.AGENT_READ_STRAGGLER_TIMEOUT, "soon");
    m = assertThrows(IllegalArgumentException.class,
        () -> BartConfigCheck.dataNode(conf)).getMessage();
    assertTrue(m.contains("dfs.bart.agent.read.straggler.timeout = 'soon': not a duration"), m);
    conf.set(BartConfigKeys.AGENT_READ_STRAGGLER_TIMEOUT, "250ms");
    BartConfigCheck.dataNode(conf);
  }

  @Test
  void aChunkLargerThan256MiBIsRefused() {
    Configuration conf = new Configuration(false);
    conf.set(BartConfigKeys.AGENT_CHUNK_BYTES, "1g");
    String m = assertThrows(IllegalArgumentException.class,
        () -> BartConfigCheck.dataNode(conf)).getMessage();
    assertTrue(m.contains("dfs.bart.agent.chunk.bytes = 1073741824: must be at most"), m);
  }

  @Test
  void aClientReadaheadOfZeroIsRefused() {
    Configuration conf = new Configuration(false);
    conf.set(BartConfigKeys.CLIENT_DEGRADED_READAHEAD_BYTES, "0");
    String m = assertThrows(IllegalArgumentException.class,
        () -> BartConfigCheck.clientReadahead(conf)).getMessage();
    assertTrue(m.contains("dfs.bart.client.degraded.readahead.bytes = 0: must be at least 1"), m);
  }
}
