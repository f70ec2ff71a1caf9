package org.bart.demo;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system of an embedded cluster ({@code fs.file.impl}): Hadoop's own, except that
 * permissions are read and set through Java's POSIX file attributes. Without Hadoop's native
 * library the stock one forks {@code chmod} and {@code ls} for them: every DataNode start did so
 * for each of its volumes, some 150 processes per 24-DataNode cluster.
 */
public final class ForklessLocalFileSystem extends LocalFileSystem {

  public ForklessLocalFileSystem() {
    super(new Raw());
  }

  /** Hadoop's raw local file system with permissions read and set in this JVM. */
  static final class Raw extends RawLocalFileSystem {

    /** Sets the owner, group and other bits; no DataNode or NameNode directory has a sticky bit. */
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      String rwx = permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL
          + permission.getOtherAction().SYMBOL;
      Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(rwx));
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
      File file = pathToFile(f);
      PosixFileAttributes a;
      try {
        a = Files.readAttributes(file.toPath(), PosixFileAttributes.class);
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException("File " + f + " does not exist");
      }
      FsPermission permission = FsPermission.valueOf(
          (a.isDirectory() ? "d" : "-") + PosixFilePermissions.toString(a.permissions()));
      return new FileStatus(file.length(), a.isDirectory(), 1, getDefaultBlockSize(f),
          a.lastModifiedTime().toMillis(), a.lastAccessTime().toMillis(), permission,
          a.owner().getName(), a.group().getName(),
          new Path(file.getPath()).makeQualified(getUri(), getWorkingDirectory()));
    }
  }
}
