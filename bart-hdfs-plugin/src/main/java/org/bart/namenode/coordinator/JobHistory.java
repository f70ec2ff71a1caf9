package org.bart.namenode.coordinator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.bart.protocol.proto.CoordinatorProtos.JobHistoryProto;
import org.bart.protocol.proto.CoordinatorProtos.JobStatusProto;

/**
 * The finished transition jobs that {@code -status} shows after a NameNode restart, kept in
 * {@code trusted.bart.jobs} on the root: only the HDFS superuser can read or write a
 * {@code trusted.} xattr, so nobody else can make up or hide a job, and it lives in the
 * NameNode's own edit log. Bounded: the newest {@link #MAX_JOBS} jobs, without their reports and
 * with errors cut to {@link #MAX_ERROR_CHARS} characters, and at most {@link #MAX_BYTES} bytes
 * (well under HDFS's default 16 KiB per xattr, {@code dfs.namenode.fs-limits.max-xattr-size}).
 */
final class JobHistory {

  static final String XATTR = "trusted.bart.jobs";
  static final int MAX_JOBS = 50;
  static final int MAX_BYTES = 8 * 1024;
  static final int MAX_ERROR_CHARS = 300;
  private static final Path ROOT = new Path("/");

  private JobHistory() {
  }

  /** The jobs recorded, oldest first. */
  static List<JobStatusProto> load(DistributedFileSystem dfs) throws IOException {
    byte[] v = dfs.getXAttrs(ROOT).get(XATTR);
    return v == null ? new ArrayList<>() : new ArrayList<>(JobHistoryProto.parseFrom(v).getJobsList());
  }

  /** Records the finished job {@code job} after those already recorded, within the bounds. */
  static synchronized void append(DistributedFileSystem dfs, JobStatusProto job)
      throws IOException {
    List<JobStatusProto> jobs = load(dfs);
    jobs.add(job);
    dfs.setXAttr(ROOT, XATTR, bounded(jobs).toByteArray(),
        EnumSet.of(XAttrSetFlag.CREATE, XAttrSetFlag.REPLACE));
  }

  /** The newest jobs that fit the bounds, as summaries, oldest first. */
  static JobHistoryProto bounded(List<JobStatusProto> jobs) {
    List<JobStatusProto> kept = new ArrayList<>();
    for (JobStatusProto j : jobs.subList(Math.max(0, jobs.size() - MAX_JOBS), jobs.size())) {
      kept.add(summary(j));
    }
    JobHistoryProto h = JobHistoryProto.newBuilder().addAllJobs(kept).build();
    while (h.getSerializedSize() > MAX_BYTES) {
      kept.remove(0);
      h = JobHistoryProto.newBuilder().addAllJobs(kept).build();
    }
    return h;
  }

  private static JobStatusProto summary(JobStatusProto j) {
    JobStatusProto.Builder b = j.toBuilder().clearReportJson();
    if (b.hasError() && b.getError().length() > MAX_ERROR_CHARS) {
      b.setError(b.getError().substring(0, MAX_ERROR_CHARS) + "...");
    }
    return b.build();
  }
}
