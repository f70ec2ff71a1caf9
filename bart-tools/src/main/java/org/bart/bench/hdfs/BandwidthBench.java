package org.bart.bench.hdfs;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.io.IOUtils;
import org.bart.codec.WideCode;
import org.bart.conf.BartConfigKeys;
import org.bart.demo.EmbeddedCluster;
import org.bart.protocol.AgentClient;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.ops.MergeOp;
import org.bart.protocol.ops.OpResult;
import org.bart.protocol.ops.OpResult.Path;
import org.bart.protocol.ops.ReplicaAt;
import org.bart.protocol.ops.SendOp;
import org.bart.protocol.proto.CommonProtos.BlockProto;
import org.bart.protocol.wide.AgentNode;

/**
 * Does the agent's bandwidth limit ({@code dfs.bart.agent.bandwidth.per.sec}, per DataNode and
 * direction) hold? On an embedded cluster whose agents all have the limit, three cases move block
 * data through agent operations, every operation of a case issued at once (the agents' worker
 * pools decide what runs in parallel), and each case is timed from the first request to the last
 * answer:
 *
 * <ol>
 *   <li>{@code send 1->1}: {@code blocks} sends from one DataNode to another; both the sender's
 *       send budget and the receiver's receive budget carry every byte;
 *   <li>{@code fan-in N->1}: the same number of blocks sent by {@code senders} DataNodes to one,
 *       so only the receiver's receive budget is saturated;
 *   <li>{@code merge 3->1}: ceil(blocks / 3) merges on one DataNode, each reading three remote
 *       replicas (wide code (6,3,3), parity index 0) and pushing the result to a fourth node, so
 *       the merging node's receive budget carries 3 blocks per merge.
 * </ol>
 *
 * <p>Byte basis: block data crossing the bottleneck link (as the limiter counts it), so the
 * expected time is bytes / limit. Each case runs on DataNodes of its own whose limiters have been
 * idle since start-up; a warm-up send and merge on two further DataNodes loads the code paths
 * first. Sources are full blocks of seeded random bytes.
 */
public final class BandwidthBench {

  /** What to measure. */
  public static final class Settings {
    public long bytesPerSec = 10L << 20;
    public int blocks = 20;
    public long blockSize = 4L << 20;
    public int senders = 4;
    public long seed = 1;
  }

  private static final int LAMBDA = 3;
  private static final WideCode CODE = WideCode.forGeometry(6, 3, LAMBDA);

  private final Settings s;
  private final PrintStream out;
  private List<DataNode> dataNodes;
  private BenchBlocks blocks;

  public BandwidthBench(Settings settings, PrintStream out) {
    if (settings.blocks < 1 || settings.senders < 1 || settings.blockSize < 1
        || settings.blockSize > Integer.MAX_VALUE || settings.bytesPerSec < 1) {
      throw new IllegalArgumentException("bandwidth benchmark needs blocks, senders, block size "
          + "(below 2 GiB) and rate >= 1");
    }
    this.s = settings;
    this.out = out;
  }

  /** DataNodes used: two for the warm-up, then each case's own. */
  int dataNodesNeeded() {
    return 2 + 2 + (s.senders + 1) + (LAMBDA + 2);
  }

  /** Starts the cluster, runs the warm-up and the three cases, and returns their results. */
  public List<RateResult> run() throws Exception {
    File base = new File(System.getProperty("java.io.tmpdir"), "bart-bench-" + System.nanoTime());
    String log = System.getProperty("bart.log.file");
    out.printf(Locale.ROOT, "Starting an embedded HDFS with %d DataNodes, agents limited to "
        + "%.2f MiB/s per direction%s...%n", dataNodesNeeded(), s.bytesPerSec / 1048576.0,
        log == null ? "" : "; its log goes to " + log);
    try (EmbeddedCluster cluster = EmbeddedCluster.builder().dataNodes(dataNodesNeeded())
        .blockSize(s.blockSize).baseDir(base)
        .set(BartConfigKeys.AGENT_BANDWIDTH_PER_SEC, String.valueOf(s.bytesPerSec)).start()) {
      dataNodes = cluster.mini().getDataNodes();
      blocks = new BenchBlocks(cluster, s.blockSize, s.seed);
      warmUp(0, 1);
      List<RateResult> results = new ArrayList<>();
      results.add(send(2, 3));
      results.add(fanIn(4, s.senders));
      results.add(merge(5 + s.senders));
      return results;
    } finally {
      FileUtil.fullyDelete(base);
    }
  }

  /** A merge on node {@code a} of LAMBDA replicas of node {@code b}, stored on b; a send b->a. */
  private void warmUp(int a, int b) throws Exception {
    out.println("  warm-up: one merge and one send between " + label(a) + " and " + label(b));
    List<BlockProto> src = blocks.writeOn(dataNodes.get(b), LAMBDA);
    int[] sourceNodes = new int[LAMBDA];
    Arrays.fill(sourceNodes, b);
    try (Agents agents = new Agents()) {
      List<Callable<OpResult>> ops = new ArrayList<>();
      ops.add(mergeOp(agents.of(a), src, sourceNodes,
          blocks.allocateFor(dataNodes.get(b), 1).get(0), b));
      timed(ops, Path.COMPUTED);
      ops.clear();
      ops.add(sendOp(agents.of(b), src.get(0), blocks.allocateFor(dataNodes.get(a), 1).get(0), a));
      timed(ops, Path.TRANSFERRED);
    }
  }

  private RateResult send(int from, int to) throws Exception {
    String name = "send 1->1";
    out.printf(Locale.ROOT, "  %s: %d blocks %s -> %s%n", name, s.blocks, label(from), label(to));
    List<BlockProto> src = blocks.writeOn(dataNodes.get(from), s.blocks);
    List<BlockProto> dst = blocks.allocateFor(dataNodes.get(to), s.blocks);
    try (Agents agents = new Agents()) {
      List<Callable<OpResult>> ops = new ArrayList<>();
      for (int i = 0; i < s.blocks; i++) {
        ops.add(sendOp(agents.of(from), src.get(i), dst.get(i), to));
      }
      long nanos = timed(ops, Path.TRANSFERRED);
      return new RateResult(name, "send " + label(from) + ", receive " + label(to),
          s.blocks * s.blockSize, s.bytesPerSec, nanos);
    }
  }

  /** {@code senders} nodes from {@code first} on send to the node after them. */
  private RateResult fanIn(int first, int senders) throws Exception {
    int to = first + senders;
    String name = "fan-in " + senders + "->1";
    out.printf(Locale.ROOT, "  %s: %d blocks %s..%s -> %s%n", name, s.blocks, label(first),
        label(to - 1), label(to));
    List<BlockProto> dst = blocks.allocateFor(dataNodes.get(to), s.blocks);
    try (Agents agents = new Agents()) {
      List<Callable<OpResult>> ops = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        int from = first + i;
        int count = s.blocks / senders + (i < s.blocks % senders ? 1 : 0);
        for (BlockProto b : blocks.writeOn(dataNodes.get(from), count)) {
          ops.add(sendOp(agents.of(from), b, dst.get(ops.size()), to));
        }
      }
      long nanos = timed(ops, Path.TRANSFERRED);
      return new RateResult(name, "receive " + label(to), s.blocks * s.blockSize,
          s.bytesPerSec, nanos);
    }
  }

  /** LAMBDA source nodes from {@code first} on, then the merging node, then the target node. */
  private RateResult merge(int first) throws Exception {
    int merger = first + LAMBDA;
    int target = merger + 1;
    int merges = (s.blocks + LAMBDA - 1) / LAMBDA;
    String name = "merge " + LAMBDA + "->1";
    out.printf(Locale.ROOT, "  %s: %d merges on %s of replicas on %s..%s, stored on %s%n", name,
        merges, label(merger), label(first), label(merger - 1), label(target));
    List<List<BlockProto>> src = new ArrayList<>();
    int[] sourceNodes = new int[LAMBDA];
    for (int i = 0; i < LAMBDA; i++) {
      sourceNodes[i] = first + i;
      src.add(blocks.writeOn(dataNodes.get(first + i), merges));
    }
    List<BlockProto> dst = blocks.allocateFor(dataNodes.get(target), merges);
    try (Agents agents = new Agents()) {
      List<Callable<OpResult>> ops = new ArrayList<>();
      for (int j = 0; j < merges; j++) {
        List<BlockProto> sources = new ArrayList<>();
        for (int i = 0; i < LAMBDA; i++) {
          sources.add(src.get(i).get(j));
        }
        ops.add(mergeOp(agents.of(merger), sources, sourceNodes, dst.get(j), target));
      }
      long nanos = timed(ops, Path.COMPUTED);
      return new RateResult(name, "receive " + label(merger) + " (" + LAMBDA + " per merge)",
          (long) merges * LAMBDA * s.blockSize, s.bytesPerSec, nanos);
    }
  }

  private Callable<OpResult> sendOp(AgentClient agent, BlockProto source, BlockProto target,
      int to) throws IOException {
    SendOp op = new SendOp(WideReadConverter.toReplica(source),
        WideReadConverter.toReplica(target), node(to));
    return () -> agent.send(op);
  }

  private AgentNode node(int i) throws IOException {
    return WideReadConverter.toNode(blocks.node(dataNodes.get(i)));
  }

  /** A merge of {@code sources}, source i on node {@code sourceNodes[i]}, into {@code target}. */
  private Callable<OpResult> mergeOp(AgentClient agent, List<BlockProto> sources,
      int[] sourceNodes, BlockProto target, int to) throws IOException {
    List<ReplicaAt> from = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      from.add(new ReplicaAt(WideReadConverter.toReplica(sources.get(i)), node(sourceNodes[i])));
    }
    MergeOp op = new MergeOp(CODE, 0, from, WideReadConverter.toReplica(target), node(to));
    return () -> agent.merge(op);
  }

  /**
   * Issues every operation at once and waits for all.
   *
   * @return nanoseconds from the first request to the last answer
   * @throws IOException if an operation failed or did not move its bytes
   */
  private static long timed(List<Callable<OpResult>> ops, Path expected) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(ops.size());
    try {
      long start = System.nanoTime();
      List<Future<OpResult>> futures = pool.invokeAll(ops);
      long nanos = System.nanoTime() - start;
      for (Future<OpResult> f : futures) {
        OpResult r;
        try {
          r = f.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
        if (r.path() != expected) {
          throw new IOException("a benchmark operation ended " + r.path() + ", not "
              + expected);
        }
      }
      return nanos;
    } finally {
      pool.shutdownNow();
    }
  }

  private String label(int node) {
    return "dn" + node;
  }

  /** The agent connections of one case, by node index, closed together. */
  private final class Agents implements Closeable {
    private final AgentClient[] clients = new AgentClient[dataNodes.size()];

    AgentClient of(int node) throws IOException {
      if (clients[node] == null) {
        clients[node] = blocks.agent(dataNodes.get(node));
      }
      return clients[node];
    }

    @Override
    public void close() {
      for (AgentClient c : clients) {
        IOUtils.closeStream(c);
      }
    }
  }
}
