package org.bart.namenode.hdfs;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.XAttrSetFlag;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.DirectoryListing;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.hdfs.protocol.SystemErasureCodingPolicies;
import org.apache.hadoop.io.IOUtils;
import org.bart.protocol.WideReadConverter;
import org.bart.protocol.wide.Replica;

/** The {@link Namespace} of a running NameNode, through the coordinator's superuser client. */
public final class HdfsNamespace implements Namespace {

  private final DistributedFileSystem dfs;
  /** Names inodes by their paths now, for the calls HDFS refuses on inode paths; or null. */
  private final InodePaths paths;
  /** This run's hold of files it commits against other writers. */
  private final WriterHold hold = new WriterHold();

  public HdfsNamespace(DistributedFileSystem dfs) {
    this(dfs, null);
  }

  /** @param paths names an inode by its path now, for {@link #concat} of inode paths */
  public HdfsNamespace(DistributedFileSystem dfs, InodePaths paths) {
    this.dfs = dfs;
    this.paths = paths;
  }

  @Override
  public InodeInfo info(String path) throws IOException {
    HdfsFileStatus st;
    try {
      st = dfs.getClient().getFileInfo(path);
    } catch (FileNotFoundException e) {
      return null; // an inode path whose inode is gone throws instead of answering null
    }
    return st == null ? null : toInfo(path, st);
  }

  @Override
  public List<InodeInfo> list(String dir) throws IOException {
    List<InodeInfo> entries = new ArrayList<>();
    byte[] after = HdfsFileStatus.EMPTY_NAME;
    DirectoryListing part;
    do {
      part = dfs.getClient().listPaths(dir, after);
      if (part == null) {
        throw new FileNotFoundException("directory " + dir + " does not exist");
      }
      for (HdfsFileStatus st : part.getPartialListing()) {
        entries.add(toInfo(new Path(dir, st.getLocalName()).toUri().getPath(), st));
      }
      after = part.getLastName();
    } while (part.hasMore());
    return entries;
  }

  private static InodeInfo toInfo(String path, HdfsFileStatus st) {
    return new InodeInfo(path, st.getFileId(), st.isDirectory(), st.getOwner(), st.getGroup(),
        st.getPermission(), st.hasAcl(), st.getLen(), st.getModificationTime());
  }

  @Override
  public void mkdir(String dir, short mode) throws IOException {
    Path p = new Path(dir);
    FsPermission permission = new FsPermission(mode);
    dfs.mkdirs(p, permission);
    dfs.setPermission(p, permission); // mkdirs applies the umask
    if (dfs.getFileStatus(p).hasAcl()) {
      dfs.removeAcl(p); // inherited from a default ACL above
    }
  }

  @Override
  public void setReplicated(String dir) throws IOException {
    dfs.setErasureCodingPolicy(new Path(dir),
        SystemErasureCodingPolicies.getReplicationPolicy().getName());
  }

  @Override
  public void writeFile(String path, byte[] bytes) throws IOException {
    try (OutputStream out = dfs.create(new Path(path), true)) {
      out.write(bytes);
    }
  }

  @Override
  public byte[] readFile(String path) throws IOException {
    InputStream in = dfs.open(new Path(path));
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      IOUtils.copyBytes(in, buf, 64 * 1024, false);
      return buf.toByteArray();
    } finally {
      IOUtils.closeStream(in);
    }
  }

  @Override
  public byte[] getXAttr(String path, String name) throws IOException {
    return dfs.getXAttrs(new Path(path)).get(name);
  }

  @Override
  public void setXAttr(String path, String name, byte[] value) throws IOException {
    dfs.setXAttr(new Path(path), name, value,
        EnumSet.of(XAttrSetFlag.CREATE, XAttrSetFlag.REPLACE));
  }

  @Override
  public boolean rename(String src, String dst) throws IOException {
    return dfs.rename(new Path(src), new Path(dst));
  }

  @Override
  public void concat(String target, List<String> sources) throws IOException {
    Path[] plain = new Path[sources.size()];
    for (int i = 0; i < plain.length; i++) {
      plain[i] = plainPath(sources.get(i));
    }
    dfs.concat(plainPath(target), plain);
  }

  /**
   * {@code path} as a plain path: HDFS refuses concat on /.reserved paths, which is how a run
   * names what it stages, and lists open files by plain path. If a user renames the tree between
   * this and the concat, the concat fails (or touches only files the user made there) and the
   * batch rolls back.
   */
  private Path plainPath(String path) throws IOException {
    if (!path.startsWith("/.reserved/")) {
      return new Path(path);
    }
    HdfsFileStatus st = dfs.getClient().getFileInfo(path);
    if (st == null) {
      throw new FileNotFoundException(path);
    }
    return plainPath(path, st);
  }

  /** {@code path}, whose status is {@code st}, as a plain path (see above). */
  private Path plainPath(String path, HdfsFileStatus st) throws IOException {
    if (!path.startsWith("/.reserved/")) {
      return new Path(path);
    }
    String now = paths == null ? null : paths.pathOf(st.getFileId());
    if (now == null) {
      throw new IOException("cannot name " + path + " by its path, which HDFS needs here: "
          + "no inode paths in this namespace");
    }
    return new Path(now);
  }

  @Override
  public void replace(String src, String dst) throws IOException {
    dfs.rename(new Path(src), new Path(dst), Options.Rename.OVERWRITE);
  }

  @Override
  public boolean isOpenForWrite(String path) throws IOException {
    return !dfs.isFileClosed(new Path(path));
  }

  @Override
  public boolean holdAgainstWriters(String path) throws IOException {
    return hold.hold(dfs, path);
  }

  @Override
  public boolean releaseHold(String path) throws IOException {
    HdfsFileStatus st = dfs.getClient().getFileInfo(path);
    return st != null && hold.release(dfs, path, st, plainPath(path, st));
  }

  @Override
  public boolean delete(String path, boolean recursive) throws IOException {
    return dfs.delete(new Path(path), recursive);
  }

  @Override
  public void copyAttributes(String from, String to) throws IOException {
    AttributeCopier.copy(dfs, from, to);
  }

  @Override
  public ContentChecksum checksum(String path) throws IOException {
    FileChecksum c = dfs.getFileChecksum(new Path(path));
    return c == null ? null : new ContentChecksum(c.getAlgorithmName(), c.getBytes());
  }

  @Override
  public ErasureCodingPolicy ensureDataOnlyPolicy(ErasureCodingPolicy narrow)
      throws IOException {
    return DataOnlyPolicy.ensureEnabled(dfs, narrow);
  }

  @Override
  public CreatedFile createFile(String path, short mode, String ecPolicyName, long blockSize)
      throws IOException {
    PlacedFile f = PlacedFile.create(dfs.getClient(), path, new FsPermission(mode),
        ecPolicyName, (short) 1, blockSize);
    return new CreatedFile(f.path(), f.fileId());
  }

  @Override
  public Replica addBlock(CreatedFile file, Replica previous, String favoredNode)
      throws IOException {
    return WideReadConverter.toReplica(NameNodeCalls.addBlock(placed(file),
        previous == null ? null : WideReadConverter.toBlock(previous), favoredNode).getBlock());
  }

  @Override
  public void complete(CreatedFile file, Replica last) throws IOException {
    NameNodeCalls.complete(placed(file), WideReadConverter.toBlock(last));
  }

  private PlacedFile placed(CreatedFile file) {
    return PlacedFile.of(dfs.getClient(), file.path(), file.fileId());
  }
}
