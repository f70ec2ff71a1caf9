package org.bart.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.bart.datanode.wide.UnitSink;
import org.bart.datanode.wide.UnitSource;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.wide.AgentNode;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideUnit;

/**
 * How the agent of one DataNode of a {@link FakeCluster} reads and stores units for the real
 * {@link org.bart.datanode.wide.WideRead}: a unit is read from its replica where the request says
 * (failing as a dead DataNode or a missing replica would), and a rebuilt unit is stored on its
 * target, which reports it to the NameNode at once.
 */
final class FakeUnits implements UnitSource, UnitSink {

  private final FakeCluster cluster;
  private final String self;

  /** @param self the uuid of the DataNode whose agent runs the wide read */
  FakeUnits(FakeCluster cluster, String self) {
    this.cluster = cluster;
    this.self = self;
  }

  @Override
  public Reader open(WideUnit unit, long offset) throws IOException {
    if (unit.node() == null) {
      throw new IOException("no location for " + unit.replica());
    }
    String uuid = unit.node().uuid();
    FakeReplica r = cluster.replica(cluster.indexOf(uuid), unit.replica().blockId());
    if (r == null || r.genStamp != unit.replica().genStamp() || r.length != unit.length()) {
      throw new IOException(unit.replica() + " not found on " + uuid);
    }
    if (r.bytes == null) {
      throw new IOException("a sizes-only cluster has no bytes to read");
    }
    return new Reader() {
      private long position = offset;

      @Override
      public long position() {
        return position;
      }

      @Override
      public int readFully(ByteBuffer dst) {
        int n = (int) Math.min(dst.remaining(), r.length - position);
        dst.put(r.bytes, (int) position, n);
        position += n;
        return n;
      }

      @Override
      public boolean isRemote() {
        return !uuid.equals(self);
      }

      @Override
      public void close() {
      }
    };
  }

  @Override
  public boolean alreadyStored(Replica target, AgentNode node) throws IOException {
    FakeReplica there = cluster.replica(cluster.indexOf(node.uuid()), target.blockId());
    if (there == null) {
      return false;
    }
    if (there.genStamp != target.genStamp() || there.length != target.numBytes()) {
      throw new BartAgentException(target + ": id already used by another replica on "
          + node.uuid());
    }
    return true;
  }

  @Override
  public Writer open(Replica target, AgentNode node) throws IOException {
    int to = cluster.indexOf(node.uuid());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    return new Writer() {
      @Override
      public void write(ByteBuffer data) {
        while (data.hasRemaining()) {
          bytes.write(data.get());
        }
      }

      @Override
      public void finish() throws IOException {
        if (bytes.size() != target.numBytes()) {
          throw new IOException(target + ": " + bytes.size() + " bytes written");
        }
        cluster.store(to, target.blockId(),
            new FakeReplica(target.genStamp(), target.numBytes(), bytes.toByteArray()));
      }

      @Override
      public boolean isRemote() {
        return !node.uuid().equals(self);
      }

      @Override
      public void close() {
      }
    };
  }
}
