package org.bart.namenode.hdfs;

import java.io.IOException;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.AddErasureCodingPolicyResponse;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicyInfo;
import org.apache.hadoop.io.erasurecode.ECSchema;

/**
 * The data-only twin of an EC policy: same codec, same k, same cell size, m = 0. It has exactly
 * the data layout of its narrow policy, so stock clients read a transitioned file unchanged.
 * It can only be added through the Java API (the XML loader rejects m = 0), and only from a JVM
 * where {@code ECSchema}'s {@code assert m > 0} is disabled (production runs without -ea).
 */
public final class DataOnlyPolicy {

  private DataOnlyPolicy() {
  }

  /** The data-only twin of {@code narrow} (not yet known to the NameNode). */
  public static ErasureCodingPolicy of(ErasureCodingPolicy narrow) {
    ECSchema s = narrow.getSchema();
    return new ErasureCodingPolicy(new ECSchema(s.getCodecName(), s.getNumDataUnits(), 0),
        narrow.getCellSize());
  }

  /** Whether {@code policy} is a data-only (m = 0) policy. */
  public static boolean isDataOnly(ErasureCodingPolicy policy) {
    return policy.getNumParityUnits() == 0;
  }

  /**
   * Adds (if missing) and enables the data-only twin of {@code narrow}.
   *
   * @return the policy as the NameNode knows it (with its id and name)
   */
  public static ErasureCodingPolicy ensureEnabled(DistributedFileSystem dfs,
      ErasureCodingPolicy narrow) throws IOException {
    ErasureCodingPolicy wanted = of(narrow);
    ErasureCodingPolicy known = find(dfs, wanted.getName());
    if (known == null) {
      AddErasureCodingPolicyResponse[] r =
          dfs.addErasureCodingPolicies(new ErasureCodingPolicy[] {wanted});
      if (!r[0].isSucceed() && find(dfs, wanted.getName()) == null) {
        throw new IOException("cannot add EC policy " + wanted.getName() + ": "
            + r[0].getErrorMsg());
      }
      known = find(dfs, wanted.getName());
    }
    dfs.enableErasureCodingPolicy(known.getName());
    return known;
  }

  private static ErasureCodingPolicy find(DistributedFileSystem dfs, String name)
      throws IOException {
    for (ErasureCodingPolicyInfo info : dfs.getAllErasureCodingPolicies()) {
      if (info.getPolicy().getName().equals(name)) {
        return info.getPolicy();
      }
    }
    return null;
  }
}
