package org.bart.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.JobState;
import org.bart.protocol.proto.CoordinatorProtos.JobStatusProto;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;
import org.bart.report.TransitionReport;

/**
 * Starts a transition on the coordinator and follows it to the end: progress while it runs, then
 * the report (text, and optionally JSON and an SVG of the per-node load). The job runs inside the
 * NameNode, so stopping the CLI does not stop it; {@code -status} finds it again.
 */
public final class TransitionRunner {

  /** The first pause between two asks for the job's state; each next one doubles, to a bound. */
  private static final long FIRST_POLL_MS = 20;

  /** What a finished run gives back. */
  public static final class Outcome {
    public final boolean succeeded;
    public final String error;
    public final TransitionReport report;

    Outcome(boolean succeeded, String error, TransitionReport report) {
      this.succeeded = succeeded;
      this.error = error;
      this.report = report;
    }
  }

  private final Configuration conf;
  private final PrintStream out;
  private final boolean terminal;

  public TransitionRunner(Configuration conf, PrintStream out, boolean terminal) {
    this.conf = conf;
    this.out = out;
    this.terminal = terminal;
  }

  /**
   * Runs the transition described by {@code req} and waits for it.
   *
   * @param jsonFile where to write the JSON report, or null
   * @param plotFile where to draw the per-node load (SVG), or null
   */
  public Outcome run(StartTransitionRequestProto req, String jsonFile, String plotFile)
      throws IOException, InterruptedException {
    JobStatusProto status;
    try (CoordinatorClient c = CoordinatorClient.connect(conf)) {
      long job = c.startTransition(req);
      ProgressLine progress = new ProgressLine(out, terminal);
      long pauseMs = FIRST_POLL_MS; // short jobs end soon after they start: ask again soon
      while (true) {
        status = c.getJob(job);
        if (status.getState() != JobState.RUNNING) {
          break;
        }
        progress.show(status);
        Thread.sleep(pauseMs);
        pauseMs = Math.min(2 * pauseMs, terminal ? 200 : 500);
      }
      progress.show(status);
      progress.end();
    }
    TransitionReport report = status.hasReportJson()
        ? TransitionReport.fromJson(status.getReportJson()) : null;
    if (report != null) {
      ReportPrinter.print(report, out);
      if (jsonFile != null) {
        Files.write(Paths.get(jsonFile), report.toJson().getBytes(StandardCharsets.UTF_8));
      }
      if (plotFile != null && report.predictedSend.length > 0) {
        Files.write(Paths.get(plotFile),
            TransitionPlot.svg(report).getBytes(StandardCharsets.UTF_8));
      }
    }
    boolean ok = status.getState() == JobState.SUCCEEDED;
    return new Outcome(ok, ok ? null : status.getError(), report);
  }
}
