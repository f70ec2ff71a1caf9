package org.bart.fake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;

/** An inode of the fake namespace: a directory, a small file or a file of (EC) blocks. */
public final class FakeInode {

  /** A block, or a block group (internal block i has id + i), of a file. */
  public static final class Block {
    public final long id;
    public final long genStamp;
    long numBytes;

    Block(long id, long genStamp) {
      this.id = id;
      this.genStamp = genStamp;
    }

    public long numBytes() {
      return numBytes;
    }
  }

  final long id;
  String name;
  FakeInode parent;
  final boolean directory;
  String owner;
  String group;
  short mode;
  boolean acl;
  long mtime;
  long atime;
  final Map<String, byte[]> xattrs = new HashMap<>();
  /** Of a directory. */
  final TreeMap<String, FakeInode> children = new TreeMap<>();
  /** Of a directory made replicated for what is created under it. */
  boolean replicated;
  /** Of a small file. */
  byte[] content;
  /** Of a file of blocks: null for a replicated file. */
  ErasureCodingPolicy policy;
  long blockSize;
  final List<Block> blocks = new ArrayList<>();
  boolean underConstruction;
  /** Open for write by BART's commit, to keep other writers off (Namespace#holdAgainstWriters). */
  boolean heldByBart;

  FakeInode(long id, String name, boolean directory, String owner, String group, short mode) {
    this.id = id;
    this.name = name;
    this.directory = directory;
    this.owner = owner;
    this.group = group;
    this.mode = mode;
  }

  public long id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public String group() {
    return group;
  }

  public short mode() {
    return mode;
  }

  public long mtime() {
    return mtime;
  }

  /** The file's EC policy, or null if it is replicated (or a directory). */
  public ErasureCodingPolicy policy() {
    return policy;
  }

  public List<Block> blocks() {
    return blocks;
  }

  /** The extended attributes, by name (modifiable: tests set a user's own). */
  public Map<String, byte[]> xattrs() {
    return xattrs;
  }

  String path() {
    if (parent == null) {
      return "/";
    }
    String p = parent.path();
    return (p.equals("/") ? "" : p) + "/" + name;
  }
}
