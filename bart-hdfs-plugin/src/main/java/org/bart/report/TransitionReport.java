package org.bart.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a transition reports: what it did and skipped, how long each phase took, what moved
 * where (per node, predicted by the plan and measured from the operations), and the storage
 * before and after. Serialised as JSON between the coordinator and the CLI ({@code -json}).
 * Loads are in blocks, as in BART's cost model; bytes are given beside them.
 *
 * <p>A run is a sequence of batches, each reported on its own ({@link #batches}) and added into
 * the run's totals ({@link #addBatch}): counts, bytes and per-node loads are sums, a phase's time
 * is its sum over the batches, and max_load is the sum of the batches' max_loads (batches run one
 * after the other, so that is the run's bound in blocks).
 */
public final class TransitionReport {

  /** Skipped files listed by name at most; {@link #filesSkipped} counts them all. */
  public static final int MAX_LISTED_SKIPPED = 1000;

  /** Wide groups listed with their method and cost at most; the counts below count them all. */
  public static final int MAX_LISTED_GROUPS = 1000;

  /** Time spent in one phase. */
  public static final class PhaseTime {
    public String phase;
    public long millis;

    public PhaseTime() {
    }

    public PhaseTime(String phase, long millis) {
      this.phase = phase;
      this.millis = millis;
    }
  }

  public String tree;
  public String approach;
  public boolean dryRun;
  public String batchId;
  public String narrowPolicy;
  public String dataOnlyPolicy;
  public String wideCode;
  public int lambda;
  public String recovery = "";

  public int filesTransitioned;
  public int stripes;
  public int wideGroups;
  public List<SkippedFile> skipped = new ArrayList<>();
  public int filesSkipped;
  public List<PhaseTime> phases = new ArrayList<>();
  public List<BatchSummary> batches = new ArrayList<>();
  /** Per policy class met, in the order its first batch ran or it was refused. */
  public List<ClassSummary> classes = new ArrayList<>();
  /** Agent calls made again after a timeout or lost connection; back-offs of busy agents. */
  public long agentCallsRetried;
  public long agentBusyWaits;

  public long blocksRelabelled;
  public long blocksLinked;
  public long bytesRelabelled;
  public long blocksSent;
  public long bytesSent;
  public long parityBlocksMerged;
  public long bytesMerged;
  /** Wide parity blocks computed by re-encoding groups from their data. */
  public long parityBlocksEncoded;
  public long bytesEncoded;
  /** Wide groups whose parity is merged per index, and those re-encoded from their data. */
  public int groupsMerged;
  public int groupsReEncoded;
  /** The first {@link #MAX_LISTED_GROUPS} groups: method and planned cost. */
  public List<GroupMethod> groupMethods = new ArrayList<>();
  public long networkBytes;

  /** DataNodes (host:port), in the planner's node order. */
  public List<String> nodes = new ArrayList<>();
  public int[] predictedSend = new int[0];
  public int[] predictedRecv = new int[0];
  public int[] measuredSend = new int[0];
  public int[] measuredRecv = new int[0];
  public int predictedMaxLoad;
  public int measuredMaxLoad;
  public long predictedBandwidth;
  public long measuredBandwidth;

  /** Raw bytes of the transitioned files on DataNodes, before and after (parity included). */
  public long rawBytesBefore;
  public long rawBytesAfter;
  public long dataBytes;

  public int checksumsVerified;
  public int paritiesVerified;
  public int filesCommitted;
  public List<SkippedFile> notCommitted = new ArrayList<>();

  /** Counts a skipped file, listing it if fewer than {@link #MAX_LISTED_SKIPPED} are. */
  public void skip(SkippedFile f) {
    filesSkipped++;
    if (skipped.size() < MAX_LISTED_SKIPPED) {
      skipped.add(f);
    }
  }

  /** Adds the phase time to the one of the same name, or appends it. */
  public void addPhase(String phase, long millis) {
    for (PhaseTime p : phases) {
      if (p.phase.equals(phase)) {
        p.millis += millis;
        return;
      }
    }
    phases.add(new PhaseTime(phase, millis));
  }

  /**
   * Adds one batch's report (its own counts, loads and phases, in the same node order) into this
   * run's totals and lists its summary.
   */
  public void addBatch(TransitionReport b, BatchSummary summary) {
    if (narrowPolicy == null) {
      narrowPolicy = b.narrowPolicy;
      dataOnlyPolicy = b.dataOnlyPolicy;
      wideCode = b.wideCode;
      nodes = b.nodes;
    }
    batchId = b.batchId;
    ClassSummary c = classSummary(b.narrowPolicy);
    c.dataOnlyPolicy = b.dataOnlyPolicy;
    c.wideCode = b.wideCode;
    c.batches++;
    c.files += b.filesTransitioned;
    c.stripes += b.stripes;
    c.wideGroups += b.wideGroups;
    c.filesCommitted += b.filesCommitted;
    c.rawBytesBefore += b.rawBytesBefore;
    c.rawBytesAfter += b.rawBytesAfter;
    summary.policy = b.narrowPolicy;
    filesTransitioned += b.filesTransitioned;
    stripes += b.stripes;
    wideGroups += b.wideGroups;
    for (PhaseTime p : b.phases) {
      addPhase(p.phase, p.millis);
    }
    blocksRelabelled += b.blocksRelabelled;
    blocksLinked += b.blocksLinked;
    bytesRelabelled += b.bytesRelabelled;
    blocksSent += b.blocksSent;
    bytesSent += b.bytesSent;
    parityBlocksMerged += b.parityBlocksMerged;
    bytesMerged += b.bytesMerged;
    parityBlocksEncoded += b.parityBlocksEncoded;
    bytesEncoded += b.bytesEncoded;
    groupsMerged += b.groupsMerged;
    groupsReEncoded += b.groupsReEncoded;
    for (GroupMethod g : b.groupMethods) {
      if (groupMethods.size() < MAX_LISTED_GROUPS) {
        groupMethods.add(g);
      }
    }
    networkBytes += b.networkBytes;
    predictedSend = sum(predictedSend, b.predictedSend);
    predictedRecv = sum(predictedRecv, b.predictedRecv);
    measuredSend = sum(measuredSend, b.measuredSend);
    measuredRecv = sum(measuredRecv, b.measuredRecv);
    predictedMaxLoad += b.predictedMaxLoad;
    measuredMaxLoad += b.measuredMaxLoad;
    predictedBandwidth += b.predictedBandwidth;
    measuredBandwidth += b.measuredBandwidth;
    rawBytesBefore += b.rawBytesBefore;
    rawBytesAfter += b.rawBytesAfter;
    dataBytes += b.dataBytes;
    checksumsVerified += b.checksumsVerified;
    paritiesVerified += b.paritiesVerified;
    filesCommitted += b.filesCommitted;
    notCommitted.addAll(b.notCommitted);
    agentCallsRetried += b.agentCallsRetried;
    agentBusyWaits += b.agentBusyWaits;
    summary.policy = b.narrowPolicy;
    summary.files = b.filesTransitioned;
    summary.stripes = b.stripes;
    summary.wideGroups = b.wideGroups;
    summary.predictedMaxLoad = b.predictedMaxLoad;
    summary.measuredMaxLoad = b.measuredMaxLoad;
    summary.predictedBandwidth = b.predictedBandwidth;
    summary.measuredBandwidth = b.measuredBandwidth;
    summary.filesCommitted = b.filesCommitted;
    summary.phases.addAll(b.phases);
    batches.add(summary);
  }

  /** Records that {@code policy}'s class was left as it is, costing {@code files} files. */
  public void refuseClass(String policy, int files, String reason) {
    ClassSummary c = classSummary(policy);
    c.filesRefused += files;
    c.refusal = reason;
  }

  private ClassSummary classSummary(String policy) {
    for (ClassSummary c : classes) {
      if (c.policy.equals(policy)) {
        return c;
      }
    }
    ClassSummary c = new ClassSummary();
    c.policy = policy;
    classes.add(c);
    return c;
  }

  /**
   * Lists a batch that was rolled back and whose files went on in a later batch: its time counts,
   * its files, stripes and bytes do not (the later batch counts them).
   */
  public void addRolledBackBatch(TransitionReport b, BatchSummary summary) {
    for (PhaseTime p : b.phases) {
      addPhase(p.phase, p.millis);
    }
    agentCallsRetried += b.agentCallsRetried;
    agentBusyWaits += b.agentBusyWaits;
    summary.policy = b.narrowPolicy;
    summary.files = b.filesTransitioned;
    summary.stripes = b.stripes;
    summary.wideGroups = b.wideGroups;
    summary.phases.addAll(b.phases);
    batches.add(summary);
  }

  private static int[] sum(int[] total, int[] add) {
    if (add.length == 0) {
      return total;
    }
    int[] s = total.length == 0 ? new int[add.length] : total.clone();
    for (int i = 0; i < add.length; i++) {
      s[i] += add[i];
    }
    return s;
  }

  /** Fraction of raw storage saved, in percent (0 when nothing was transitioned). */
  public double savingPercent() {
    return rawBytesBefore == 0 ? 0 : 100.0 * (rawBytesBefore - rawBytesAfter) / rawBytesBefore;
  }

  public String toJson() throws IOException {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(this);
  }

  public static TransitionReport fromJson(String json) throws IOException {
    return new ObjectMapper()
        .configure(com.fasterxml.jackson.databind.DeserializationFeature
            .FAIL_ON_UNKNOWN_PROPERTIES, false)
        .readValue(json, TransitionReport.class);
  }
}
