package org.bart.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.util.GenericOptionsParser;
import org.bart.admin.ProgressLine;
import org.bart.protocol.CoordinatorClient;
import org.bart.protocol.proto.CoordinatorProtos.AgentEntryProto;
import org.bart.protocol.proto.CoordinatorProtos.JobStatusProto;

/** {@code bart -status}: the coordinator's transition jobs and the agents it knows. */
public final class StatusCommand implements BartCommand {

  @Override
  public List<String> names() {
    return Arrays.asList("-status");
  }

  @Override
  public String summary() {
    return "show transition jobs and DataNode agents (HDFS)";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Configuration conf = new HdfsConfiguration();
    new GenericOptionsParser(conf, args);
    try (CoordinatorClient c = CoordinatorClient.connect(conf)) {
      List<JobStatusProto> jobs = c.listJobs();
      out.println("Transition jobs: " + (jobs.isEmpty() ? "none since the NameNode started" : ""));
      for (JobStatusProto j : jobs) {
        out.printf(Locale.ROOT, "  job %d %s %s%s%n", j.getJobId(), j.getPath(), j.getState(),
            j.hasError() ? ": " + j.getError() : "");
        out.println("    " + ProgressLine.describe(j));
      }
      List<AgentEntryProto> agents = c.listAgents().getAgentsList();
      long ready = agents.stream().filter(AgentEntryProto::getReady).count();
      out.printf(Locale.ROOT, "DataNode agents: %d registered, %d ready%n", agents.size(), ready);
      for (AgentEntryProto a : agents) {
        out.printf(Locale.ROOT, "  %-40s %-22s %s, last heard %d ms ago%n", a.getDatanodeUuid(),
            a.getAgentAddress(), a.getReady() ? "ready" : "NOT READY", a.getLastSeenMsAgo());
      }
    }
    return 0;
  }
}
