package org.bart.namenode.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.apache.hadoop.io.IOUtils;
import org.bart.protocol.proto.MetadataProtos.BatchProto;

/**
 * The durable records of transition batches of one tree ({@code TREE/.bart/staging/BATCH/batch}),
 * each replaced atomically (written aside, then renamed over). A batch's record says whether a
 * crashed run must be rolled back or rolled forward.
 */
public final class BatchStore {

  private static final FsPermission PRIVATE_DIR = new FsPermission((short) 0700);

  private final DistributedFileSystem dfs;
  private final String tree;

  public BatchStore(DistributedFileSystem dfs, String tree) {
    this.dfs = dfs;
    this.tree = tree;
  }

  /**
   * Creates {@code .bart}, its groups and staging directories, private to the superuser, and
   * replicated whatever the tree's EC policy (BART's own small files are not erasure coded).
   */
  public void ensureDirs() throws IOException {
    for (String d : new String[] {BartPaths.hidden(tree), BartPaths.groupsDir(tree),
        BartPaths.stagingDir(tree)}) {
      Path p = new Path(d);
      if (!dfs.exists(p)) {
        dfs.mkdirs(p, PRIVATE_DIR);
        dfs.setPermission(p, PRIVATE_DIR);
      }
    }
    dfs.setErasureCodingPolicy(new Path(BartPaths.hidden(tree)),
        SystemErasureCodingPolicies.getReplicationPolicy().getName());
  }

  public void write(BatchProto batch) throws IOException {
    Path dir = new Path(BartPaths.batchDir(tree, batch.getId()));
    dfs.mkdirs(dir, PRIVATE_DIR);
    Path tmp = new Path(dir, "batch.tmp");
    try (OutputStream out = dfs.create(tmp, true)) {
      batch.writeTo(out);
    }
    dfs.rename(tmp, new Path(BartPaths.batchRecord(tree, batch.getId())),
        Options.Rename.OVERWRITE);
  }

  /** The record of {@code batchId}, or null if the batch never wrote one. */
  public BatchProto read(String batchId) throws IOException {
    Path p = new Path(BartPaths.batchRecord(tree, batchId));
    if (!dfs.exists(p)) {
      return null;
    }
    InputStream in = dfs.open(p);
    try {
      return BatchProto.parseFrom(in);
    } finally {
      IOUtils.closeStream(in);
    }
  }

  /** Ids of the batches with a staging directory (unfinished or not cleaned up). */
  public List<String> batchIds() throws IOException {
    List<String> ids = new ArrayList<>();
    Path staging = new Path(BartPaths.stagingDir(tree));
    if (dfs.exists(staging)) {
      for (FileStatus s : dfs.listStatus(staging)) {
        if (s.isDirectory()) {
          ids.add(s.getPath().getName());
        }
      }
    }
    return ids;
  }

  /** Deletes the batch's staging directory (its twins and record). */
  public void deleteStaging(String batchId) throws IOException {
    dfs.delete(new Path(BartPaths.batchDir(tree, batchId)), true);
  }
}
