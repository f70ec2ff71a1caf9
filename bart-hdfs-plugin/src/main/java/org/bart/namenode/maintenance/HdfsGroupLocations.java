package org.bart.namenode.maintenance;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.HdfsConstants.DatanodeReportType;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.hdfs.InodePaths;
import org.bart.namenode.metadata.TreeIndex;
import org.bart.namenode.metadata.WideLayout;

/** The {@link GroupLocations} of the running NameNode, asked as the coordinator's superuser. */
public final class HdfsGroupLocations implements GroupLocations {

  private final DistributedFileSystem dfs;
  private final AgentRegistry registry;
  private final InodePaths paths;

  public HdfsGroupLocations(DistributedFileSystem dfs, AgentRegistry registry, InodePaths paths) {
    this.dfs = dfs;
    this.registry = registry;
    this.paths = paths;
  }

  @Override
  public List<String> trees() throws IOException {
    return TreeIndex.trees(dfs, paths);
  }

  @Override
  public WideLayout layout(String parityPath) throws IOException {
    return WideLayout.load(dfs, parityPath);
  }

  @Override
  public Set<String> liveDataNodes() throws IOException {
    Set<String> live = new HashSet<>();
    for (DatanodeInfo dn : dfs.getDataNodeStats(DatanodeReportType.LIVE)) {
      live.add(dn.getDatanodeUuid());
    }
    return live;
  }

  @Override
  public ClusterView usableNodes() throws IOException {
    return ClusterView.of(dfs, registry);
  }

  @Override
  public String pathOf(long fileId) {
    return paths.pathOf(fileId);
  }
}
