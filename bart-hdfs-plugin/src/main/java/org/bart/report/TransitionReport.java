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
 */
public final class TransitionReport {

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
  public List<PhaseTime> phases = new ArrayList<>();

  public long blocksRelabelled;
  public long blocksLinked;
  public long bytesRelabelled;
  public long blocksSent;
  public long bytesSent;
  public long parityBlocksMerged;
  public long bytesMerged;
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
