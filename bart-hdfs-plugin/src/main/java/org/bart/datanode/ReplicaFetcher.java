package org.bart.datanode;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.StorageType;
import org.apache.hadoop.hdfs.BlockReader;
import org.apache.hadoop.hdfs.DFSUtilClient;
import org.apache.hadoop.hdfs.client.impl.BlockReaderRemote;
import org.apache.hadoop.hdfs.net.Peer;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.hdfs.server.datanode.CachingStrategy;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.token.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a finalized replica from any DataNode, this one included, over DataTransferProtocol's
 * readBlock: block token minted by this DataNode, checksums verified by the reader, so a corrupt
 * replica is detected instead of being copied or merged, and reported to the NameNode as HDFS's
 * own readers do (the DataNode's {@code reportRemoteBadBlock}, as {@code StripedReader} does), so
 * that the NameNode lists it corrupt and BART's repair rebuilds it.
 */
final class ReplicaFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(ReplicaFetcher.class);

  private final DataNode dn;
  private final Configuration conf;
  private final AgentMetrics metrics;
  private final int timeoutMs;

  ReplicaFetcher(DataNode dn, Configuration conf, AgentMetrics metrics) {
    this.dn = dn;
    this.conf = conf;
    this.metrics = metrics;
    this.timeoutMs = dn.getDnConf().getSocketTimeout();
  }

  /** An open read of a byte range of one replica, front to back. */
  final class Fetch implements Closeable {
    private final BlockReader reader;
    private final ExtendedBlock block;
    private final DatanodeInfo node;
    private final long end;
    private long position;

    private Fetch(BlockReader reader, ExtendedBlock block, DatanodeInfo node, long offset,
        long length) {
      this.reader = reader;
      this.block = block;
      this.node = node;
      this.position = offset;
      this.end = offset + length;
    }

    /** The replica offset of the next byte read. */
    long position() {
      return position;
    }

    /**
     * Fills {@code dst} up to its limit, or up to the end of the range read.
     *
     * @return bytes read (0 only at the end of the range)
     */
    int readFully(ByteBuffer dst) throws IOException {
      int start = dst.position();
      while (dst.hasRemaining() && position < end) {
        int n;
        try {
          n = reader.read(dst);
        } catch (ChecksumException e) {
          reportCorrupt(block, node, e);
          throw e;
        }
        if (n < 0) {
          throw new IOException("replica blk_" + block.getBlockId() + "_"
              + block.getGenerationStamp() + " on " + node.getXferAddr() + " ended at "
              + position + " of " + block.getNumBytes() + " bytes");
        }
        position += n;
      }
      return dst.position() - start;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /** Tells the NameNode that the replica of {@code block} on {@code node} is corrupt. */
  private void reportCorrupt(ExtendedBlock block, DatanodeInfo node, ChecksumException e) {
    LOG.warn("Corrupt replica of {} on {} ({}): reporting it to the NameNode", block,
        node.getXferAddr(), e.getMessage());
    try {
      dn.reportRemoteBadBlock(node, block);
      metrics.corruptReplicasReported.incr();
    } catch (IOException | RuntimeException x) {
      LOG.warn("Could not report the corrupt replica of {} on {}", block, node.getXferAddr(), x);
    }
  }

  /** Opens {@code block} (with its exact length) on {@code node} for reading, front to back. */
  Fetch open(ExtendedBlock block, DatanodeInfo node) throws IOException {
    return open(block, node, 0, block.getNumBytes());
  }

  /** Opens bytes [offset, offset + length) of {@code block} on {@code node} for reading. */
  Fetch open(ExtendedBlock block, DatanodeInfo node, long offset, long length)
      throws IOException {
    Token<BlockTokenIdentifier> token = dn.getBlockAccessToken(block,
        EnumSet.of(BlockTokenIdentifier.AccessMode.READ),
        new StorageType[] {StorageType.DEFAULT}, new String[0]);
    InetSocketAddress addr = NetUtils.createSocketAddr(node.getXferAddr());
    Socket sock = NetUtils.getDefaultSocketFactory(conf).createSocket();
    Peer peer = null;
    try {
      NetUtils.connect(sock, addr, timeoutMs);
      sock.setTcpNoDelay(true);
      sock.setSoTimeout(timeoutMs);
      peer = DFSUtilClient.peerFromSocketAndKey(dn.getSaslClient(), sock,
          dn.getDataEncryptionKeyFactoryForBlock(block), token, node, timeoutMs);
      BlockReader reader = BlockReaderRemote.newBlockReader("bart:" + block, block, token,
          offset, length, true, "bart-agent-" + dn.getDatanodeUuid(), peer, node, null,
          CachingStrategy.newDefaultStrategy(), 0, conf);
      return new Fetch(reader, block, node, offset, length);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeStream(peer);
      IOUtils.closeSocket(sock);
      throw e;
    }
  }
}
