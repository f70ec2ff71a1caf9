package org.bart.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.protocol.DegradedReadClient;
import org.bart.protocol.proto.ClientProtos.ReadPlannedResponseProto;

/**
 * {@link DegradedSource} of BART's plugins: a read plan per block group from the NameNode plugin
 * (asked once per group, then kept), the bytes from an agent. Connected on first use as the file
 * system's user (whoever the reading thread runs as). A read with a kept plan that fails (the
 * plan expired, units moved since) is tried once more with a fresh plan. Thread-safe.
 */
final class PluginDegradedSource implements DegradedSource {

  private final Configuration conf;
  private final UserGroupInformation user;
  /** Plans by the file offset their block group starts at. */
  private final TreeMap<Long, DegradedReadClient.Plan> plans = new TreeMap<>();
  private DegradedReadClient client;

  PluginDegradedSource(Configuration conf, UserGroupInformation user) {
    this.conf = conf;
    this.user = user;
  }

  @Override
  public int read(String path, long offset, byte[] b, int off, int length) throws IOException {
    DegradedReadClient.Plan kept = keptPlan(offset);
    DegradedReadClient.Plan plan = kept != null ? kept : freshPlan(path, offset);
    if (plan == null) {
      return 0; // the file's end
    }
    ReadPlannedResponseProto r;
    try {
      r = client().read(plan, offset, length);
    } catch (IOException e) {
      if (kept == null) {
        throw e;
      }
      r = retry(path, offset, length);
    }
    int n = Math.min(length, r.getData().size());
    r.getData().copyTo(b, 0, off, n);
    return n;
  }

  @Override
  public long rowBytes(String path, long offset) throws IOException {
    DegradedReadClient.Plan kept = keptPlan(offset);
    DegradedReadClient.Plan plan = kept != null ? kept : freshPlan(path, offset);
    if (plan == null) {
      throw new IOException(path + " has no block group at " + offset);
    }
    return (long) plan.plan().code().k() * plan.plan().cellSize();
  }

  private ReadPlannedResponseProto retry(String path, long offset, int length)
      throws IOException {
    DegradedReadClient.Plan fresh = freshPlan(path, offset);
    if (fresh == null) {
      throw new IOException(path + " ended before " + offset + " while it was read");
    }
    return client().read(fresh, offset, length);
  }

  private synchronized DegradedReadClient.Plan keptPlan(long offset) {
    Map.Entry<Long, DegradedReadClient.Plan> e = plans.floorEntry(offset);
    return e != null && e.getValue().plan().covers(offset) ? e.getValue() : null;
  }

  private DegradedReadClient.Plan freshPlan(String path, long offset) throws IOException {
    DegradedReadClient.Plan p = client().plan(path, offset);
    if (p != null) {
      synchronized (this) {
        plans.put(p.plan().groupStart(), p);
      }
    }
    return p;
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
