package org.bart.namenode.hdfs;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.permission.AclEntry;
import org.apache.hadoop.fs.permission.AclStatus;
import org.apache.hadoop.fs.permission.AclUtil;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.BlockStoragePolicy;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;

/**
 * Gives a twin everything a user sees of its original besides the bytes: owner, group,
 * permission, ACL, user and trusted extended attributes (not BART's own), storage policy, and
 * last the modification and access times (anything set later would not change them, but keep
 * them last anyway).
 */
public final class AttributeCopier {

  private AttributeCopier() {
  }

  public static void copy(DistributedFileSystem dfs, String from, String to) throws IOException {
    Path src = new Path(from);
    Path dst = new Path(to);
    FileStatus st = dfs.getFileStatus(src);
    dfs.setOwner(dst, st.getOwner(), st.getGroup());
    dfs.setPermission(dst, st.getPermission());
    if (st.hasAcl()) {
      AclStatus acl = dfs.getAclStatus(src);
      List<AclEntry> full = AclUtil.getAclFromPermAndEntries(st.getPermission(),
          acl.getEntries());
      dfs.setAcl(dst, full);
    }
    for (Map.Entry<String, byte[]> x : dfs.getXAttrs(src).entrySet()) {
      String name = x.getKey();
      if ((name.startsWith("user.") || name.startsWith("trusted."))
          && !name.startsWith("trusted.bart.")) {
        dfs.setXAttr(dst, name, x.getValue(),
            EnumSet.of(XAttrSetFlag.CREATE, XAttrSetFlag.REPLACE));
      }
    }
    HdfsFileStatus hst = dfs.getClient().getFileInfo(from);
    if (hst.getStoragePolicy() != HdfsConstants.BLOCK_STORAGE_POLICY_ID_UNSPECIFIED) {
      for (BlockStoragePolicy p : dfs.getClient().getStoragePolicies()) {
        if (p.getId() == hst.getStoragePolicy()) {
          dfs.setStoragePolicy(dst, p.getName());
        }
      }
    }
    dfs.setTimes(dst, st.getModificationTime(), st.getAccessTime());
  }
}
