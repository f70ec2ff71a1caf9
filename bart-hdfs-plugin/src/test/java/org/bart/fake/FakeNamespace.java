package org.bart.fake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.util.StripedBlockUtil;
import org.bart.namenode.hdfs.ContentChecksum;
import org.bart.namenode.hdfs.CreatedFile;
import org.bart.namenode.hdfs.DataOnlyPolicy;
import org.bart.namenode.hdfs.InodeInfo;
import org.bart.namenode.hdfs.Namespace;
import org.bart.protocol.wide.Replica;

/**
 * The namespace of a {@link FakeCluster}: a tree of {@link FakeInode}s with ids, owners, modes,
 * xattrs, small files and files of blocks, as much of HDFS's semantics as the coordinator relies
 * on: inode paths ({@code /.reserved/.inodes/ID}), rename and rename-over, deletion that frees the
 * replicas of a file's blocks, block allocation that waits (here: fails) until the previous block
 * is reported, and completion only once every replica is reported with its exact length and
 * genstamp. The coordinator, as the superuser {@value #SUPERUSER}, reaches it through a {@link
 * View}; the tests set it up and inspect it directly.
 */
public final class FakeNamespace {

  public static final String SUPERUSER = "hdfs";
  public static final String SUPERGROUP = "supergroup";
  private static final String INODES = "/.reserved/.inodes/";

  private final FakeCluster cluster;
  private final FakeInode root;
  private final Map<Long, FakeInode> byId = new HashMap<>();
  private final Map<String, ErasureCodingPolicy> policies = new HashMap<>();
  private long nextInode = 16385;
  /** Striped groups have negative ids with 4 low bits for the internal index, as in HDFS. */
  private long nextGroupId = Long.MIN_VALUE + (1L << 20);
  private long nextBlockId = 1L << 30;
  private long nextGenStamp = 1001;
  private long clock = 1_700_000_000_000L;

  FakeNamespace(FakeCluster cluster) {
    this.cluster = cluster;
    this.root = new FakeInode(nextInode++, "", true, SUPERUSER, SUPERGROUP, (short) 0755);
    byId.put(root.id, root);
  }

  View viewFor(FakeCluster.Process process) {
    return new View(process);
  }

  // ---- set-up and inspection by tests (not through a process) ----

  /** Makes {@code policy} known (enabled) by its name. */
  public void addPolicy(ErasureCodingPolicy policy) {
    synchronized (cluster) {
      policies.put(policy.getName(), policy);
    }
  }

  /** The inode at {@code path} (or inode path), or null. */
  public FakeInode inode(String path) {
    synchronized (cluster) {
      return resolve(path);
    }
  }

  /** A closed, empty file of {@code policy} written by {@code owner}; add its groups next. */
  public FakeInode createFile(String path, String owner, String group, short mode,
      ErasureCodingPolicy policy, long blockSize) throws IOException {
    synchronized (cluster) {
      FakeInode f = create(path, false, owner, group, mode);
      f.policy = policy;
      f.blockSize = blockSize;
      return f;
    }
  }

  /** Appends a block group of {@code numBytes} data bytes to {@code f}; its replicas come next. */
  public FakeInode.Block addGroup(FakeInode f, long numBytes) {
    synchronized (cluster) {
      refuseIfHeld(f);
      FakeInode.Block b = allocate(f);
      b.numBytes = numBytes;
      f.mtime = ++clock;
      return b;
    }
  }

  /** A user's write to {@code path}: its modification time moves on. */
  public void touch(String path) {
    synchronized (cluster) {
      refuseIfHeld(resolve(path));
      resolve(path).mtime = ++clock;
    }
  }

  /** A user deletes {@code path} (recursively): its replicas are freed. */
  public void userDelete(String path) {
    synchronized (cluster) {
      remove(resolve(path));
    }
  }

  /** A user renames {@code src} to the free path {@code dst} (whose parent exists). */
  public void userRename(String src, String dst) {
    synchronized (cluster) {
      move(resolve(src), resolve(parentOf(dst)), nameOf(dst));
    }
  }

  /** A user reopens the file {@code path} for append and has not closed it yet. */
  public void userReopen(String path) {
    synchronized (cluster) {
      refuseIfHeld(resolve(path));
      resolve(path).underConstruction = true;
    }
  }

  /** Whether a user's write to {@code path} would be refused: BART's commit holds it. */
  public boolean refusesWriters(String path) {
    synchronized (cluster) {
      return resolve(path).heldByBart;
    }
  }

  /** As the NameNode refuses a second writer (AlreadyBeingCreatedException). */
  private static void refuseIfHeld(FakeInode f) {
    if (f.heldByBart) {
      throw new IllegalStateException(f.name + " is held open by BART's commit");
    }
  }

  /** Ids of every replica some file of the namespace refers to (no unit without bytes). */
  public Set<Long> referencedReplicaIds() {
    synchronized (cluster) {
      Set<Long> ids = new HashSet<>();
      for (FakeInode i : byId.values()) {
        for (FakeInode.Block b : i.blocks) {
          for (int u = 0; u < width(i); u++) {
            if (unitLength(i, b, u) > 0) {
              ids.add(b.id + (i.policy == null ? 0 : u));
            }
          }
        }
      }
      return ids;
    }
  }

  /** Paths of every inode under {@code dir}, depth first. */
  public List<String> walk(String dir) {
    synchronized (cluster) {
      List<String> out = new ArrayList<>();
      walk(resolve(dir), out);
      return out;
    }
  }

  private void walk(FakeInode dir, List<String> out) {
    if (dir == null) {
      return;
    }
    for (FakeInode c : dir.children.values()) {
      out.add(c.path());
      walk(c, out);
    }
  }

  /** Units of each block of {@code f}: k + m internal blocks of a group, or 1 replica. */
  static int width(FakeInode f) {
    return f.policy == null ? 1 : f.policy.getNumDataUnits() + f.policy.getNumParityUnits();
  }

  /** Length of unit {@code u} of block {@code b} of {@code f}. */
  static long unitLength(FakeInode f, FakeInode.Block b, int u) {
    return f.policy == null ? b.numBytes
        : StripedBlockUtil.getInternalBlockLength(b.numBytes, f.policy, u);
  }

  // ---- the tree ----

  private FakeInode resolve(String path) {
    FakeInode at = root;
    String rest = path;
    if (path.startsWith(INODES)) { // the inode, then what follows it, as HDFS resolves them
      int slash = path.indexOf('/', INODES.length());
      try {
        at = byId.get(Long.parseLong(slash < 0 ? path.substring(INODES.length())
            : path.substring(INODES.length(), slash)));
      } catch (NumberFormatException e) {
        return null;
      }
      if (at == null || slash < 0) {
        return at;
      }
      rest = path.substring(slash);
    }
    for (String part : rest.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      at = at.directory ? at.children.get(part) : null;
      if (at == null) {
        return null;
      }
    }
    return at;
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private FakeInode mkdirs(String dir, short mode) throws IOException {
    FakeInode at = resolve(dir);
    if (at != null) {
      if (!at.directory) {
        throw new FileAlreadyExistsException(dir + " is a file");
      }
      return at;
    }
    if (dir.startsWith(INODES) && dir.indexOf('/', INODES.length()) < 0) {
      throw new FileNotFoundException(dir + " does not exist"); // an inode gone: nothing made
    }
    FakeInode parent = mkdirs(parentOf(dir), mode);
    FakeInode d = new FakeInode(nextInode++, nameOf(dir), true, SUPERUSER, SUPERGROUP, mode);
    attach(parent, d);
    return d;
  }

  private FakeInode create(String path, boolean directory, String owner, String group,
      short mode) throws IOException {
    if (resolve(path) != null) {
      throw new FileAlreadyExistsException(path + " exists");
    }
    FakeInode parent = mkdirs(parentOf(path), (short) 0755);
    FakeInode f = new FakeInode(nextInode++, nameOf(path), directory, owner, group, mode);
    f.mtime = ++clock;
    f.atime = f.mtime;
    attach(parent, f);
    return f;
  }

  private void attach(FakeInode parent, FakeInode child) {
    child.parent = parent;
    parent.children.put(child.name, child);
    byId.put(child.id, child);
  }

  private void remove(FakeInode i) {
    for (FakeInode c : new ArrayList<>(i.children.values())) {
      remove(c);
    }
    for (FakeInode.Block b : i.blocks) {
      for (int u = 0; u < width(i); u++) {
        cluster.drop(b.id + (i.policy == null ? 0 : u));
      }
    }
    i.parent.children.remove(i.name);
    byId.remove(i.id);
  }

  private void move(FakeInode i, FakeInode newParent, String newName) {
    i.parent.children.remove(i.name);
    i.name = newName;
    i.parent = newParent;
    newParent.children.put(newName, i);
  }

  private FakeInode.Block allocate(FakeInode f) {
    long id;
    if (f.policy == null) {
      id = nextBlockId++;
    } else {
      id = nextGroupId;
      nextGroupId += 16;
    }
    FakeInode.Block b = new FakeInode.Block(id, nextGenStamp++);
    f.blocks.add(b);
    return b;
  }

  /** Whether every replica of {@code b} is on a DataNode with its genstamp and exact length. */
  private String unreported(FakeInode f, FakeInode.Block b) {
    for (int u = 0; u < width(f); u++) {
      long length = unitLength(f, b, u);
      if (length == 0) {
        continue;
      }
      long id = b.id + (f.policy == null ? 0 : u);
      int node = cluster.location(id);
      FakeReplica r = node < 0 ? null : cluster.replica(node, id);
      if (r == null || r.genStamp != b.genStamp || r.length != length) {
        return "blk_" + id + "_" + b.genStamp + " (" + length + " bytes) of " + f.path()
            + (r == null ? " is on no DataNode" : " is stored as genstamp " + r.genStamp
            + ", " + r.length + " bytes");
      }
    }
    return null;
  }

  private static InodeInfo info(String path, FakeInode i) {
    long length = i.content != null ? i.content.length : 0;
    for (FakeInode.Block b : i.blocks) {
      length += b.numBytes;
    }
    return new InodeInfo(path, i.id, i.directory, i.owner, i.group, new FsPermission(i.mode),
        i.acl, length, i.mtime);
  }

  private FakeInode existing(String path) throws FileNotFoundException {
    FakeInode i = resolve(path);
    if (i == null) {
      throw new FileNotFoundException(path + " does not exist");
    }
    return i;
  }

  /** One process's view: the {@link Namespace} the coordinator is given. */
  public final class View implements Namespace {
    private final FakeCluster.Process process;

    View(FakeCluster.Process process) {
      this.process = process;
    }

    @Override
    public InodeInfo info(String path) throws IOException {
      return process.call(() -> {
        FakeInode i = resolve(path);
        return i == null ? null : FakeNamespace.info(path, i);
      });
    }

    @Override
    public List<InodeInfo> list(String dir) throws IOException {
      return process.call(() -> {
        FakeInode d = existing(dir);
        List<InodeInfo> out = new ArrayList<>();
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        for (FakeInode c : d.children.values()) {
          out.add(FakeNamespace.info(prefix + c.name, c));
        }
        return out;
      });
    }

    @Override
    public void mkdir(String dir, short mode) throws IOException {
      process.change("mkdir " + dir, () -> {
        FakeInode d = mkdirs(dir, mode);
        d.mode = mode;
        d.acl = false;
        return null;
      });
    }

    @Override
    public void setReplicated(String dir) throws IOException {
      process.change("replicated " + dir, () -> {
        existing(dir).replicated = true;
        return null;
      });
    }

    @Override
    public void writeFile(String path, byte[] bytes) throws IOException {
      process.change("write " + path, () -> {
        FakeInode old = resolve(path);
        if (old != null) {
          if (old.directory) {
            throw new IOException(path + " is a directory");
          }
          remove(old);
        }
        create(path, false, SUPERUSER, SUPERGROUP, (short) 0644).content = bytes.clone();
        return null;
      });
    }

    @Override
    public byte[] readFile(String path) throws IOException {
      return process.call(() -> {
        FakeInode f = existing(path);
        if (f.content == null) {
          throw new IOException(path + " is not a small file of the fake");
        }
        return f.content.clone();
      });
    }

    @Override
    public byte[] getXAttr(String path, String name) throws IOException {
      return process.call(() -> existing(path).xattrs.get(name));
    }

    @Override
    public void setXAttr(String path, String name, byte[] value) throws IOException {
      process.change("setXAttr " + name + " " + path, () -> {
        existing(path).xattrs.put(name, value.clone());
        return null;
      });
    }

    @Override
    public boolean rename(String src, String dst) throws IOException {
      return process.change("rename " + src + " " + dst, () -> {
        FakeInode s = resolve(src);
        FakeInode d = resolve(dst);
        if (s == null || s == root) {
          return false;
        }
        if (d != null && d.directory) { // into the directory, as HDFS does
          if (d.children.containsKey(s.name)) {
            return false;
          }
          move(s, d, s.name);
          return true;
        }
        FakeInode parent = resolve(parentOf(dst));
        if (d != null || parent == null || !parent.directory) {
          return false;
        }
        move(s, parent, nameOf(dst));
        return true;
      });
    }

    @Override
    public void concat(String target, List<String> sources) throws IOException {
      process.change("concat " + target + " " + sources, () -> {
        FakeInode t = existing(target);
        List<FakeInode> all = new ArrayList<>();
        for (String src : sources) {
          FakeInode s = existing(src);
          // HDFS's own conditions (FSDirConcatOp): same directory, closed, not empty, same kind.
          if (s == t || s.parent != t.parent || s.underConstruction || t.underConstruction
              || s.blocks.isEmpty() || s.policy != null || t.policy != null || s.directory) {
            throw new IOException("cannot concat " + src + " to " + target);
          }
          all.add(s);
        }
        for (FakeInode s : all) {
          t.blocks.addAll(s.blocks);
          s.blocks.clear(); // moved, not freed
          remove(s);
        }
        t.mtime = ++clock;
        return null;
      });
    }

    @Override
    public void replace(String src, String dst) throws IOException {
      process.change("replace " + src + " " + dst, () -> {
        FakeInode s = existing(src);
        FakeInode d = resolve(dst);
        FakeInode parent;
        String name;
        if (dst.startsWith(INODES) && dst.indexOf('/', INODES.length()) < 0) {
          if (d == null) { // HDFS names the inode where it is now: one gone is not there
            throw new FileNotFoundException(dst + " does not exist");
          }
          parent = d.parent;
          name = d.name;
        } else {
          parent = resolve(parentOf(dst));
          name = nameOf(dst);
        }
        if (d != null) {
          if (d.directory != s.directory || !d.children.isEmpty()) {
            throw new IOException("cannot rename " + src + " over " + dst);
          }
          remove(d);
        }
        if (parent == null || !parent.directory) {
          throw new FileNotFoundException("parent of " + dst + " does not exist");
        }
        move(s, parent, name);
        return null;
      });
    }

    @Override
    public boolean isOpenForWrite(String path) throws IOException {
      return process.call(() -> existing(path).underConstruction);
    }

    @Override
    public boolean holdAgainstWriters(String path) throws IOException {
      return process.change("hold " + path, () -> {
        FakeInode f = existing(path);
        if (f.underConstruction) {
          return false;
        }
        f.underConstruction = true;
        f.heldByBart = true;
        return true;
      });
    }

    @Override
    public boolean releaseHold(String path) throws IOException {
      return process.change("release " + path, () -> {
        FakeInode f = resolve(path);
        if (f == null || !f.heldByBart) {
          return false;
        }
        f.underConstruction = false; // HDFS: closed, then its times set back as they were
        f.heldByBart = false;
        return true;
      });
    }

    @Override
    public boolean delete(String path, boolean recursive) throws IOException {
      return process.change("delete " + path, () -> {
        FakeInode i = resolve(path);
        if (i == null) {
          return false;
        }
        if (i == root || (!recursive && !i.children.isEmpty())) {
          throw new IOException("cannot delete " + path + " (not empty)");
        }
        remove(i);
        return true;
      });
    }

    @Override
    public void copyAttributes(String from, String to) throws IOException {
      process.change("copy attributes " + from + " " + to, () -> {
        FakeInode f = existing(from);
        FakeInode t = existing(to);
        t.owner = f.owner;
        t.group = f.group;
        t.mode = f.mode;
        t.acl = f.acl;
        for (Map.Entry<String, byte[]> x : f.xattrs.entrySet()) {
          String name = x.getKey();
          if ((name.startsWith("user.") || name.startsWith("trusted."))
              && !name.startsWith("trusted.bart.")) {
            t.xattrs.put(name, x.getValue().clone());
          }
        }
        t.mtime = f.mtime;
        t.atime = f.atime;
        return null;
      });
    }

    /**
     * An MD5 of the data units of each block group in order (of the blocks of a replicated
     * file), which for one k and cell size depends only on the file's bytes, as COMPOSITE_CRC
     * does; lengths stand in for bytes in a sizes-only cluster.
     */
    @Override
    public ContentChecksum checksum(String path) throws IOException {
      return process.call(() -> {
        FakeInode f = existing(path);
        MessageDigest md5 = md5();
        int units = f.policy == null ? 1 : f.policy.getNumDataUnits();
        for (FakeInode.Block b : f.blocks) {
          for (int u = 0; u < units; u++) {
            long id = b.id + (f.policy == null ? 0 : u);
            long length = unitLength(f, b, u);
            int node = cluster.location(id);
            FakeReplica r = node < 0 ? null : cluster.replica(node, id);
            if (length > 0 && (r == null || r.length != length)) {
              throw new IOException("checksum of " + path + ": blk_" + id + " unreadable");
            }
            if (length > 0 && r.bytes != null) {
              md5.update(r.bytes);
            } else {
              md5.update(ByteBuffer.allocate(8).putLong(length).array());
            }
          }
        }
        return new ContentChecksum("FAKE-MD5-OF-DATA-UNITS", md5.digest());
      });
    }

    @Override
    public ErasureCodingPolicy ensureDataOnlyPolicy(ErasureCodingPolicy narrow)
        throws IOException {
      return process.change("add policy", () -> {
        ErasureCodingPolicy p = DataOnlyPolicy.of(narrow);
        policies.put(p.getName(), p);
        return p;
      });
    }

    @Override
    public CreatedFile createFile(String path, short mode, String ecPolicyName, long blockSize)
        throws IOException {
      return process.change("create " + path, () -> {
        ErasureCodingPolicy policy = null;
        if (ecPolicyName != null) {
          policy = policies.get(ecPolicyName);
          if (policy == null) {
            throw new IOException("no enabled EC policy " + ecPolicyName);
          }
        }
        FakeInode f = create(path, false, SUPERUSER, SUPERGROUP, mode);
        f.policy = policy;
        f.blockSize = blockSize;
        f.underConstruction = true;
        return new CreatedFile(path, f.id);
      });
    }

    @Override
    public Replica addBlock(CreatedFile file, Replica previous, String favoredNode)
        throws IOException {
      return process.change("addBlock " + file.path(), () -> {
        FakeInode f = open(file);
        if (!f.blocks.isEmpty() || previous != null) {
          FakeInode.Block last = last(f, previous);
          last.numBytes = previous.numBytes();
          String missing = unreported(f, last);
          if (missing != null) { // HDFS: NotReplicatedYetException until the retries run out
            throw new IOException("not replicated yet: " + missing);
          }
        }
        FakeInode.Block b = allocate(f);
        return new Replica(FakeCluster.POOL, b.id, b.genStamp, 0);
      });
    }

    @Override
    public void complete(CreatedFile file, Replica last) throws IOException {
      process.change("complete " + file.path(), () -> {
        FakeInode f = open(file);
        if (!f.blocks.isEmpty() || last != null) {
          last(f, last).numBytes = last.numBytes();
        }
        for (FakeInode.Block b : f.blocks) {
          String missing = unreported(f, b);
          if (missing != null) {
            throw new IOException("cannot close " + file.path() + ": " + missing);
          }
        }
        f.underConstruction = false;
        f.mtime = ++clock;
        return null;
      });
    }

    private FakeInode open(CreatedFile file) throws IOException {
      FakeInode f = byId.get(file.fileId());
      if (f == null || !f.underConstruction) {
        throw new IOException("no open file " + file.path() + " (inode " + file.fileId() + ")");
      }
      return f;
    }

    private FakeInode.Block last(FakeInode f, Replica named) throws IOException {
      FakeInode.Block last = f.blocks.isEmpty() ? null : f.blocks.get(f.blocks.size() - 1);
      if (last == null || named == null || last.id != named.blockId()
          || last.genStamp != named.genStamp()) {
        throw new IOException("the last block of " + f.path() + " is not " + named);
      }
      return last;
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
