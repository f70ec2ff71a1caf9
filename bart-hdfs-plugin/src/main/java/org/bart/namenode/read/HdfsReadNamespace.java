package org.bart.namenode.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.server.protocol.NamenodeProtocols;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.hdfs.InodePaths;
import org.bart.namenode.metadata.GroupMetadata;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.proto.MetadataProtos.MemberRefProto;
import org.bart.protocol.proto.MetadataProtos.MembershipProto;

/**
 * The NameNode as a degraded read sees it from inside the NameNode plugin: the permission check
 * goes through the NameNode's RPC server in the caller's context, BART's metadata and block
 * groups through the plugin's own client.
 */
public final class HdfsReadNamespace implements ReadNamespace {

  private final NamenodeProtocols nn;
  private final DistributedFileSystem dfs;
  private final InodePaths paths;

  public HdfsReadNamespace(NamenodeProtocols nn, DistributedFileSystem dfs, InodePaths paths) {
    this.nn = nn;
    this.dfs = dfs;
    this.paths = paths;
  }

  @Override
  public void checkReadable(String path, long offset) throws IOException {
    nn.getBlockLocations(path, offset, 1); // as the caller: throws unless it may read the file
  }

  @Override
  public List<MemberRef> membership(String path) throws IOException {
    MembershipProto m = GroupMetadata.readMembership(dfs, path);
    if (m == null) {
      return null;
    }
    List<MemberRef> refs = new ArrayList<>(m.getGroupsCount());
    for (MemberRefProto r : m.getGroupsList()) {
      refs.add(new MemberRef(r.getParityFileId(), r.getPosition()));
    }
    return refs;
  }

  @Override
  public List<Long> blockGroupBytes(String path) throws IOException {
    List<Long> bytes = new ArrayList<>();
    for (BlockGroup g : BlockGroup.of(dfs.getClient(), path)) {
      bytes.add(g.group().getNumBytes());
    }
    return bytes;
  }

  @Override
  public WideLayout layout(long parityFileId) throws IOException {
    return WideLayout.load(dfs, paths.pathOf(parityFileId));
  }
}
