package org.bart.conf;

/**
 * Every {@code dfs.bart.*} configuration key, with its default. The keys are read from
 * {@code hdfs-site.xml} by the NameNode plugin, the DataNode plugin (agent) and the CLI; see
 * {@code etc/hadoop/bart-site.xml.example} for an annotated sample.
 */
public final class BartConfigKeys {

  private BartConfigKeys() {
  }

  /** Where the NameNode plugin serves the coordinator protocol (agents and the CLI connect here). */
  public static final String NAMENODE_RPC_ADDRESS = "dfs.bart.namenode.rpc-address";
  /** Port used when {@link #NAMENODE_RPC_ADDRESS} is unset (host: the NameNode's). */
  public static final int NAMENODE_RPC_PORT_DEFAULT = 9879;
  /** Address the coordinator server binds to; defaults to the host part of the rpc-address. */
  public static final String NAMENODE_RPC_BIND_HOST = "dfs.bart.namenode.rpc-bind-host";
  public static final String NAMENODE_HANDLER_COUNT = "dfs.bart.namenode.handler.count";
  public static final int NAMENODE_HANDLER_COUNT_DEFAULT = 8;

  /**
   * Read plans (degraded reads' first step) the coordinator makes at once, in all; more are
   * refused at once ("busy, retry"). Each holds one RPC handler while it is planned; must be less
   * than {@link #NAMENODE_HANDLER_COUNT} so that agents' heartbeats always find a handler.
   */
  public static final String DEGRADED_READS_MAX = "dfs.bart.namenode.degraded-reads.max";
  public static final int DEGRADED_READS_MAX_DEFAULT = 4;
  /** Read plans the coordinator makes at once for any one user (at most the total). */
  public static final String DEGRADED_READS_MAX_PER_USER =
      "dfs.bart.namenode.degraded-reads.max-per-user";
  public static final int DEGRADED_READS_MAX_PER_USER_DEFAULT = 2;

  /** Files and wide groups the coordinator stages in parallel (it runs 4x as many block ops). */
  public static final String COORDINATOR_THREADS = "dfs.bart.coordinator.threads";
  public static final int COORDINATOR_THREADS_DEFAULT = 32;
  /**
   * Blocks one DataNode link (each direction its own) carries at once during a transition's stage:
   * an operation starts only when every link it uses has room, the busiest links first, so that
   * no link is oversubscribed and the stage takes about the plan's max_load block times. 0 starts
   * every operation at once (the agents' bandwidth limit alone then shares the links).
   */
  public static final String STAGE_TRANSFERS_PER_LINK = "dfs.bart.stage.transfers.per.link";
  public static final int STAGE_TRANSFERS_PER_LINK_DEFAULT = 1;

  /**
   * Most wide groups one transition batch plans, stages, verifies and commits before the next
   * starts: what a failure costs at most, what the coordinator holds in memory at once (about
   * 14 KiB per narrow stripe of RS(6,3)), and how much old parity waits to be freed. A file is never split, so a
   * batch of one large file may hold more.
   */
  public static final String TRANSITION_BATCH_GROUPS = "dfs.bart.transition.batch.groups";
  public static final int TRANSITION_BATCH_GROUPS_DEFAULT = 1000;

  /**
   * Longest an agent RPC may stay unanswered (a duration such as 10m or 30s) before the caller
   * gives up on it; the coordinator then asks again (block operations are idempotent) up to
   * {@link #AGENT_OP_RETRIES} times. Covers the longest block operation: a send or merge of one
   * block under the bandwidth limit.
   */
  public static final String AGENT_OP_TIMEOUT = "dfs.bart.agent.op.timeout";
  public static final long AGENT_OP_TIMEOUT_SECONDS_DEFAULT = 600;
  /**
   * How many times the coordinator asks again after a block operation timed out or lost its
   * connection (a refusal as busy is retried with back-off until the timeout instead).
   */
  public static final String AGENT_OP_RETRIES = "dfs.bart.agent.op.retries";
  public static final int AGENT_OP_RETRIES_DEFAULT = 2;

  /** host:port the DataNode agent's RPC server binds to; port 0 picks a free port. */
  public static final String AGENT_ADDRESS = "dfs.bart.agent.address";
  public static final String AGENT_ADDRESS_DEFAULT = "0.0.0.0:9878";
  /**
   * RPC handler threads of the agent. It accepts this many less 4 block operations at once
   * (running, queued or joined; at least 1) and refuses more as busy, so that 4 handlers stay free
   * for the short calls of other agents (throttle, getReplica, reportReplica).
   */
  public static final String AGENT_HANDLER_COUNT = "dfs.bart.agent.handler.count";
  public static final int AGENT_HANDLER_COUNT_DEFAULT = 16;
  /** Parallel merge (compute) operations per agent: BART's num_compute_workers. */
  public static final String AGENT_COMPUTE_THREADS = "dfs.bart.agent.compute.threads";
  public static final int AGENT_COMPUTE_THREADS_DEFAULT = 2;
  /** Parallel relabel/send (relocation) operations per agent: BART's num_reloc_workers. */
  public static final String AGENT_TRANSFER_THREADS = "dfs.bart.agent.transfer.threads";
  public static final int AGENT_TRANSFER_THREADS_DEFAULT = 4;
  /**
   * Bytes per second this agent may send, and separately receive, over the network; 0 means
   * unlimited. Paces transitions against production traffic (and emulates slow links in tests).
   */
  public static final String AGENT_BANDWIDTH_PER_SEC = "dfs.bart.agent.bandwidth.per.sec";
  public static final long AGENT_BANDWIDTH_PER_SEC_DEFAULT = 0;
  /** How often an agent re-registers with the coordinator (its heartbeat). */
  public static final String AGENT_HEARTBEAT_INTERVAL_MS = "dfs.bart.agent.heartbeat.interval.ms";
  public static final long AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT = 3000;
  /** Bytes per read/merge/write step of the streaming operations (memory per operation). */
  public static final String AGENT_CHUNK_BYTES = "dfs.bart.agent.chunk.bytes";
  public static final int AGENT_CHUNK_BYTES_DEFAULT = 1024 * 1024;
  /**
   * Where an agent keeps the narrow parities it fetched ahead of their merge (a subdirectory per
   * DataNode, emptied when its agent starts): at most the blocks the DataNode receives in one
   * transition batch, usually far fewer.
   */
  public static final String AGENT_SCRATCH_DIR = "dfs.bart.agent.scratch.dir";
  public static final String AGENT_SCRATCH_DIR_DEFAULT = "${hadoop.tmp.dir}/bart-scratch";

  /**
   * How long one unit read of a wide read (degraded read, repair, verify) may take before the
   * agent reads another unit in its place and decodes around the slow one, as HDFS's
   * {@code dfs.datanode.ec.reconstruction.stripedread.timeout.millis} (a duration: 5s, 500ms).
   */
  public static final String AGENT_READ_STRAGGLER_TIMEOUT = "dfs.bart.agent.read.straggler.timeout";
  public static final long AGENT_READ_STRAGGLER_TIMEOUT_MS_DEFAULT = 5000;

  /** Most bytes one degraded read may return through an agent (the client asks in pieces). */
  public static final String AGENT_READ_MAX_BYTES = "dfs.bart.agent.read.max.bytes";
  public static final long AGENT_READ_MAX_BYTES_DEFAULT = 8L * 1024 * 1024;

  /**
   * Bytes a client decodes per window on a block group it reads through BART, rounded up to whole
   * rows (k cells), so that small reads (4 KiB buffers) cost one decode per window, not one per
   * read; a sequential reader has the next window decoded while it consumes one.
   */
  public static final String CLIENT_DEGRADED_READAHEAD_BYTES =
      "dfs.bart.client.degraded.readahead.bytes";
  public static final int CLIENT_DEGRADED_READAHEAD_BYTES_DEFAULT = 4 * 1024 * 1024;

  /** Service-level authorization key of the agent protocol (hadoop-policy.xml). */
  public static final String AGENT_PROTOCOL_ACL = "security.bart.agent.protocol.acl";
  /** Service-level authorization key of the coordinator protocol (hadoop-policy.xml). */
  public static final String COORDINATOR_PROTOCOL_ACL = "security.bart.coordinator.protocol.acl";
  /**
   * Service-level authorization key of the client protocol (degraded reads). Default: everyone;
   * each read is checked against the file's permissions as the calling user.
   */
  public static final String CLIENT_PROTOCOL_ACL = "security.bart.client.protocol.acl";
  /**
   * Service-level authorization key of the read protocol (agents reading for users with a plan
   * the NameNode made for them). Default: everyone; each read needs a plan for the caller, signed
   * with a block token when the cluster has block tokens.
   */
  public static final String READ_PROTOCOL_ACL = "security.bart.read.protocol.acl";

  /**
   * How often the NameNode plugin repairs and re-places wide groups (a time duration such as
   * 60s or 500ms; 0 disables the loop, leaving {@code -repair} on demand).
   */
  public static final String REPAIR_INTERVAL = "dfs.bart.repair.interval";
  public static final long REPAIR_INTERVAL_SECONDS_DEFAULT = 60;
  /**
   * Lost units one agent rebuilds at once during a repair (its throttle, as HDFS's
   * {@code dfs.namenode.replication.max-streams} is for stock reconstruction); a pass runs the
   * rebuilds of all groups in parallel across agents within this bound.
   */
  public static final String REPAIR_REBUILDS_PER_AGENT = "dfs.bart.repair.rebuilds-per-agent";
  public static final int REPAIR_REBUILDS_PER_AGENT_DEFAULT = 2;
}
