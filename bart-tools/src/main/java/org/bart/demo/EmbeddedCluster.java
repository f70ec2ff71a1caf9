package org.bart.demo;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.client.HdfsClientConfigKeys;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.apache.hadoop.hdfs.server.datanode.fsdataset.impl.ReplicaCachingGetSpaceUsed;
import org.apache.hadoop.io.erasurecode.ECSchema;
import org.bart.conf.BartConfigKeys;
import org.bart.datanode.BartDataNodePlugin;
import org.bart.namenode.BartNameNodePlugin;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.AgentEntryProto;

/**
 * An in-process HDFS (MiniDFSCluster) with BART's NameNode and DataNode plugins installed: the
 * embedded default of {@code bin/bart demo} and of the integration tests. Heartbeats and
 * redundancy checks run every second so that what a real cluster does in minutes happens in
 * seconds, clients closing a file ask again sooner, and the DataNodes fork no process to read
 * their volumes' permissions and usage; nothing else differs from a stock HDFS 3.3.4.
 */
public final class EmbeddedCluster implements Closeable {


  private final MiniDFSCluster cluster;
  private final Configuration conf;

  private EmbeddedCluster(MiniDFSCluster cluster, Configuration conf) {
    this.cluster = cluster;
    this.conf = conf;
  }

  /** Options of an embedded cluster. */
  public static final class Builder {
    private int dataNodes = 10;
    private String[] racks;
    private long blockSize = 1024 * 1024;
    private File baseDir;
    private boolean format = true;
    private final Map<String, String> extra = new HashMap<>();

    public Builder dataNodes(int n) {
      this.dataNodes = n;
      return this;
    }

    /** One rack name per DataNode (null: a single rack). */
    public Builder racks(String[] r) {
      this.racks = r;
      return this;
    }

    public Builder blockSize(long bytes) {
      this.blockSize = bytes;
      return this;
    }

    public Builder baseDir(File dir) {
      this.baseDir = dir;
      return this;
    }

    /**
     * Whether to format the storage (default); false starts on the NameNode and DataNode
     * directories an earlier cluster left in {@link #baseDir} (see {@link #stopKeepingStorage}).
     */
    public Builder format(boolean f) {
      this.format = f;
      return this;
    }

    public Builder set(String key, String value) {
      extra.put(key, value);
      return this;
    }

    /** Starts the cluster and waits until every DataNode's agent is registered and ready. */
    public EmbeddedCluster start() throws IOException, TimeoutException, InterruptedException {
      Configuration conf = new HdfsConfiguration();
      conf.setLong(DFSConfigKeys.DFS_BLOCK_SIZE_KEY, blockSize);
      conf.setLong(DFSConfigKeys.DFS_NAMENODE_MIN_BLOCK_SIZE_KEY, 0);
      conf.setInt(DFSConfigKeys.DFS_HEARTBEAT_INTERVAL_KEY, 1);
      conf.setInt(DFSConfigKeys.DFS_NAMENODE_REDUNDANCY_INTERVAL_SECONDS_KEY, 1);
      conf.setInt(DFSConfigKeys.DFS_BLOCKREPORT_INTERVAL_MSEC_KEY, 60 * 60 * 1000);
      conf.setLong(DFSConfigKeys.DFS_BLOCKREPORT_INCREMENTAL_INTERVAL_MSEC_KEY, 0);
      conf.setBoolean(DFSConfigKeys.DFS_NAMENODE_XATTRS_ENABLED_KEY, true);
      // No du refresh during a run: used-space accounting must be right by itself.
      conf.setLong(CommonConfigurationKeysPublic.FS_DU_INTERVAL_KEY, 24L * 3600 * 1000);
      // Nothing forked per volume at start: used space from the replica map, not du; local
      // permissions through Java, not chmod and ls.
      conf.set(CommonConfigurationKeysPublic.FS_GETSPACEUSED_CLASSNAME,
          ReplicaCachingGetSpaceUsed.class.getName());
      conf.setClass("fs.file.impl", ForklessLocalFileSystem.class, FileSystem.class);
      // A client closing a file asks again after 50 ms, not 400, while the DataNodes' reports of
      // its last blocks are on their way (doubling, 8 times: up to 12.8 s in all, as before).
      conf.setInt(HdfsClientConfigKeys.BlockWrite.LOCATEFOLLOWINGBLOCK_INITIAL_DELAY_MS_KEY, 50);
      conf.setInt(HdfsClientConfigKeys.BlockWrite.LOCATEFOLLOWINGBLOCK_RETRIES_KEY, 8);
      conf.set(DFSConfigKeys.DFS_NAMENODE_PLUGINS_KEY, BartNameNodePlugin.class.getName());
      conf.set(DFSConfigKeys.DFS_DATANODE_PLUGINS_KEY, BartDataNodePlugin.class.getName());
      conf.set(BartConfigKeys.NAMENODE_RPC_ADDRESS, "127.0.0.1:" + FixedPorts.free("the BART coordinator"));
      conf.set(BartConfigKeys.AGENT_ADDRESS, "127.0.0.1:0");
      conf.setLong(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS, 300);
      // A stopped DataNode is declared dead after about 11 s instead of 10.5 minutes.
      conf.setInt(DFSConfigKeys.DFS_NAMENODE_HEARTBEAT_RECHECK_INTERVAL_KEY, 500);
      // Repairs run when asked (-repair); a test or the demo may turn the loop on.
      conf.set(BartConfigKeys.REPAIR_INTERVAL, "0");
      for (Map.Entry<String, String> e : extra.entrySet()) {
        conf.set(e.getKey(), e.getValue());
      }
      MiniDFSCluster.Builder b = new MiniDFSCluster.Builder(conf).numDataNodes(dataNodes)
          .format(format);
      if (racks != null) {
        b.racks(racks);
      }
      if (baseDir != null) {
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.getAbsolutePath());
      }
      MiniDFSCluster cluster = b.build();
      EmbeddedCluster ec = new EmbeddedCluster(cluster, conf);
      try {
        cluster.waitActive();
        ec.dfs().enableErasureCodingPolicy(
            SystemErasureCodingPolicies.getByID(SystemErasureCodingPolicies.RS_6_3_LEGACY_POLICY_ID)
                .getName());
        ec.waitAgentsReady(dataNodes, 60_000);
      } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
        ec.close();
        throw e;
      }
      return ec;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public MiniDFSCluster mini() {
    return cluster;
  }

  /** The cluster's configuration (what a client of it should use). */
  public Configuration conf() {
    return conf;
  }

  public DistributedFileSystem dfs() throws IOException {
    return cluster.getFileSystem();
  }

  /** Polls the coordinator until {@code count} agents of running DataNodes are ready now. */
  public void waitAgentsReady(int count, long timeoutMs)
      throws IOException, TimeoutException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    try (CoordinatorClient c = CoordinatorClient.connect(conf)) {
      while (true) {
        int ready = 0;
        try {
          long fresh = 3 * conf.getLong(BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS,
              BartConfigKeys.AGENT_HEARTBEAT_INTERVAL_MS_DEFAULT);
          for (AgentEntryProto a : c.listAgents().getAgentsList()) {
            ready += a.getReady() && a.getLastSeenMsAgo() <= fresh && isLive(a.getDatanodeUuid())
                ? 1 : 0;
          }
        } catch (IOException e) {
          ready = -1; // the coordinator is not up yet
        }
        if (ready >= count) {
          return;
        }
        if (System.currentTimeMillis() > deadline) {
          throw new TimeoutException("only " + ready + " of " + count
              + " BART agents ready after " + timeoutMs + " ms");
        }
        Thread.sleep(100);
      }
    }
  }

  /** The registered agent address of the DataNode {@code uuid}. */
  public String agentAddress(String uuid) throws IOException {
    try (CoordinatorClient c = CoordinatorClient.connect(conf)) {
      for (AgentEntryProto a : c.listAgents().getAgentsList()) {
        if (a.getDatanodeUuid().equals(uuid)) {
          return a.getAgentAddress();
        }
      }
    }
    throw new IOException("no BART agent registered for DataNode " + uuid);
  }

  /**
   * An enabled RS-LEGACY(k, m) policy with {@code cellSize} cells: the built-in RS-LEGACY-6-3-1024k
   * where it fits, else a user-defined one added now.
   */
  public ErasureCodingPolicy enableRsLegacy(int k, int m, int cellSize) throws IOException {
    return enablePolicy("rs-legacy", k, m, cellSize);
  }

  /**
   * An enabled policy of {@code codec} (k, m) with {@code cellSize} cells: the built-in one where
   * there is one (e.g. RS-6-3-1024k), else a user-defined one added now (e.g. RS-6-3-64k).
   */
  public ErasureCodingPolicy enablePolicy(String codec, int k, int m, int cellSize)
      throws IOException {
    ECSchema schema = new ECSchema(codec, k, m);
    for (ErasureCodingPolicy builtIn : SystemErasureCodingPolicies.getPolicies()) {
      if (builtIn.getSchema().equals(schema) && builtIn.getCellSize() == cellSize) {
        dfs().enableErasureCodingPolicy(builtIn.getName());
        return builtIn;
      }
    }
    ErasureCodingPolicy p = new ErasureCodingPolicy(schema, cellSize);
    dfs().addErasureCodingPolicies(new ErasureCodingPolicy[] {p});
    dfs().enableErasureCodingPolicy(p.getName());
    return p;
  }

  /** Adds (unless built in) and enables the RS(k, m) policy (codec rs, HDFS's default). */
  public ErasureCodingPolicy enableRs(int k, int m, int cellSize) throws IOException {
    ErasureCodingPolicy rs63 =
        SystemErasureCodingPolicies.getByID(SystemErasureCodingPolicies.RS_6_3_POLICY_ID);
    ErasureCodingPolicy p = k == 6 && m == 3 && cellSize == rs63.getCellSize() ? rs63
        : new ErasureCodingPolicy(new ECSchema("rs", k, m), cellSize);
    if (p != rs63) {
      dfs().addErasureCodingPolicies(new ErasureCodingPolicy[] {p});
    }
    dfs().enableErasureCodingPolicy(p.getName());
    return p;
  }

  /** Stops the DataNode {@code uuid} (as if its machine died). */
  public void stopDataNode(String uuid) {
    for (org.apache.hadoop.hdfs.server.datanode.DataNode dn : cluster.getDataNodes()) {
      if (uuid.equals(dn.getDatanodeUuid())) {
        cluster.stopDataNode(dn.getDatanodeId().getXferAddr());
        return;
      }
    }
    throw new IllegalArgumentException("no running DataNode " + uuid);
  }

  /** Waits until the NameNode no longer counts any of {@code uuids} among live DataNodes. */
  public void awaitDead(java.util.Collection<String> uuids, long timeoutMs)
      throws IOException, TimeoutException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      boolean anyLive = false;
      for (org.apache.hadoop.hdfs.protocol.DatanodeInfo dn : dfs().getDataNodeStats(
          org.apache.hadoop.hdfs.protocol.HdfsConstants.DatanodeReportType.LIVE)) {
        anyLive |= uuids.contains(dn.getDatanodeUuid());
      }
      if (!anyLive) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new TimeoutException("DataNodes " + uuids + " still live after " + timeoutMs
            + " ms");
      }
      Thread.sleep(200);
    }
  }

  private boolean isLive(String uuid) {
    return cluster.getDataNodes().stream().anyMatch(dn -> uuid.equals(dn.getDatanodeUuid()));
  }

  /** Shuts the cluster down and leaves its storage for a later {@code format(false)} start. */
  public void stopKeepingStorage() {
    cluster.shutdown(false);
  }

  @Override
  public void close() {
    cluster.shutdown(true);
  }
}
