package org.bart.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.PrivilegedExceptionAction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.protocol.DegradedReadClient;
import org.bart.protocol.proto.ClientProtos.ReadDegradedResponseProto;

/**
 * {@link DegradedSource} of the NameNode plugin, connected on first use as the file system's
 * user (whoever the reading thread runs as). Thread-safe.
 */
final class PluginDegradedSource implements DegradedSource {

  private final Configuration conf;
  private final UserGroupInformation user;
  private DegradedReadClient client;

  PluginDegradedSource(Configuration conf, UserGroupInformation user) {
    this.conf = conf;
    this.user = user;
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
      try {
        client = user.doAs(
            (PrivilegedExceptionAction<DegradedReadClient>) () -> DegradedReadClient.connect(conf));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted connecting for a degraded read");
      }
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
