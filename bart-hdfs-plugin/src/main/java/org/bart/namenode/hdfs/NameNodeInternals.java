package org.bart.namenode.hdfs;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.StorageType;
import org.apache.hadoop.hdfs.protocol.Block;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier.AccessMode;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenSecretManager;
import org.apache.hadoop.hdfs.security.token.delegation.DelegationTokenSecretManager;
import org.apache.hadoop.hdfs.server.blockmanagement.BlockInfo;
import org.apache.hadoop.hdfs.server.blockmanagement.BlockManager;
import org.apache.hadoop.hdfs.server.blockmanagement.DatanodeDescriptor;
import org.apache.hadoop.hdfs.server.namenode.FSNamesystem;
import org.apache.hadoop.hdfs.server.namenode.INode;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.hdfs.server.protocol.NamenodeProtocols;
import org.apache.hadoop.security.token.Token;

/**
 * Every call of the NameNode plugin into the NameNode's internals ({@code
 * org.apache.hadoop.hdfs.server.namenode}, all {@code @InterfaceAudience.Private}), each a member
 * that {@link NameNodeSelfCheck} verifies when the plugin starts. Everything else the coordinator
 * does to HDFS goes through an ordinary client of this NameNode.
 *
 * <p>One class per daemon rather than one for both: the NameNode loads only the coordinator, and
 * must neither load DataNode internals nor refuse to start because one of them changed. Wraps one
 * NameNode; thread-safe as the NameNode is.
 */
public final class NameNodeInternals {

  /** Looked up once; null only if missing, and then the self-check has kept the plugin off. */
  private static final Method DELEGATION_TOKENS_METHOD = NameNodeSelfCheck.DELEGATION_TOKENS
      .accessibleMethod(NameNodeInternals.class.getClassLoader());

  private final NameNode nn;

  /** @param service the NameNode a {@code ServicePlugin} is started with */
  public NameNodeInternals(Object service) {
    this.nn = (NameNode) service;
  }

  public Configuration conf() {
    return nn.getConf();
  }

  /** host:port of the NameNode's client RPC server. */
  public String rpcHostPort() {
    return nn.getNameNodeAddressHostPortString();
  }

  /** The NameNode's RPC server, whose calls act as the calling RPC user. */
  public NamenodeProtocols rpcServer() {
    return nn.getRpcServer();
  }

  /**
   * The NameNode's own delegation-token secret manager, with which its client RPC server checks
   * HDFS delegation tokens (it knows every token this NameNode issued and not yet cancelled or
   * expired; on a standby it refuses them as the NameNode does).
   */
  public DelegationTokenSecretManager delegationTokens() {
    if (DELEGATION_TOKENS_METHOD == null) {
      throw new IllegalStateException(NameNodeSelfCheck.DELEGATION_TOKENS
          + " is missing: the self-check keeps the coordinator from serving");
    }
    try {
      return (DelegationTokenSecretManager) DELEGATION_TOKENS_METHOD.invoke(nn.getNamesystem());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call " + NameNodeSelfCheck.DELEGATION_TOKENS, e);
    }
  }

  /** Whether this NameNode is active and out of safe mode, so that it may change the namespace. */
  public boolean isActiveAndWritable() {
    return nn.isActiveState() && !nn.isInSafeMode();
  }

  /** Whether this NameNode is active and in the safe mode it starts in (not a manual one). */
  public boolean isActiveInStartupSafeMode() {
    return nn.isActiveState() && nn.getNamesystem().isInStartupSafeMode();
  }

  /**
   * The NameNode's safe-mode line, as {@code hdfs dfsadmin -safemode get} and the web UI show it
   * (empty out of safe mode).
   */
  public String safeModeTip() {
    return nn.getNamesystem().getSafemode();
  }

  /** The full path of inode {@code id}, or null if it does not exist (any more). */
  public String pathOf(long id) {
    FSNamesystem fsn = nn.getNamesystem();
    fsn.readLock();
    try {
      INode inode = fsn.getFSDirectory().getInode(id);
      return inode == null ? null : inode.getFullPathName();
    } finally {
      fsn.readUnlock();
    }
  }

  /**
   * The DataNodes (uuids) whose replica of {@code block} the NameNode holds corrupt; for an
   * internal block of a striped group, those of any internal block of the group (HDFS keeps them
   * per group; each DataNode holds one internal block of it). The client API has no such call:
   * a block with all of its replicas corrupt, or a data-only group with a corrupt internal block,
   * is listed with the corrupt replicas among its locations.
   */
  public Set<String> corruptReplicaNodes(Block block) {
    FSNamesystem fsn = nn.getNamesystem();
    Set<String> out = new HashSet<>();
    fsn.readLock();
    try {
      BlockManager bm = fsn.getBlockManager();
      BlockInfo stored = bm.getStoredBlock(block);
      Collection<DatanodeDescriptor> nodes = stored == null ? null
          : bm.getCorruptReplicas(stored);
      if (nodes != null) {
        for (DatanodeDescriptor d : nodes) {
          out.add(d.getDatanodeUuid());
        }
      }
    } finally {
      fsn.readUnlock();
    }
    return out;
  }

  /**
   * A READ block access token on {@code b} for user id {@code userId}, minted with the NameNode's
   * own BlockTokenSecretManager (DataNodes verify it with the keys the NameNode gave them), or
   * null when the cluster runs without block tokens.
   */
  public Token<BlockTokenIdentifier> readToken(String userId, ExtendedBlock b) {
    BlockTokenSecretManager tokens = nn.getNamesystem().getBlockManager()
        .getBlockTokenSecretManager();
    return tokens == null ? null : tokens.generateToken(userId, b, EnumSet.of(AccessMode.READ),
        new StorageType[0], new String[0]);
  }
}
