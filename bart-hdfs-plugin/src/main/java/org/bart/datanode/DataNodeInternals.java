package org.bart.datanode;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.Socket;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.StorageType;
import org.apache.hadoop.hdfs.protocol.DatanodeID;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.datatransfer.IOStreamPair;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier.AccessMode;
import org.apache.hadoop.hdfs.server.common.HdfsServerConstants.ReplicaState;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.hdfs.server.datanode.DatanodeUtil;
import org.apache.hadoop.hdfs.server.datanode.ReplicaInfo;
import org.apache.hadoop.hdfs.server.datanode.fsdataset.FsDatasetSpi;
import org.apache.hadoop.hdfs.server.datanode.fsdataset.FsVolumeSpi;
import org.apache.hadoop.hdfs.server.datanode.fsdataset.FsVolumeSpi.ScanInfo;
import org.apache.hadoop.hdfs.server.datanode.fsdataset.impl.FsVolumeImpl;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.token.SecretManager;
import org.apache.hadoop.security.token.SecretManager.InvalidToken;
import org.apache.hadoop.security.token.Token;
import org.bart.protocol.BartAgentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls of the DataNode plugin into the DataNode's internals ({@code
 * org.apache.hadoop.hdfs.server.datanode}, all {@code @InterfaceAudience.Private}: the DataNode,
 * its dataset, volumes and replicas), each a member that {@link DataNodeSelfCheck} verifies when
 * the plugin starts. Nothing else of the plugin should call these internals; still outside it
 * (they are being reworked elsewhere): the DataNode's block tokens, SASL client and socket
 * timeouts in {@link ReplicaFetcher} and {@link ReplicaPusher}, and the DataNode's name and
 * replica getters in {@link Agent}. The check covers those too.
 *
 * <p>One class per daemon rather than one for both: a DataNode loads only the agent, and must
 * neither load NameNode internals nor refuse to start because one of them changed. Wraps one
 * DataNode; thread-safe as the DataNode is.
 */
final class DataNodeInternals {

  private static final Logger LOG = LoggerFactory.getLogger(DataNodeInternals.class);

  /** Looked up once; null only if missing, and then the self-check has kept the agent idle. */
  private static final Method INC_DFS_USED_METHOD =
      DataNodeSelfCheck.INC_DFS_USED.accessibleMethod(DataNodeInternals.class.getClassLoader());

  private final DataNode dn;
  /** Why the running Hadoop cannot serve BART, or null. */
  private final String incompatibility;

  /** @param incompatibility {@link DataNodeSelfCheck#result()}, null if the check passed */
  DataNodeInternals(DataNode dn, String incompatibility) {
    this.dn = dn;
    this.incompatibility = incompatibility;
  }

  Configuration conf() {
    return dn.getConf();
  }

  String displayName() {
    return dn.getDisplayName();
  }

  /** The DataNode's uuid, or null before its first registration with a NameNode. */
  String uuid() {
    return dn.getDatanodeUuid();
  }

  /** The DataNode's id, or null before its first registration with a NameNode. */
  DatanodeID id() {
    return dn.getDatanodeId();
  }

  /**
   * Null when the agent can serve operations, else why not: first a failed self-check, which no
   * waiting cures.
   */
  String notReadyReason() {
    if (incompatibility != null) {
      return incompatibility;
    }
    if (dn.getFSDataset() == null) {
      return "the DataNode's dataset is not loaded yet";
    }
    if (!dn.isDatanodeFullyStarted()) {
      return "the DataNode is not registered with every NameNode yet";
    }
    return null;
  }

  /** This DataNode as registered with the NameNode of {@code poolId}. */
  DatanodeInfo self(String poolId) throws IOException {
    return new DatanodeInfo.DatanodeInfoBuilder().setNodeID(dn.getDNRegistrationForBP(poolId))
        .build();
  }

  /** The replica stored under {@code blockId}, or null. */
  ReplicaInfo replica(String poolId, long blockId) throws BartAgentException {
    return (ReplicaInfo) dataset().getReplica(poolId, blockId);
  }

  /** The state of {@code r} (FINALIZED, RBW, ...), as named by Hadoop. */
  static String state(ReplicaInfo r) {
    return r.getState().name();
  }

  static boolean isFinalized(ReplicaInfo r) {
    return r.getState() == ReplicaState.FINALIZED;
  }

  /** The volume that stores {@code r}. */
  static FsVolumeSpi volume(ReplicaInfo r) {
    return r.getVolume();
  }

  /** The block file of the (file-per-replica) replica {@code r}. */
  static File blockFile(ReplicaInfo r) {
    return new File(r.getBlockURI());
  }

  /** The meta file of the (file-per-replica) replica {@code r}. */
  static File metaFile(ReplicaInfo r) {
    return new File(r.getMetadataURI());
  }

  private FsDatasetSpi<?> dataset() throws BartAgentException {
    FsDatasetSpi<?> ds = dn.getFSDataset();
    if (ds == null) {
      throw new BartAgentException("DataNode " + dn.getDisplayName() + " is still starting");
    }
    return ds;
  }

  /**
   * The directory where the finalized replica {@code blockId} of {@code poolId} belongs on
   * {@code volume}.
   *
   * @throws BartAgentException if the volume is not the default (file-per-replica) kind
   */
  File finalizedBlockDir(FsVolumeSpi volume, String poolId, long blockId) throws IOException {
    if (!(volume instanceof FsVolumeImpl)) {
      throw new BartAgentException("relabel on DataNode " + dn.getDisplayName()
          + ": unsupported volume type " + volume.getClass().getName());
    }
    return DatanodeUtil.idToBlockDir(((FsVolumeImpl) volume).getFinalizedDir(poolId), blockId);
  }

  /** The meta file name of {@code blockName} at genstamp {@code genStamp}. */
  static String metaName(String blockName, long genStamp) {
    return DatanodeUtil.getMetaName(blockName, genStamp);
  }

  /**
   * Registers the finalized replica whose files were just placed in {@code dir} on {@code volume}
   * with the dataset, as the directory scanner would.
   */
  void registerFinalized(String poolId, long blockId, File dir, String blockName,
      String metaName, FsVolumeSpi volume) throws IOException {
    dataset().checkAndUpdate(poolId, new ScanInfo(blockId, dir, blockName, metaName, volume));
  }

  /**
   * Adds {@code bytes} and one block to the used space of {@code poolId} on {@code volume} (as
   * checked by {@link #finalizedBlockDir}), which checkAndUpdate does not: without it, deleting either name of a relabelled replica later
   * under-reports dfsUsed by this much until the next du refresh.
   */
  static void addDfsUsed(FsVolumeSpi volume, String poolId, long bytes) {
    if (INC_DFS_USED_METHOD == null) {
      throw new IllegalStateException(DataNodeSelfCheck.INC_DFS_USED
          + " is missing: the self-check keeps the agent from serving");
    }
    try {
      INC_DFS_USED_METHOD.invoke(volume, poolId, bytes);
    } catch (ReflectiveOperationException e) {
      // The replica is registered and reported; only dfsUsed lags until the next du refresh.
      LOG.warn("Cannot account {} bytes on volume {}: {}", bytes, volume, e.toString());
    }
  }

  /** Tells the NameNode that the finalized replica {@code r}, stored as {@code b}, is here. */
  void reportReceived(ExtendedBlock b, ReplicaInfo r) {
    dn.notifyNamenodeReceivedBlock(b, null, r.getStorageUuid(), r.isOnTransientStorage());
  }

  /** A block token for {@code modes} on {@code b}, minted by this DataNode. */
  Token<BlockTokenIdentifier> blockToken(ExtendedBlock b, EnumSet<AccessMode> modes)
      throws IOException {
    return dn.getBlockAccessToken(b, modes, new StorageType[] {StorageType.DEFAULT},
        new String[0]);
  }

  int socketTimeoutMs() {
    return dn.getDnConf().getSocketTimeout();
  }

  /**
   * The streams of connected {@code sock} to {@code target} for a transfer of {@code b}, through
   * SASL when the cluster asks for it, exactly as the DataNode's own transfers.
   */
  IOStreamPair saslStreams(Socket sock, ExtendedBlock b, Token<BlockTokenIdentifier> token,
      DatanodeInfo target) throws IOException {
    return dn.getSaslClient().socketSend(sock,
        NetUtils.getOutputStream(sock, dn.getDnConf().getSocketWriteTimeout()),
        NetUtils.getInputStream(sock), dn.getDataEncryptionKeyFactoryForBlock(b), token, target);
  }

  /** This DataNode's block keys of every block pool, as its own IPC server checks tokens. */
  SecretManager<BlockTokenIdentifier> blockKeys() {
    return dn.getBlockPoolTokenSecretManager();
  }

  /** Whether this DataNode checks block access tokens for pool {@code poolId}. */
  boolean blockTokensOn(String poolId) {
    return dn.getBlockPoolTokenSecretManager().isBlockPoolRegistered(poolId);
  }

  /**
   * Checks, with this DataNode's block keys, that {@code token} is a valid READ token on
   * {@code b} for user id {@code userId}.
   *
   * @throws InvalidToken naming what does not match (user, block, expiry, password)
   */
  void checkReadToken(Token<BlockTokenIdentifier> token, String userId, ExtendedBlock b)
      throws InvalidToken {
    dn.getBlockPoolTokenSecretManager().checkAccess(token, userId, b, AccessMode.READ);
  }
}
