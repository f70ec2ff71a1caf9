package org.bart.datanode;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.StorageType;
import org.apache.hadoop.hdfs.client.impl.DfsClientConf;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;
import org.apache.hadoop.hdfs.protocol.datatransfer.BlockConstructionStage;
import org.apache.hadoop.hdfs.protocol.datatransfer.IOStreamPair;
import org.apache.hadoop.hdfs.protocol.datatransfer.PacketHeader;
import org.apache.hadoop.hdfs.protocol.datatransfer.Sender;
import org.apache.hadoop.hdfs.protocol.proto.DataTransferProtos.BlockOpResponseProto;
import org.apache.hadoop.hdfs.protocol.proto.DataTransferProtos.Status;
import org.apache.hadoop.hdfs.protocolPB.PBHelperClient;
import org.apache.hadoop.hdfs.security.token.block.BlockTokenIdentifier;
import org.apache.hadoop.hdfs.server.datanode.CachingStrategy;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.io.IOUtils;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.util.DataChecksum;

/**
 * Stores a stream of bytes as a new finalized replica on any DataNode, this one included, over
 * DataTransferProtocol's writeBlock, speaking as a DataNode (empty client name) in the
 * TRANSFER_FINALIZED stage. That combination gives exactly what BART needs: the receiving DataNode
 * verifies every chunk's checksum, keeps the replica in its temporary directory until the last
 * packet and discards it if the stream breaks (so a failed push leaves nothing behind, and a
 * retry can start over), then finalizes it, answers with one close-ack and reports the new replica
 * to the NameNode itself.
 */
final class ReplicaPusher {

  private static final int PACKET_DATA_BYTES = 64 * 1024;

  private final DataNode dn;
  private final Configuration conf;
  private final int timeoutMs;

  ReplicaPusher(DataNode dn, Configuration conf) {
    this.dn = dn;
    this.conf = conf;
    this.timeoutMs = dn.getDnConf().getSocketTimeout();
  }

  /** An open push of one replica: {@link #write} its bytes in order, then {@link #finish}. */
  final class Push implements Closeable {
    private final ExtendedBlock block;
    private final DatanodeInfo target;
    private final Socket sock;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final DataChecksum checksum;
    private final ByteBuffer packet;
    private final ByteBuffer sums;
    private long offset;
    private long seqno;

    private Push(ExtendedBlock block, DatanodeInfo target, Socket sock, DataOutputStream out,
        DataInputStream in, DataChecksum checksum) {
      this.block = block;
      this.target = target;
      this.sock = sock;
      this.out = out;
      this.in = in;
      this.checksum = checksum;
      int bpc = checksum.getBytesPerChecksum();
      this.packet = ByteBuffer.allocate(Math.max(bpc, PACKET_DATA_BYTES / bpc * bpc));
      this.sums = ByteBuffer.allocate(checksum.getChecksumSize(packet.capacity()));
    }

    /** Appends the remaining bytes of {@code data} (its position moves to its limit). */
    void write(ByteBuffer data) throws IOException {
      while (data.hasRemaining()) {
        int n = Math.min(packet.remaining(), data.remaining());
        ByteBuffer slice = data.duplicate();
        slice.limit(slice.position() + n);
        packet.put(slice);
        data.position(data.position() + n);
        if (!packet.hasRemaining()) {
          sendPacket(false);
        }
      }
    }

    /**
     * Sends what is buffered and the last (empty) packet, and waits for the DataNode's close-ack.
     *
     * @throws IOException if the pushed length differs from the block's, or the DataNode refused
     */
    void finish() throws IOException {
      if (packet.position() > 0) {
        sendPacket(false);
      }
      if (offset != block.getNumBytes()) {
        throw new IOException("pushed " + offset + " bytes for blk_" + block.getBlockId()
            + " of " + block.getNumBytes() + " bytes to " + target.getXferAddr());
      }
      sendPacket(true);
      out.flush();
      BlockOpResponseProto ack = BlockOpResponseProto.parseFrom(PBHelperClient.vintPrefixed(in));
      if (ack.getStatus() != Status.SUCCESS) {
        throw new IOException("DataNode " + target.getXferAddr() + " refused blk_"
            + block.getBlockId() + "_" + block.getGenerationStamp() + ": " + ack.getStatus()
            + " " + ack.getMessage());
      }
    }

    private void sendPacket(boolean last) throws IOException {
      packet.flip();
      sums.clear();
      int dataLen = packet.remaining();
      if (dataLen > 0) {
        sums.limit(checksum.getChecksumSize(dataLen));
        checksum.calculateChunkedSums(packet, sums);
      } else {
        sums.limit(0);
      }
      // packetLen counts its own 4 bytes, the checksums and the data (not the header).
      new PacketHeader(4 + sums.remaining() + dataLen, offset, seqno++, last, dataLen, false)
          .write(out);
      out.write(sums.array(), 0, sums.remaining());
      out.write(packet.array(), packet.arrayOffset() + packet.position(), dataLen);
      offset += dataLen;
      packet.clear();
    }

    /** Closes the connection; an unfinished replica is discarded by the receiving DataNode. */
    @Override
    public void close() {
      IOUtils.closeStream(out);
      IOUtils.closeStream(in);
      IOUtils.closeSocket(sock);
    }
  }

  /** Opens a push of {@code block} (its exact final length) to {@code target}. */
  Push open(ExtendedBlock block, DatanodeInfo target) throws IOException {
    StorageType[] types = {StorageType.DEFAULT};
    Token<BlockTokenIdentifier> token = dn.getBlockAccessToken(block,
        EnumSet.of(BlockTokenIdentifier.AccessMode.WRITE), types, new String[0]);
    InetSocketAddress addr = NetUtils.createSocketAddr(target.getXferAddr());
    Socket sock = NetUtils.getDefaultSocketFactory(conf).createSocket();
    try {
      NetUtils.connect(sock, addr, timeoutMs);
      sock.setTcpNoDelay(true);
      sock.setSoTimeout(timeoutMs);
      OutputStream rawOut = NetUtils.getOutputStream(sock, dn.getDnConf().getSocketWriteTimeout());
      InputStream rawIn = NetUtils.getInputStream(sock);
      IOStreamPair sasl = dn.getSaslClient().socketSend(sock, rawOut, rawIn,
          dn.getDataEncryptionKeyFactoryForBlock(block), token, target);
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(sasl.out, 128 * 1024));
      DataInputStream in = new DataInputStream(sasl.in);
      DataChecksum checksum = new DfsClientConf(conf).createChecksum(null);
      new Sender(out).writeBlock(block, StorageType.DEFAULT, token, "",
          new DatanodeInfo[] {target}, types, null,
          BlockConstructionStage.TRANSFER_FINALIZED, 0, 0, 0, 0, checksum,
          CachingStrategy.newDefaultStrategy(), false, false, null, null, new String[0]);
      return new Push(block, target, sock, out, in, checksum);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeSocket(sock);
      throw e;
    }
  }
}
