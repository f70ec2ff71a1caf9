package org.bart.namenode.maintenance;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.bart.namenode.cluster.ClusterView;
import org.bart.namenode.metadata.WideLayout;

/**
 * What repair and verify ask of the NameNode besides its {@link
 * org.bart.namenode.hdfs.Namespace}: the transitioned trees, where a wide group's units are now,
 * and which DataNodes are live. Production: {@link HdfsGroupLocations}; the tests have an
 * in-memory one over their fake cluster.
 */
public interface GroupLocations {

  /** The transitioned trees that still exist, by their paths now. */
  List<String> trees() throws IOException;

  /** The wide group of the parity file {@code parityPath} as the NameNode sees it now. */
  WideLayout layout(String parityPath) throws IOException;

  /** Uuids of the DataNodes the NameNode counts as live. */
  Set<String> liveDataNodes() throws IOException;

  /** The DataNodes maintenance may use: live, in service, with a ready agent. */
  ClusterView usableNodes() throws IOException;

  /** The path of the inode {@code fileId} now, or null if there is none. */
  String pathOf(long fileId);
}
