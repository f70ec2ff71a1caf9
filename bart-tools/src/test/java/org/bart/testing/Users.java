package org.bart.testing;

import java.security.PrivilegedExceptionAction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.security.UserGroupInformation;
import org.bart.client.BartFileSystem;

/** Acting as a given user, e.g. an ordinary one (not the HDFS superuser the tests run as). */
public final class Users {

  private Users() {
  }

  /** A user {@code name} of group {@code name + "s"} only (not the superuser group). */
  public static UserGroupInformation ordinary(String name) {
    return UserGroupInformation.createUserForTesting(name, new String[] {name + "s"});
  }

  public static <T> T as(UserGroupInformation user, PrivilegedExceptionAction<T> action)
      throws Exception {
    return user.doAs(action);
  }

  /** What a user does with a client of the cluster. */
  public interface ClientAction {
    void run(DistributedFileSystem fs) throws Exception;
  }

  /**
   * Runs {@code action} as {@code user} on a new client of the cluster of {@code clusterConf},
   * closed after; a failure comes back unchecked, so that a coordinator's fault hook can call it.
   */
  public static void act(UserGroupInformation user, Configuration clusterConf,
      ClientAction action) {
    try {
      user.doAs((PrivilegedExceptionAction<Void>) () -> {
        try (DistributedFileSystem fs =
            (DistributedFileSystem) FileSystem.newInstance(clusterConf)) {
          action.run(fs);
        }
        return null;
      });
    } catch (Exception e) {
      throw new IllegalStateException(user.getShortUserName() + "'s change failed", e);
    }
  }

  /** A new (uncached) {@link BartFileSystem} of {@code dfs}'s cluster, as {@code user}. */
  public static FileSystem bartClient(UserGroupInformation user, DistributedFileSystem dfs,
      Configuration clusterConf) throws Exception {
    Configuration conf = new Configuration(clusterConf);
    conf.set("fs.hdfs.impl", BartFileSystem.class.getName());
    conf.setBoolean("fs.hdfs.impl.disable.cache", true);
    FileSystem fs = as(user, () -> FileSystem.newInstance(dfs.getUri(), conf));
    if (!(fs instanceof BartFileSystem)) {
      throw new AssertionError("fs.hdfs.impl gave " + fs.getClass());
    }
    return fs;
  }
}
