package org.bart.namenode.hdfs;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bart.hadoop.HadoopCheck;
import org.bart.hadoop.Requirement;

/**
 * What the NameNode plugin needs of Hadoop beyond its public, stable API, and the check of it
 * that the plugin runs when it starts: the NameNode internals {@link NameNodeInternals} calls, and
 * the {@code @InterfaceAudience.Private} client-side members the coordinator calls directly,
 * whose signatures have changed between Hadoop releases (DFSClient; {@link PlacedFile}:
 * ClientProtocol's create, addBlock and complete; {@link BlockGroup} and the wide layout:
 * StripedBlockUtil).
 *
 * <p>Names only, no Hadoop type: this class loads and runs even where those types are missing.
 */
public final class NameNodeSelfCheck {

  private static final String NN = "org.apache.hadoop.hdfs.server.namenode.NameNode";
  private static final String FSN = "org.apache.hadoop.hdfs.server.namenode.FSNamesystem";
  private static final String BM =
      "org.apache.hadoop.hdfs.server.blockmanagement.BlockManager";
  private static final String FSDIR = "org.apache.hadoop.hdfs.server.namenode.FSDirectory";
  private static final String INODE = "org.apache.hadoop.hdfs.server.namenode.INode";
  private static final String NN_RPC = "org.apache.hadoop.hdfs.server.protocol.NamenodeProtocols";
  private static final String CLIENT = "org.apache.hadoop.hdfs.protocol.ClientProtocol";
  private static final String DFS_CLIENT = "org.apache.hadoop.hdfs.DFSClient";
  private static final String STRIPED = "org.apache.hadoop.hdfs.util.StripedBlockUtil";
  private static final String BLOCK = "org.apache.hadoop.hdfs.protocol.ExtendedBlock";
  private static final String LOCATED = "org.apache.hadoop.hdfs.protocol.LocatedBlock";
  private static final String POLICY = "org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy";
  private static final String STRING = "java.lang.String";
  private static final String BLOCK_MANAGER =
      "org.apache.hadoop.hdfs.server.blockmanagement.BlockManager";
  private static final String TOKENS =
      "org.apache.hadoop.hdfs.security.token.block.BlockTokenSecretManager";

  /** Package-private in FSNamesystem: called by reflection ({@link NameNodeInternals}). */
  static final Requirement DELEGATION_TOKENS = Requirement.method(FSN,
      "org.apache.hadoop.hdfs.security.token.delegation.DelegationTokenSecretManager",
      "getDelegationTokenSecretManager");

  /** What the NameNode plugin calls of Hadoop beyond its public, stable API. */
  static final List<Requirement> REQUIRED = Collections.unmodifiableList(Arrays.asList(
      // the NameNode and its namespace
      Requirement.method(NN, FSN, "getNamesystem"),
      Requirement.method(NN, NN_RPC, "getRpcServer"),
      Requirement.method(NN, STRING, "getNameNodeAddressHostPortString"),
      Requirement.method(NN, "boolean", "isActiveState"),
      Requirement.method(NN, "boolean", "isInSafeMode"),
      Requirement.method(FSN, "boolean", "isInStartupSafeMode"),
      Requirement.method(FSN, STRING, "getSafemode"),
      Requirement.method(FSN, "void", "readLock"),
      Requirement.method(FSN, "void", "readUnlock"),
      Requirement.method(FSN, FSDIR, "getFSDirectory"),
      Requirement.method(FSN, BM, "getBlockManager"),
      DELEGATION_TOKENS,
      Requirement.method(BM, "org.apache.hadoop.hdfs.server.blockmanagement.BlockInfo",
          "getStoredBlock", "org.apache.hadoop.hdfs.protocol.Block"),
      Requirement.method(BM, "java.util.Collection", "getCorruptReplicas",
          "org.apache.hadoop.hdfs.protocol.Block"),
      Requirement.method(FSDIR, INODE, "getInode", "long"),
      Requirement.method(INODE, STRING, "getFullPathName"),
      Requirement.method(FSN, BLOCK_MANAGER, "getBlockManager"),
      Requirement.method(BLOCK_MANAGER, TOKENS, "getBlockTokenSecretManager"),
      Requirement.method(TOKENS, "org.apache.hadoop.security.token.Token", "generateToken",
          STRING, BLOCK, "java.util.EnumSet", "org.apache.hadoop.fs.StorageType[]",
          STRING + "[]"),
      Requirement.method(NN_RPC, "org.apache.hadoop.hdfs.protocol.LocatedBlocks",
          "getBlockLocations", STRING, "long", "long"),
      // the DFSClient under the coordinator's DistributedFileSystem
      Requirement.method("org.apache.hadoop.hdfs.DistributedFileSystem", DFS_CLIENT, "getClient"),
      Requirement.method(DFS_CLIENT, STRING, "getClientName"),
      Requirement.method(DFS_CLIENT, "org.apache.hadoop.hdfs.protocol.HdfsFileStatus",
          "getFileInfo", STRING),
      Requirement.method(DFS_CLIENT, "org.apache.hadoop.hdfs.protocol.LocatedBlocks",
          "getLocatedBlocks", STRING, "long", "long"),
      Requirement.method(DFS_CLIENT, "org.apache.hadoop.hdfs.protocol.BlockStoragePolicy[]",
          "getStoragePolicies"),
      // ClientProtocol as the coordinator places files
      Requirement.method(DFS_CLIENT, CLIENT, "getNamenode"),
      Requirement.method(CLIENT, "org.apache.hadoop.hdfs.protocol.HdfsFileStatus", "create",
          STRING, "org.apache.hadoop.fs.permission.FsPermission", STRING,
          "org.apache.hadoop.io.EnumSetWritable", "boolean", "short", "long",
          "org.apache.hadoop.crypto.CryptoProtocolVersion[]", STRING, STRING),
      Requirement.method(CLIENT, LOCATED, "addBlock", STRING, STRING, BLOCK,
          "org.apache.hadoop.hdfs.protocol.DatanodeInfo[]", "long", STRING + "[]",
          "java.util.EnumSet"),
      Requirement.method(CLIENT, "boolean", "complete", STRING, STRING, BLOCK, "long"),
      // striped block groups
      Requirement.method(STRIPED, LOCATED + "[]", "parseStripedBlockGroup",
          "org.apache.hadoop.hdfs.protocol.LocatedStripedBlock", "int", "int", "int"),
      Requirement.method(STRIPED, "long", "getInternalBlockLength", "long", POLICY, "int"),
      Requirement.method(STRIPED, "long", "getInternalBlockLength", "long", "int", "int",
          "int")));

  /** Computed once: the running Hadoop does not change. */
  private static final String RESULT = problems(REQUIRED);

  private NameNodeSelfCheck() {
  }

  /**
   * What is missing of {@link #REQUIRED} in the running Hadoop.
   *
   * @return null if nothing, else one message naming each missing member and the Hadoop version
   */
  public static String result() {
    return RESULT;
  }

  /** What is missing of {@code required}, as {@link #result} for {@link #REQUIRED}. */
  static String problems(List<Requirement> required) {
    return HadoopCheck.problems("BART coordinator", required,
        NameNodeSelfCheck.class.getClassLoader());
  }
}
