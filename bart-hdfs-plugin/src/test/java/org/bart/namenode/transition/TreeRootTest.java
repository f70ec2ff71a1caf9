package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bart.fake.FakeCluster;
import org.bart.namenode.hdfs.Namespace;
import org.junit.jupiter.api.Test;

/** The tree by its inode, and its paths shown to the operator as under the path they named. */
class TreeRootTest {

  @Test
  void pathsUnderTheInodeAreShownUnderTheNamedPath() throws Exception {
    FakeCluster cluster = new FakeCluster(1, false);
    cluster.namespace().createFile("/data/sub/f", "alice", "alices", (short) 0644, null, 1024);
    Namespace ns = cluster.start().namespace();
    TreeRoot t = TreeRoot.of(ns, "/data");
    long id = ns.info("/data").fileId();
    assertEquals("/.reserved/.inodes/" + id, t.root);
    assertEquals(ns.info("/data/sub/f").fileId(), ns.info(t.root + "/sub/f").fileId());
    assertEquals("/data/sub/f", t.display(t.root + "/sub/f"));
    assertEquals("/data", t.display(t.root));
    assertEquals("/elsewhere", t.display("/elsewhere"));
    assertEquals("refusing /data/.bart/staging/b1: owned by mallory; and /data/x, not "
        + t.root + "7/y", t.displayAll("refusing " + t.root + "/.bart/staging/b1: owned by "
        + "mallory; and " + t.root + "/x, not " + t.root + "7/y"));
    TreeRoot top = TreeRoot.of(ns, "/");
    assertEquals("/data/sub/f", top.display(top.root + "/data/sub/f"));
    assertNull(TreeRoot.of(ns, "/no/such"));
  }
}
