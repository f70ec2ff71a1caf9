package org.bart.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.PrivilegedExceptionAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.codec.WideCode;
import org.bart.codec.WideDecoder;
import org.bart.protocol.DegradedReadClient;

/**
 * What the degraded reads of one {@link BartFileSystem} share: one connection to the NameNode
 * plugin and the agents (made on first use as the file system's user), and the read plans of
 * the files read lately, by inode id, so that a file opened again (a job's next task, a
 * benchmark's next run) does not ask the NameNode for the same plans again.
 *
 * <p>A plan is shared only between streams of the same inode, each of which the NameNode let
 * this user open; a kept plan that fails is fetched again ({@link PluginDegradedSource}).
 * Thread-safe.
 */
final class DegradedReads implements Closeable {

  /** Files whose plans are kept: beyond this the least recently opened one's are dropped. */
  static final int FILES_KEPT = 256;

  private final Configuration conf;
  private final UserGroupInformation user;
  private final Map<Long, KeptPlans> byInode = new LinkedHashMap<Long, KeptPlans>(16, 0.75f,
      true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, KeptPlans> eldest) {
      return size() > FILES_KEPT;
    }
  };
  private final Map<WideCode, WideDecoder> decoders = new ConcurrentHashMap<>();
  private DegradedReadClient client;

  DegradedReads(Configuration conf, UserGroupInformation user) {
    this.conf = conf;
    this.user = user;
  }

  /** The kept plans of the file with inode id {@code fileId}. */
  synchronized KeptPlans plansOf(long fileId) {
    return byInode.computeIfAbsent(fileId, id -> new KeptPlans());
  }

  /** The decoder of {@code code}, shared by the streams (it caches decode plans). */
  WideDecoder decoder(WideCode code) {
    return decoders.computeIfAbsent(code, WideDecoder::new);
  }

  /** The client, connected as the file system's user on first use. */
  synchronized DegradedReadClient client() throws IOException {
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
    byInode.clear();
  }
}
