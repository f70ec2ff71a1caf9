package org.bart.fake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bart.codec.WideCode;
import org.bart.codec.WideEncoder;
import org.bart.codec.WideMerger;
import org.bart.namenode.cluster.TransitionAgents;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.ops.EncodeOp;
import org.bart.protocol.ops.MergeOp;
import org.bart.protocol.ops.OpResult;
import org.bart.protocol.ops.RelabelOp;
import org.bart.protocol.ops.ReplicaAt;
import org.bart.protocol.ops.SendOp;
import org.bart.protocol.wide.Replica;
import org.bart.protocol.wide.WideUnit;

/**
 * The agents of a {@link FakeCluster}, as one coordinator process reaches them: relabel shares
 * the replica's bytes under the new id (a hard link), send copies them to the target node, merge
 * computes the wide parity with bart-core's {@link WideMerger} from the sources where they are,
 * prefetch only checks that the source is there, and checkMerge recomputes it and compares with what the holder stores. Each checks its inputs
 * as the real agent does (replica present, genstamp and length as named, target id unused) and
 * reports what it stored to the NameNode at once. A test may corrupt what merges or relabels
 * store.
 */
public final class FakeAgents implements TransitionAgents {

  /** Kept per code, as the agents keep them: building one is most of a small merge's cost. */
  private static final Map<WideCode, WideMerger> MERGERS = new ConcurrentHashMap<>();
  private static final Map<WideCode, WideEncoder> ENCODERS = new ConcurrentHashMap<>();

  private final FakeCluster cluster;
  private final FakeCluster.Process process;
  private volatile boolean corruptMerges;
  private volatile boolean corruptRelabels;

  FakeAgents(FakeCluster cluster, FakeCluster.Process process) {
    this.cluster = cluster;
    this.process = process;
  }

  /** From now on every merge stores a wide parity with its first byte flipped. */
  public void corruptMerges() {
    corruptMerges = true;
  }

  /** From now on every relabel stores a copy with its first byte flipped. */
  public void corruptRelabels() {
    corruptRelabels = true;
  }

  @Override
  public OpResult relabel(int node, RelabelOp op) throws IOException {
    return process.change(op.toString(), () -> {
      FakeReplica source = local(node, op.source(), op);
      byte[] bytes = source.bytes;
      if (bytes != null && corruptRelabels) {
        bytes = bytes.clone();
        bytes[0] ^= 1;
      }
      if (stored(node, op.target(), bytes, op)) {
        return result(OpResult.Path.ALREADY_DONE, 0, 0);
      }
      cluster.store(node, op.target().blockId(),
          new FakeReplica(op.target().genStamp(), source.length, bytes));
      return result(OpResult.Path.LINKED, 0, 0);
    });
  }

  @Override
  public OpResult send(int node, SendOp op) throws IOException {
    return process.change(op.toString(), () -> {
      int holder = op.sourceNode() == null ? node : cluster.indexOf(op.sourceNode().uuid());
      FakeReplica source = local(holder, op.source(), op);
      int to = cluster.indexOf(op.targetNode().uuid());
      if (stored(to, op.target(), source.bytes, op)) {
        return result(OpResult.Path.ALREADY_DONE, 0, 0);
      }
      cluster.store(to, op.target().blockId(), new FakeReplica(op.target().genStamp(),
          source.length, source.bytes == null ? null : source.bytes.clone()));
      return result(OpResult.Path.TRANSFERRED, source.length, 0);
    });
  }

  @Override
  public OpResult merge(int node, MergeOp op) throws IOException {
    return process.change(op.toString(), () -> {
      byte[] merged = compute(node, op);
      if (merged != null && corruptMerges) {
        merged[0] ^= 1;
      }
      int to = cluster.indexOf(op.targetNode().uuid());
      if (stored(to, op.target(), merged, op)) {
        return result(OpResult.Path.ALREADY_DONE, 0, 0);
      }
      cluster.store(to, op.target().blockId(),
          new FakeReplica(op.target().genStamp(), op.target().numBytes(), merged));
      return result(OpResult.Path.COMPUTED, to == node ? 0 : op.target().numBytes(),
          received(node, op));
    });
  }

  /** Checks the source is where named; the copy itself changes nothing a merge reads. */
  @Override
  public OpResult prefetch(int node, ReplicaAt source) throws IOException {
    return process.call(() -> {
      int from = cluster.indexOf(source.node().uuid());
      local(from, source.replica(), "prefetch of " + source);
      return result(from == node ? OpResult.Path.ALREADY_DONE : OpResult.Path.TRANSFERRED, 0,
          from == node ? 0 : source.replica().numBytes());
    });
  }

  @Override
  public OpResult checkMerge(int node, MergeOp op) throws IOException {
    return process.call(() -> {
      FakeReplica stored = local(node, op.target(), "check of " + op);
      byte[] fresh = compute(node, op);
      if (fresh != null && !Arrays.equals(fresh, stored.bytes)) {
        int at = 0;
        while (fresh[at] == stored.bytes[at]) {
          at++;
        }
        throw new BartAgentException("check of " + op + ": the stored wide parity differs from "
            + "its recomputation at offset " + at);
      }
      return result(OpResult.Path.CHECKED, 0, received(node, op));
    });
  }

  @Override
  public OpResult encode(int node, EncodeOp op) throws IOException {
    return process.change(op.toString(), () -> {
      byte[][] parity = encoded(op);
      long sent = 0;
      boolean all = true;
      for (int r = 0; r < parity.length; r++) {
        if (parity[r] != null && corruptMerges) {
          parity[r][0] ^= 1;
        }
        ReplicaAt t = op.targets().get(r);
        int to = cluster.indexOf(t.node().uuid());
        if (!stored(to, t.replica(), parity[r], op)) {
          all = false;
          cluster.store(to, t.replica().blockId(),
              new FakeReplica(t.replica().genStamp(), t.replica().numBytes(), parity[r]));
          sent += to == node ? 0 : t.replica().numBytes();
        }
      }
      return all ? result(OpResult.Path.ALREADY_DONE, 0, 0)
          : result(OpResult.Path.COMPUTED, sent, receivedData(node, op));
    });
  }

  @Override
  public OpResult checkEncode(int node, EncodeOp op) throws IOException {
    return process.call(() -> {
      byte[][] fresh = encoded(op);
      for (int r = 0; r < fresh.length; r++) {
        ReplicaAt t = op.targets().get(r);
        FakeReplica stored = local(cluster.indexOf(t.node().uuid()), t.replica(),
            "check of " + op);
        if (fresh[r] != null && !Arrays.equals(fresh[r], stored.bytes)) {
          throw new BartAgentException("check of " + op + ": stored wide parity " + r
              + " differs from a fresh encoding");
        }
      }
      return result(OpResult.Path.CHECKED, 0, receivedData(node, op));
    });
  }

  @Override
  public void close() {
  }

  /** The re-encoded wide parities (nulls in a sizes-only cluster), from the data where it is. */
  private byte[][] encoded(EncodeOp op) throws IOException {
    if (op.code().merges() || op.sources().size() != op.code().dataUnits()
        || op.targets().size() != op.code().m()) {
      throw new BartAgentException(op + ": " + op.sources().size() + " sources, "
          + op.targets().size() + " targets, for " + op.code());
    }
    long length = 0;
    ByteBuffer[] in = new ByteBuffer[op.sources().size()];
    for (int u = 0; u < in.length; u++) {
      WideUnit unit = op.sources().get(u);
      if (unit.replica() == null) { // absent: zeros
        in[u] = ByteBuffer.allocate(0);
        continue;
      }
      FakeReplica r = local(cluster.indexOf(unit.node().uuid()), unit.replica(), op);
      length = Math.max(length, r.length);
      in[u] = r.bytes == null ? null : ByteBuffer.wrap(r.bytes);
    }
    for (ReplicaAt t : op.targets()) {
      if (t.replica().numBytes() != length) {
        throw new BartAgentException(op + ": target length differs from the longest data unit ("
            + length + " bytes)");
      }
    }
    byte[][] parity = new byte[op.code().m()][];
    if (!cluster.keepBytes) {
      return parity;
    }
    ByteBuffer[] out = new ByteBuffer[parity.length];
    for (int r = 0; r < parity.length; r++) {
      parity[r] = new byte[(int) length];
      out[r] = ByteBuffer.wrap(parity[r]);
    }
    ENCODERS.computeIfAbsent(op.code(), WideEncoder::new).encode(in, out);
    return parity;
  }

  private long receivedData(int node, EncodeOp op) throws IOException {
    long bytes = 0;
    for (WideUnit u : op.sources()) {
      if (u.replica() != null && cluster.indexOf(u.node().uuid()) != node) {
        bytes += u.replica().numBytes();
      }
    }
    return bytes;
  }

  /** The merged bytes (null in a sizes-only cluster), from the sources where the op says. */
  private byte[] compute(int node, MergeOp op) throws IOException {
    List<ReplicaAt> sources = op.sources();
    if (sources.size() != op.code().lambda() || op.parityIndex() >= op.code().m()) {
      throw new BartAgentException(op + ": " + sources.size() + " sources, parity index "
          + op.parityIndex() + ", for " + op.code());
    }
    long length = 0;
    ByteBuffer[] in = new ByteBuffer[sources.size()];
    for (int s = 0; s < in.length; s++) {
      ReplicaAt at = sources.get(s);
      FakeReplica r = local(cluster.indexOf(at.node().uuid()), at.replica(), op);
      length = Math.max(length, r.length);
      in[s] = r.bytes == null ? null : ByteBuffer.wrap(r.bytes);
    }
    if (length != op.target().numBytes()) {
      throw new BartAgentException(op + ": target length differs from the longest source ("
          + length + " bytes)");
    }
    if (!cluster.keepBytes) {
      return null;
    }
    for (int s = 0; s < in.length; s++) { // shorter sources count as zeros past their end
      ByteBuffer padded = ByteBuffer.allocate((int) length);
      padded.put(in[s]).flip();
      padded.limit((int) length);
      in[s] = padded;
    }
    byte[] out = new byte[(int) length];
    MERGERS.computeIfAbsent(op.code(), WideMerger::new).merge(op.parityIndex(), in,
        ByteBuffer.wrap(out));
    return out;
  }

  private long received(int node, MergeOp op) throws IOException {
    long bytes = 0;
    for (ReplicaAt s : op.sources()) {
      if (cluster.indexOf(s.node().uuid()) != node) {
        bytes += s.replica().numBytes();
      }
    }
    return bytes;
  }

  /** The replica {@code r} on {@code node}, exactly as named. */
  /** @param what the operation, named in an error only (its description costs more than the check) */
  private FakeReplica local(int node, Replica r, Object what) throws BartAgentException {
    FakeReplica found = cluster.replica(node, r.blockId());
    if (found == null) {
      throw new BartAgentException(what + ": " + r + " not found on DataNode " + node);
    }
    if (found.genStamp != r.genStamp() || found.length != r.numBytes()) {
      throw new BartAgentException(what + ": " + r + " is stored as genstamp " + found.genStamp
          + ", " + found.length + " bytes");
    }
    return found;
  }

  /** Whether {@code node} holds {@code target} already with these bytes (a retry). */
  private boolean stored(int node, Replica target, byte[] bytes, Object what)
      throws BartAgentException {
    FakeReplica there = cluster.replica(node, target.blockId());
    if (there == null) {
      return false;
    }
    if (there.genStamp != target.genStamp() || !Arrays.equals(there.bytes, bytes)) {
      throw new BartAgentException(what + ": target id already used by another replica");
    }
    return true;
  }

  private static OpResult result(OpResult.Path path, long sent, long received) {
    return new OpResult(path, 0, 0, sent, received, 0);
  }
}
