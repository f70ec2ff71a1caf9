package org.bart.protocol;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DFSUtilClient;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.net.NetUtils;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.proto.CoordinatorProtos.GetJobRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.JobStatusProto;
import org.bart.protocol.proto.CoordinatorProtos.ListAgentsRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.ListAgentsResponseProto;
import org.bart.protocol.proto.CoordinatorProtos.ListJobsRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.MaintenanceRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.RegisterAgentRequestProto;
import org.bart.protocol.proto.CoordinatorProtos.RegisterAgentResponseProto;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;

/** A connection to the BART coordinator (the NameNode plugin). Thread-safe. */
public final class CoordinatorClient implements Closeable {

  private final CoordinatorProtocolPB proxy;

  private CoordinatorClient(CoordinatorProtocolPB proxy) {
    this.proxy = proxy;
  }

  /**
   * The coordinator's address: {@code dfs.bart.namenode.rpc-address}, or else the NameNode's host
   * (from {@code fs.defaultFS}) with the default port 9879.
   */
  public static InetSocketAddress address(Configuration conf) {
    String configured = conf.getTrimmed(BartConfigKeys.NAMENODE_RPC_ADDRESS);
    if (configured != null && !configured.isEmpty()) {
      return NetUtils.createSocketAddr(configured, BartConfigKeys.NAMENODE_RPC_PORT_DEFAULT,
          BartConfigKeys.NAMENODE_RPC_ADDRESS);
    }
    InetSocketAddress nn = DFSUtilClient.getNNAddress(conf);
    return NetUtils.createSocketAddrForHost(nn.getHostString(),
        BartConfigKeys.NAMENODE_RPC_PORT_DEFAULT);
  }

  public static CoordinatorClient connect(Configuration conf) throws IOException {
    return new CoordinatorClient(RpcServers.proxy(CoordinatorProtocolPB.class, address(conf),
        new Configuration(conf)));
  }

  /** Starts a transition job; returns its id. */
  public long startTransition(StartTransitionRequestProto req) throws IOException {
    return RemoteCalls.invoke(() -> proxy.startTransition(null, req)).getJobId();
  }

  public JobStatusProto getJob(long jobId) throws IOException {
    return RemoteCalls.invoke(() -> proxy.getJob(null,
        GetJobRequestProto.newBuilder().setJobId(jobId).build()));
  }

  public List<JobStatusProto> listJobs() throws IOException {
    return RemoteCalls.invoke(() -> proxy.listJobs(null,
        ListJobsRequestProto.getDefaultInstance())).getJobsList();
  }

  /** Repairs the wide groups under {@code path} (null: everywhere); returns the report JSON. */
  public String repair(String path) throws IOException {
    return RemoteCalls.invoke(() -> proxy.repair(null, maintenance(path))).getReportJson();
  }

  /** Verifies the wide groups under {@code path} (null: everywhere); returns the report JSON. */
  public String verify(String path) throws IOException {
    return RemoteCalls.invoke(() -> proxy.verify(null, maintenance(path))).getReportJson();
  }

  private static MaintenanceRequestProto maintenance(String path) {
    MaintenanceRequestProto.Builder b = MaintenanceRequestProto.newBuilder();
    if (path != null) {
      b.setPath(path);
    }
    return b.build();
  }

  public RegisterAgentResponseProto registerAgent(RegisterAgentRequestProto req)
      throws IOException {
    return RemoteCalls.invoke(() -> proxy.registerAgent(null, req));
  }

  public ListAgentsResponseProto listAgents() throws IOException {
    return RemoteCalls.invoke(
        () -> proxy.listAgents(null, ListAgentsRequestProto.getDefaultInstance()));
  }

  @Override
  public void close() {
    RPC.stopProxy(proxy);
  }
}
