package org.bart.protocol;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.RPC;
import org.bart.protocol.proto.ClientProtos.ReadDegradedRequestProto;
import org.bart.protocol.proto.ClientProtos.ReadDegradedResponseProto;

/** A user's connection to the NameNode plugin for reads that need decoding. Thread-safe. */
public final class DegradedReadClient implements Closeable {

  private static final long FIRST_BACKOFF_MS = 50;
  private static final long LAST_BACKOFF_MS = 1600;

  private final BartClientProtocolPB proxy;

  private DegradedReadClient(BartClientProtocolPB proxy) {
    this.proxy = proxy;
  }

  public static DegradedReadClient connect(Configuration conf) throws IOException {
    return new DegradedReadClient(RpcServers.proxy(BartClientProtocolPB.class,
        CoordinatorClient.address(conf), new Configuration(conf)));
  }

  /**
   * Bytes of {@code path} from {@code offset}, decoded where blocks are unavailable. A busy
   * coordinator is asked again after 50 ms, then after twice as long each time up to 1.6 s
   * (about 3 s of waiting in all).
   *
   * @throws BartBusyException if the coordinator was still busy on the last attempt
   */
  public ReadDegradedResponseProto read(String path, long offset, int length) throws IOException {
    ReadDegradedRequestProto req = ReadDegradedRequestProto.newBuilder().setPath(path)
        .setOffset(offset).setLength(length).build();
    for (long backoffMs = FIRST_BACKOFF_MS; ; backoffMs *= 2) {
      try {
        return RemoteCalls.invoke(() -> proxy.readDegraded(null, req));
      } catch (BartBusyException e) {
        if (backoffMs > LAST_BACKOFF_MS) {
          throw e;
        }
        try {
          Thread.sleep(backoffMs);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted waiting to retry a read of " + path);
        }
      }
    }
  }

  @Override
  public void close() {
    RPC.stopProxy(proxy);
  }
}
