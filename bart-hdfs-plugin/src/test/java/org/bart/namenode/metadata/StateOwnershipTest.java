package org.bart.namenode.metadata;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;

/** Only an inode the superuser owns, that nobody else may write, is trusted as BART's state. */
class StateOwnershipTest {

  private static String problem(boolean dir, String owner, int mode, boolean acl) {
    return StateOwnership.problem("hdfs", true, dir, owner, "supergroup",
        new FsPermission((short) mode), acl);
  }

  @Test
  void thePrivateDirectoryOfTheSuperuserIsTrusted() {
    assertNull(problem(true, "hdfs", 0700, false));
    assertNull(problem(true, "hdfs", 0755, false));
    assertNull(StateOwnership.problem("hdfs", false, false, "hdfs", "g",
        new FsPermission((short) 0600), false));
  }

  @Test
  void anotherOwnerIsNamed() {
    String p = problem(true, "mallory", 0700, false);
    assertTrue(p.contains("owned by mallory:supergroup") && p.contains("not owned by the HDFS "
        + "superuser hdfs"), p);
  }

  @Test
  void groupOrOtherWriteOrAnAclIsRefused() {
    assertTrue(problem(true, "hdfs", 0770, false).contains("rwxrwx---"));
    assertTrue(problem(true, "hdfs", 0702, false).contains("may write"));
    assertTrue(problem(true, "hdfs", 01777, false).contains("may write"));
    assertTrue(problem(true, "hdfs", 0700, true).contains("an ACL"));
  }

  @Test
  void aFileWhereADirectoryBelongsIsRefused() {
    assertTrue(problem(false, "hdfs", 0700, false).contains("not a directory"));
  }
}
