package org.bart.namenode.metadata;

import java.io.IOException;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.thirdparty.protobuf.InvalidProtocolBufferException;
import org.bart.namenode.hdfs.HdfsNamespace;
import org.bart.namenode.hdfs.Namespace;
import org.bart.protocol.proto.MetadataProtos.MembershipProto;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;

/**
 * Reads and writes BART's metadata in extended attributes of the {@code trusted.} namespace, which
 * only the HDFS superuser can see or change, persisted by the NameNode with the inode (edit log,
 * fsimage), moved by rename and removed with the file.
 */
public final class GroupMetadata {

  private GroupMetadata() {
  }

  public static void writeGroup(Namespace ns, String parityPath, WideGroupProto group)
      throws IOException {
    ns.setXAttr(parityPath, BartPaths.GROUP_XATTR, group.toByteArray());
  }

  public static void writeGroup(DistributedFileSystem dfs, String parityPath, WideGroupProto group)
      throws IOException {
    writeGroup(new HdfsNamespace(dfs), parityPath, group);
  }

  /** The wide group of the parity file {@code parityPath}, or null if it has none. */
  public static WideGroupProto readGroup(Namespace ns, String parityPath) throws IOException {
    byte[] v = ns.getXAttr(parityPath, BartPaths.GROUP_XATTR);
    return v == null ? null : parse(v, parityPath);
  }

  public static WideGroupProto readGroup(DistributedFileSystem dfs, String parityPath)
      throws IOException {
    return readGroup(new HdfsNamespace(dfs), parityPath);
  }

  public static void writeMembership(Namespace ns, String path, MembershipProto m)
      throws IOException {
    ns.setXAttr(path, BartPaths.MEMBER_XATTR, m.toByteArray());
  }

  public static void writeMembership(DistributedFileSystem dfs, String path, MembershipProto m)
      throws IOException {
    writeMembership(new HdfsNamespace(dfs), path, m);
  }

  /** The membership of the file {@code path}, or null if it is not a transitioned file. */
  public static MembershipProto readMembership(DistributedFileSystem dfs, String path)
      throws IOException {
    return readMembership(new HdfsNamespace(dfs), path);
  }

  /** The membership of the file {@code path}, or null if it is not a transitioned file. */
  public static MembershipProto readMembership(Namespace ns, String path) throws IOException {
    byte[] v = ns.getXAttr(path, BartPaths.MEMBER_XATTR);
    if (v == null) {
      return null;
    }
    try {
      return MembershipProto.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("corrupt " + BartPaths.MEMBER_XATTR + " on " + path, e);
    }
  }

  private static WideGroupProto parse(byte[] v, String path) throws IOException {
    try {
      return WideGroupProto.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("corrupt " + BartPaths.GROUP_XATTR + " on " + path, e);
    }
  }
}
