package org.bart.protocol;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ipc.RPC;
import org.bart.protocol.proto.ClientProtos.ReadDegradedRequestProto;
import org.bart.protocol.proto.ClientProtos.ReadDegradedResponseProto;

/** A user's connection to the NameNode plugin for reads that need decoding. Thread-safe. */
public final class DegradedReadClient implements Closeable {

  private final BartClientProtocolPB proxy;

  private DegradedReadClient(BartClientProtocolPB proxy) {
    this.proxy = proxy;
  }

  public static DegradedReadClient connect(Configuration conf) throws IOException {
    return new DegradedReadClient(RpcServers.proxy(BartClientProtocolPB.class,
        CoordinatorClient.address(conf), new Configuration(conf)));
  }

  /** Bytes of {@code path} from {@code offset}, decoded where blocks are unavailable. */
  public ReadDegradedResponseProto read(String path, long offset, int length) throws IOException {
    return RemoteCalls.invoke(() -> proxy.readDegraded(null, ReadDegradedRequestProto
        .newBuilder().setPath(path).setOffset(offset).setLength(length).build()));
  }

  @Override
  public void close() {
    RPC.stopProxy(proxy);
  }
}
