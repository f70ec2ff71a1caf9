package org.bart.namenode.transition;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.io.erasurecode.ECSchema;
import org.bart.fake.FakeCluster;
import org.bart.plan.approach.Approach;
import org.bart.report.TransitionReport;

/**
 * The coordinator's phases (plan, stage, verify, commit, clean up) run against the in-memory seams
 * at warehouse scale: {@code --stripes} narrow stripes of files of full 256 MiB-block groups on
 * {@code --nodes} simulated DataNodes that keep sizes only, transitioned in batches of {@code
 * --batch-stripes} (each batch a tree of its own on a fresh fake cluster of the same nodes, the
 * way bounded batches bound what the coordinator holds). It prints, per batch and in total, the
 * JVM's CPU time per stripe (the coordinator and the fakes it calls), the heap the finished job
 * and discovery's candidate files hold per stripe (measured after a GC with and without them),
 * the JVM's peak heap, and the plan's max_load and bandwidth beside what the executed operations
 * moved. Run by {@code scripts/simulate-coordinator.sh}; {@code CoordinatorSimulationTest} runs
 * it tiny.
 *
 * <p>Options: {@code --stripes N --nodes N --batch-stripes N --groups-per-file N --code K,M,LAMBDA
 * --approach LSPM --seed N}.
 */
public final class CoordinatorSimulation {

  private static final long BLOCK = 256L << 20;

  private CoordinatorSimulation() {
  }

  public static void main(String[] args) throws Exception {
    if (!run(args, System.out)) {
      System.exit(1);
    }
  }

  /** Runs the simulation; false if a batch did not commit everything or moved other than planned. */
  static boolean run(String[] args, PrintStream out) throws IOException {
    Map<String, String> o = options(args);
    long stripes = Long.parseLong(o.getOrDefault("--stripes", "1000000"));
    int nodes = Integer.parseInt(o.getOrDefault("--nodes", "1000"));
    int batch = Integer.parseInt(o.getOrDefault("--batch-stripes", "30000"));
    int perFile = Integer.parseInt(o.getOrDefault("--groups-per-file", "3"));
    String[] code = o.getOrDefault("--code", "6,3,3").split(",");
    int k = Integer.parseInt(code[0]);
    int m = Integer.parseInt(code[1]);
    int lambda = Integer.parseInt(code[2]);
    Approach approach = Approach.valueOf(o.getOrDefault("--approach", "LSPM"));
    long seed = Long.parseLong(o.getOrDefault("--seed", "1"));
    ErasureCodingPolicy policy =
        new ErasureCodingPolicy(new ECSchema("rs-legacy", k, m), 1 << 20, (byte) 65);
    int unit = perFile * lambda / gcd(perFile, lambda); // files and wide groups both whole
    batch = Math.max(unit, batch / unit * unit);
    out.printf(Locale.ROOT, "%d stripes of %s (%d MiB blocks) on %d DataNodes, lambda %d, %s, "
        + "batches of %d stripes%n", stripes, policy.getName(), BLOCK >> 20, nodes, lambda,
        approach.label(), batch);
    out.println("batch  stripes  cpu_us/stripe  wall_ms  retained_B/stripe  max_load  bandwidth"
        + "  measured_max_load  measured_bandwidth");
    SplittableRandom random = new SplittableRandom(seed);
    boolean ok = true;
    long done = 0;
    long cpuNanos = 0;
    long wallMs = 0;
    long maxRetainedPerStripe = 0;
    long sumMaxLoad = 0;
    long sumBandwidth = 0;
    Map<String, Long> phaseMs = new LinkedHashMap<>();
    for (int b = 0; done < stripes; b++) {
      int n = (int) Math.min(batch, (stripes - done) / unit * unit);
      if (n == 0) {
        break;
      }
      FakeCluster cluster = new FakeCluster(nodes, false);
      String tree = "/warehouse/batch-" + b;
      List<CandidateFile> files = SizedTree.write(cluster, tree, policy, n / perFile, perFile,
          BLOCK, random);
      long cpu0 = cpuNanos();
      long wall0 = System.nanoTime();
      BatchRun run = FakeTransition.run(cluster, cluster.start(), tree, files, policy,
          approach, lambda, random.nextInt(Integer.MAX_VALUE));
      TransitionReport r = run.report();
      long cpu = cpuNanos() - cpu0;
      long wall = (System.nanoTime() - wall0) / 1_000_000;
      int fileCount = files.size();
      long withJob = usedAfterGc();
      run = null; // the batch and discovery's candidates: what a batch costs the coordinator
      files = null;
      long retained = Math.max(0, withJob - usedAfterGc());
      boolean batchOk = r.filesCommitted == fileCount
          && r.measuredMaxLoad == r.predictedMaxLoad
          && r.measuredBandwidth == r.predictedBandwidth;
      ok &= batchOk;
      out.printf(Locale.ROOT, "%5d  %7d  %13.1f  %7d  %17d  %8d  %9d  %17d  %18d%s%n", b, n,
          cpu / 1000.0 / n, wall, retained / n, r.predictedMaxLoad, r.predictedBandwidth,
          r.measuredMaxLoad, r.measuredBandwidth, batchOk ? "" : "  <- NOT AS PLANNED");
      done += n;
      cpuNanos += cpu;
      wallMs += wall;
      maxRetainedPerStripe = Math.max(maxRetainedPerStripe, retained / n);
      sumMaxLoad += r.predictedMaxLoad;
      sumBandwidth += r.predictedBandwidth;
      for (TransitionReport.PhaseTime t : r.phases) {
        phaseMs.merge(t.phase, t.millis, Long::sum);
      }
    }
    StringBuilder phases = new StringBuilder();
    for (Map.Entry<String, Long> e : phaseMs.entrySet()) {
      phases.append(phases.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
          .append(String.format(Locale.ROOT, "%.1f", e.getValue() * 1000.0 / Math.max(done, 1)));
    }
    out.printf(Locale.ROOT, "total: %d stripes in %.1f s (wall %.1f s), %.1f us CPU per stripe, "
        + "job and candidates retain at most %d B per stripe of their batch, peak heap %d MiB (max %d MiB)%n",
        done, cpuNanos / 1e9, wallMs / 1e3, cpuNanos / 1000.0 / Math.max(done, 1),
        maxRetainedPerStripe, peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    out.println("wall time per stripe by phase (us): " + phases);
    out.printf(Locale.ROOT, "planned: max_load %d blocks (sum over the batches, run one after "
        + "another), bandwidth %d blocks; executed as planned: %s%n", sumMaxLoad, sumBandwidth,
        ok ? "yes" : "NO");
    return ok;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i], args[i + 1]);
    }
    return o;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** CPU time of the whole JVM, every thread: the coordinator's pools and the fakes they call. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
