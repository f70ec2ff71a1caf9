package org.bart.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.util.GenericOptionsParser;
import org.bart.admin.TransitionRunner;
import org.bart.plan.approach.Approach;
import org.bart.protocol.proto.CoordinatorProtos.StartTransitionRequestProto;

/**
 * {@code bart -transition PATH [-approach LSPM] [-lambda 3] [-bw-profile FILE] [-dry-run]
 * [-json FILE] [-plot FILE.svg] [-seed N] [-batch-groups N]}: transitions every erasure-coded file
 * under PATH into wide stripes, batch by batch. Hadoop's generic options (-D, -conf, -fs) come first. LSPM, our
 * planner, is the default: it beats BART's BTPM on max_load at no more bandwidth.
 */
public final class TransitionCommand implements BartCommand {

  static final String USAGE = "usage: bart [generic options] -transition PATH [-approach "
      + "LSPM|RDPM|BWPM|BTPM|BTWeighted] [-lambda N] [-bw-profile FILE] [-dry-run] [-json FILE] "
      + "[-plot FILE.svg] [-seed N] [-batch-groups N]";

  @Override
  public List<String> names() {
    return Arrays.asList("-transition");
  }

  @Override
  public String summary() {
    return "transition the erasure-coded files under PATH to wide stripes (HDFS)";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Configuration conf = new HdfsConfiguration();
    String[] rest = new GenericOptionsParser(conf, args).getRemainingArgs();
    StartTransitionRequestProto.Builder req = StartTransitionRequestProto.newBuilder()
        .setApproach(Approach.LSPM.label()).setDryRun(false);
    String json = null;
    String plot = null;
    try {
      for (int i = 0; i < rest.length; i++) {
        switch (rest[i]) {
          case "-transition":
            req.setPath(value(rest, ++i, "-transition"));
            break;
          case "-approach":
            req.setApproach(value(rest, ++i, "-approach"));
            break;
          case "-lambda":
            req.setLambda(Integer.parseInt(value(rest, ++i, "-lambda")));
            break;
          case "-bw-profile":
            req.setBandwidthProfile(new String(Files.readAllBytes(
                Paths.get(value(rest, ++i, "-bw-profile"))), StandardCharsets.UTF_8));
            break;
          case "-dry-run":
            req.setDryRun(true);
            break;
          case "-json":
            json = value(rest, ++i, "-json");
            break;
          case "-plot":
            plot = value(rest, ++i, "-plot");
            break;
          case "-batch-groups":
            int groups = Integer.parseInt(value(rest, ++i, "-batch-groups"));
            if (groups < 1) {
              throw new IllegalArgumentException("-batch-groups must be at least 1, got " + groups);
            }
            req.setBatchGroups(groups);
            break;
          case "-seed":
            req.setSeed(Long.parseLong(value(rest, ++i, "-seed")));
            break;
          case "-h":
          case "-help":
            out.println(USAGE);
            return 0;
          default:
            throw new IllegalArgumentException("unknown option " + rest[i]);
        }
      }
      if (!req.hasPath()) {
        throw new IllegalArgumentException("-transition needs a PATH");
      }
    } catch (IllegalArgumentException e) {
      err.println("bart -transition: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    TransitionRunner.Outcome o = new TransitionRunner(conf, out, System.console() != null)
        .run(req.build(), json, plot);
    if (!o.succeeded) {
      err.println("bart -transition: " + o.error);
      return 1;
    }
    return 0;
  }

  static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
