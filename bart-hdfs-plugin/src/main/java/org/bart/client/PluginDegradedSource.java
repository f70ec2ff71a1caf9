package org.bart.client;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.bart.protocol.DegradedReadClient;
import org.bart.protocol.proto.ClientProtos.ReadDegradedResponseProto;

/** {@link DegradedSource} of the NameNode plugin, connected on first use. Thread-safe. */
final class PluginDegradedSource implements DegradedSource {

  private final Configuration conf;
  private DegradedReadClient client;

  PluginDegradedSource(Configuration conf) {
    this.conf = conf;
  }

  @Override
  public int read(String path, long offset, byte[] b, int off, int length) throws IOException {
    ReadDegradedResponseProto r = client().read(path, offset, length);
    int n = Math.min(length, r.getData().size());
    r.getData().copyTo(b, 0, off, n);
    return n;
  }

  private synchronized DegradedReadClient client() throws IOException {
    if (client == null) {
      client = DegradedReadClient.connect(conf);
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
