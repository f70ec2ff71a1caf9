package org.bart.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.util.GenericOptionsParser;
import org.bart.protocol.CoordinatorClient;
import org.bart.report.MaintenanceReport;

/**
 * {@code bart -repair [PATH]} and {@code bart -verify [PATH]}: rebuild and re-place the wide
 * groups of transitioned trees, or check them without changing anything. Exit 1 if a problem
 * remains.
 */
public final class MaintenanceCommand implements BartCommand {

  @Override
  public List<String> names() {
    return Arrays.asList("-repair", "-verify");
  }

  @Override
  public String summary() {
    return "rebuild lost and misplaced units (-repair) or check wide groups (-verify) [PATH]";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Configuration conf = new HdfsConfiguration();
    String[] rest = new GenericOptionsParser(conf, args).getRemainingArgs();
    if (rest.length < 1 || rest.length > 2 || (rest.length == 2 && rest[1].startsWith("-"))) {
      err.println("usage: bart [generic options] -repair|-verify [PATH]");
      return 2;
    }
    boolean repair = "-repair".equals(rest[0]);
    String path = rest.length == 2 ? rest[1] : null;
    String json;
    try (CoordinatorClient c = CoordinatorClient.connect(conf)) {
      json = repair ? c.repair(path) : c.verify(path);
    }
    MaintenanceReport r = MaintenanceReport.fromJson(json);
    out.printf("%s of %s: %d wide groups%n", repair ? "Repair" : "Verification",
        r.trees.isEmpty() ? "(no transitioned tree)" : String.join(", ", r.trees),
        r.groupsChecked);
    for (String a : r.actions) {
      out.println("  " + a);
    }
    for (String p : r.problems) {
      out.println("  PROBLEM " + p);
    }
    out.println(r.problems.isEmpty() ? "OK" : r.problems.size() + " problem(s)");
    return r.problems.isEmpty() ? 0 : 1;
  }
}
