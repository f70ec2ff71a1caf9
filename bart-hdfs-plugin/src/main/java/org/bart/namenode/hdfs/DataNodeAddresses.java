package org.bart.namenode.hdfs;

import java.util.List;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;

/** DataNodes named for an operator, as HDFS's own messages name them: by transfer address. */
public final class DataNodeAddresses {

  private DataNodeAddresses() {
  }

  /** "host:port, host:port, ..." in the given order; empty for none. */
  public static String of(List<DatanodeInfo> nodes) {
    StringBuilder out = new StringBuilder();
    for (DatanodeInfo dn : nodes) {
      out.append(out.length() == 0 ? "" : ", ").append(dn.getXferAddr());
    }
    return out.toString();
  }
}
