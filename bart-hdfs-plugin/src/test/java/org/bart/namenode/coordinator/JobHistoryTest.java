package org.bart.namenode.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bart.protocol.proto.CoordinatorProtos.JobHistoryProto;
import org.bart.protocol.proto.CoordinatorProtos.JobState;
import org.bart.protocol.proto.CoordinatorProtos.JobStatusProto;
import org.junit.jupiter.api.Test;

/** The kept history stays within its bounds and keeps the newest jobs. */
class JobHistoryTest {

  private static JobStatusProto job(long id, String error, String report) {
    JobStatusProto.Builder b = JobStatusProto.newBuilder().setJobId(id).setPath("/t" + id)
        .setState(error == null ? JobState.SUCCEEDED : JobState.FAILED).setPhase("done")
        .setGroupsDone(3).setGroupsTotal(3).setBytesMoved(10).setBytesPlanned(10)
        .setElapsedMs(5).setReportJson(report);
    if (error != null) {
      b.setError(error);
    }
    return b.build();
  }

  private static String repeat(char c, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(c);
    }
    return b.toString();
  }

  @Test
  void theNewestJobsAreKeptWithoutReportsAndWithShortErrors() {
    List<JobStatusProto> jobs = new ArrayList<>();
    for (long id = 1; id <= 120; id++) {
      jobs.add(job(id, id % 2 == 0 ? repeat('e', 5000) : null, repeat('r', 20_000)));
    }
    JobHistoryProto h = JobHistory.bounded(jobs);
    assertTrue(h.getSerializedSize() <= JobHistory.MAX_BYTES, h.getSerializedSize() + " bytes");
    assertTrue(h.getJobsCount() > 0 && h.getJobsCount() <= JobHistory.MAX_JOBS);
    assertEquals(120, h.getJobs(h.getJobsCount() - 1).getJobId(), "the newest job is last");
    for (int i = 0; i < h.getJobsCount(); i++) {
      JobStatusProto j = h.getJobs(i);
      assertEquals(120 - h.getJobsCount() + 1 + i, j.getJobId(), "contiguous, oldest first");
      assertFalse(j.hasReportJson());
      if (j.hasError()) {
        assertEquals(JobHistory.MAX_ERROR_CHARS + 3, j.getError().length());
      }
    }
  }

  @Test
  void aShortHistoryIsKeptWhole() {
    List<JobStatusProto> jobs = new ArrayList<>();
    jobs.add(job(7, null, "{}"));
    jobs.add(job(8, "boom", "{}"));
    JobHistoryProto h = JobHistory.bounded(jobs);
    assertEquals(2, h.getJobsCount());
    assertEquals("boom", h.getJobs(1).getError());
    assertEquals("/t7", h.getJobs(0).getPath());
  }
}
