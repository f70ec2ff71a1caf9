package org.bart.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded cluster's local file system reports and sets what Hadoop's stock one does. */
class ForklessLocalFileSystemTest {

  @TempDir
  java.nio.file.Path dir;

  private static FileSystem open(FileSystem fs) throws Exception {
    fs.initialize(FileSystem.getDefaultUri(new Configuration()), new Configuration());
    return fs;
  }

  @Test
  void statusOfFilesAndDirectoriesEqualsTheStockOne() throws Exception {
    java.nio.file.Path file = Files.write(dir.resolve("f"), "twelve bytes".getBytes(
        StandardCharsets.UTF_8));
    java.nio.file.Path sub = Files.createDirectory(dir.resolve("d"));
    try (FileSystem forkless = open(new ForklessLocalFileSystem.Raw());
        FileSystem stock = open(new RawLocalFileSystem())) {
      for (java.nio.file.Path p : new java.nio.file.Path[] {file, sub}) {
        Path path = new Path(p.toUri());
        FileStatus expected = stock.getFileStatus(path);
        FileStatus got = forkless.getFileStatus(path);
        assertEquals(expected.getPath(), got.getPath());
        assertEquals(expected.getLen(), got.getLen(), p.toString());
        assertEquals(expected.isDirectory(), got.isDirectory(), p.toString());
        assertEquals(expected.getPermission(), got.getPermission(), p.toString());
        assertEquals(expected.getOwner(), got.getOwner(), p.toString());
        assertEquals(expected.getGroup(), got.getGroup(), p.toString());
        assertEquals(expected.getModificationTime(), got.getModificationTime(), p.toString());
        assertEquals(expected.getBlockSize(), got.getBlockSize(), p.toString());
      }
      assertEquals(12, forkless.getFileStatus(new Path(file.toUri())).getLen());
    }
  }

  @Test
  void permissionsSetAreThoseTheStockFileSystemReads() throws Exception {
    java.nio.file.Path sub = Files.createDirectory(dir.resolve("volume"));
    Path path = new Path(sub.toUri());
    try (FileSystem forkless = open(new ForklessLocalFileSystem.Raw());
        FileSystem stock = open(new RawLocalFileSystem())) {
      for (String mode : new String[] {"700", "750", "644", "755"}) {
        forkless.setPermission(path, new FsPermission(mode));
        assertEquals(new FsPermission(mode), stock.getFileStatus(path).getPermission(), mode);
        assertEquals(new FsPermission(mode), forkless.getFileStatus(path).getPermission(), mode);
      }
      assertTrue(forkless.mkdirs(new Path(path, "a/b"), new FsPermission("700")));
      assertEquals(new FsPermission("700"),
          stock.getFileStatus(new Path(path, "a/b")).getPermission());
    }
  }

  @Test
  void aMissingPathIsFileNotFound() throws Exception {
    try (FileSystem forkless = open(new ForklessLocalFileSystem.Raw())) {
      Path missing = new Path(dir.resolve("missing").toUri());
      assertThrows(FileNotFoundException.class, () -> forkless.getFileStatus(missing));
      assertFalse(forkless.exists(missing));
    }
  }

  @Test
  void theEmbeddedClustersConfigurationSelectsIt() throws Exception {
    Configuration conf = new Configuration(false);
    conf.setClass("fs.file.impl", ForklessLocalFileSystem.class, FileSystem.class);
    assertSame(ForklessLocalFileSystem.class, FileSystem.getFileSystemClass("file", conf));
  }
}
