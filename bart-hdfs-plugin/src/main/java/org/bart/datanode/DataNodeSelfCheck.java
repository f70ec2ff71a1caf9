package org.bart.datanode;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bart.hadoop.HadoopCheck;
import org.bart.hadoop.Requirement;

/**
 * What the DataNode plugin needs of Hadoop beyond its public, stable API, and the check of it
 * that the plugin runs when it starts: the members {@link DataNodeInternals} calls, and the
 * client-side members the data movers ({@link ReplicaFetcher}, {@link ReplicaPusher}, {@link
 * ReplicaMove}) call directly, whose signatures have changed between Hadoop releases.
 *
 * <p>Names only, no Hadoop type: this class loads and runs even where those types are missing,
 * and it checks by reflection because the DataNode's dataset does not exist yet while plugins
 * start.
 */
final class DataNodeSelfCheck {

  private static final String DN = "org.apache.hadoop.hdfs.server.datanode.DataNode";
  private static final String DN_CONF = "org.apache.hadoop.hdfs.server.datanode.DNConf";
  private static final String DATASET =
      "org.apache.hadoop.hdfs.server.datanode.fsdataset.FsDatasetSpi";
  private static final String VOLUME =
      "org.apache.hadoop.hdfs.server.datanode.fsdataset.FsVolumeSpi";
  private static final String VOLUME_IMPL =
      "org.apache.hadoop.hdfs.server.datanode.fsdataset.impl.FsVolumeImpl";
  private static final String REPLICA_INFO = "org.apache.hadoop.hdfs.server.datanode.ReplicaInfo";
  private static final String UTIL = "org.apache.hadoop.hdfs.server.datanode.DatanodeUtil";
  private static final String CACHING = "org.apache.hadoop.hdfs.server.datanode.CachingStrategy";
  private static final String SASL =
      "org.apache.hadoop.hdfs.protocol.datatransfer.sasl.SaslDataTransferClient";
  private static final String KEYS =
      "org.apache.hadoop.hdfs.protocol.datatransfer.sasl.DataEncryptionKeyFactory";
  private static final String SENDER = "org.apache.hadoop.hdfs.protocol.datatransfer.Sender";
  private static final String BLOCK = "org.apache.hadoop.hdfs.protocol.ExtendedBlock";
  private static final String NODE_ID = "org.apache.hadoop.hdfs.protocol.DatanodeID";
  private static final String NODE = "org.apache.hadoop.hdfs.protocol.DatanodeInfo";
  private static final String TOKEN = "org.apache.hadoop.security.token.Token";
  private static final String STORAGE = "org.apache.hadoop.fs.StorageType";
  private static final String CONF = "org.apache.hadoop.conf.Configuration";
  private static final String STRING = "java.lang.String";
  private static final String POOL_TOKENS =
      "org.apache.hadoop.hdfs.security.token.block.BlockPoolTokenSecretManager";
  private static final String FILE = "java.io.File";

  /** Package-private in Hadoop: the only way to account a replica added by checkAndUpdate. */
  static final Requirement INC_DFS_USED =
      Requirement.method(VOLUME_IMPL, "void", "incDfsUsedAndNumBlocks", STRING, "long");

  /** What the DataNode plugin calls of Hadoop beyond its public, stable API. */
  static final List<Requirement> REQUIRED = Collections.unmodifiableList(Arrays.asList(
      // the DataNode itself
      Requirement.method(DN, STRING, "getDisplayName"),
      Requirement.method(DN, STRING, "getDatanodeUuid"),
      Requirement.method(DN, NODE_ID, "getDatanodeId"),
      Requirement.method(DN, DATASET, "getFSDataset"),
      Requirement.method(DN, "boolean", "isDatanodeFullyStarted"),
      Requirement.method(DN, "org.apache.hadoop.hdfs.server.protocol.DatanodeRegistration",
          "getDNRegistrationForBP", STRING),
      Requirement.method(DN, "void", "notifyNamenodeReceivedBlock", BLOCK, STRING, STRING,
          "boolean"),
      Requirement.method(DN, "void", "reportRemoteBadBlock", NODE, BLOCK),
      Requirement.method(DN, DN_CONF, "getDnConf"),
      Requirement.method(DN_CONF, "int", "getSocketTimeout"),
      Requirement.method(DN_CONF, "int", "getSocketWriteTimeout"),
      Requirement.method(DN, TOKEN, "getBlockAccessToken", BLOCK, "java.util.EnumSet",
          STORAGE + "[]", STRING + "[]"),
      Requirement.method(DN, SASL, "getSaslClient"),
      Requirement.method(DN, POOL_TOKENS, "getBlockPoolTokenSecretManager"),
      Requirement.method(POOL_TOKENS, "boolean", "isBlockPoolRegistered", STRING),
      Requirement.method(POOL_TOKENS, "void", "checkAccess", TOKEN, STRING, BLOCK,
          "org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier$AccessMode"),
      Requirement.method(DN, KEYS, "getDataEncryptionKeyFactoryForBlock", BLOCK),
      // its dataset, volumes and replicas (the relabel)
      Requirement.method(DATASET, "org.apache.hadoop.hdfs.server.datanode.Replica", "getReplica",
          STRING, "long"),
      Requirement.method(DATASET, "void", "checkAndUpdate", STRING, VOLUME + "$ScanInfo"),
      Requirement.constructor(VOLUME + "$ScanInfo", "long", FILE, STRING, STRING, VOLUME),
      Requirement.method(REPLICA_INFO, VOLUME, "getVolume"),
      Requirement.method(REPLICA_INFO, "java.net.URI", "getBlockURI"),
      Requirement.method(REPLICA_INFO, "java.net.URI", "getMetadataURI"),
      Requirement.method(REPLICA_INFO,
          "org.apache.hadoop.hdfs.server.common.HdfsServerConstants$ReplicaState", "getState"),
      Requirement.method(REPLICA_INFO, STRING, "getStorageUuid"),
      Requirement.method(REPLICA_INFO, "boolean", "isOnTransientStorage"),
      Requirement.method(VOLUME_IMPL, FILE, "getFinalizedDir", STRING),
      INC_DFS_USED,
      Requirement.method(UTIL, FILE, "idToBlockDir", FILE, "long"),
      Requirement.method(UTIL, STRING, "getMetaName", STRING, "long"),
      // DataTransferProtocol as a DataNode speaks it (the data movers)
      Requirement.method(SASL, "org.apache.hadoop.hdfs.protocol.datatransfer.IOStreamPair",
          "socketSend", "java.net.Socket", "java.io.OutputStream", "java.io.InputStream", KEYS,
          TOKEN, NODE_ID),
      Requirement.method("org.apache.hadoop.hdfs.DFSUtilClient",
          "org.apache.hadoop.hdfs.net.Peer", "peerFromSocketAndKey", SASL, "java.net.Socket",
          KEYS, TOKEN, NODE_ID, "int"),
      Requirement.method("org.apache.hadoop.hdfs.client.impl.BlockReaderRemote",
          "org.apache.hadoop.hdfs.BlockReader", "newBlockReader", STRING, BLOCK, TOKEN, "long",
          "long", "boolean", STRING, "org.apache.hadoop.hdfs.net.Peer", NODE_ID,
          "org.apache.hadoop.hdfs.PeerCache", CACHING, "int", CONF),
      Requirement.method(CACHING, CACHING, "newDefaultStrategy"),
      Requirement.constructor("org.apache.hadoop.hdfs.client.impl.DfsClientConf", CONF),
      Requirement.method("org.apache.hadoop.hdfs.client.impl.DfsClientConf",
          "org.apache.hadoop.util.DataChecksum", "createChecksum",
          "org.apache.hadoop.fs.Options$ChecksumOpt"),
      Requirement.method(SENDER, "void", "writeBlock", BLOCK, STORAGE, TOKEN, STRING,
          NODE + "[]", STORAGE + "[]", NODE,
          "org.apache.hadoop.hdfs.protocol.datatransfer.BlockConstructionStage", "int", "long",
          "long", "long", "org.apache.hadoop.util.DataChecksum", CACHING, "boolean", "boolean",
          "boolean[]", STRING, STRING + "[]"),
      Requirement.method(SENDER, "void", "replaceBlock", BLOCK, STORAGE, TOKEN, STRING, NODE,
          STRING),
      Requirement.constructor("org.apache.hadoop.hdfs.protocol.datatransfer.PacketHeader", "int",
          "long", "long", "boolean", "int", "boolean"),
      Requirement.method("org.apache.hadoop.hdfs.protocolPB.PBHelperClient",
          "java.io.InputStream", "vintPrefixed", "java.io.InputStream")));

  /** Computed once: the running Hadoop does not change. */
  private static final String RESULT = problems(REQUIRED);

  private DataNodeSelfCheck() {
  }

  /**
   * What is missing of {@link #REQUIRED} in the running Hadoop.
   *
   * @return null if nothing, else one message naming each missing member and the Hadoop version
   */
  static String result() {
    return RESULT;
  }

  /** What is missing of {@code required}, as {@link #result} for {@link #REQUIRED}. */
  static String problems(List<Requirement> required) {
    return HadoopCheck.problems("BART agent", required, DataNodeSelfCheck.class.getClassLoader());
  }
}
