package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.EncryptionZone;
import org.apache.hadoop.hdfs.protocol.ErasureCodingPolicy;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.hdfs.protocol.LocatedBlocks;
import org.apache.hadoop.hdfs.protocol.SnapshottableDirectoryStatus;
import org.apache.hadoop.security.AccessControlException;
import org.bart.codec.NarrowCodec;
import org.bart.codec.WideCode;
import org.bart.codec.WideCodeUnavailableException;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.hdfs.DataNodeAddresses;
import org.bart.namenode.hdfs.DataOnlyPolicy;
import org.bart.report.SkippedFile;

/**
 * Phase 1: finds, one at a time, the files under a tree that can be transitioned, and says for
 * every other file why not. A file qualifies when it is closed, erasure coded with a policy whose
 * parity merges, outside snapshots and encryption zones, and every block group is whole: all
 * internal blocks known on distinct DataNodes that run a BART agent. A partial block group (a
 * small file, a file's tail) has no internal block for a data unit without bytes: that unit is a
 * known zero of the wide code, not a block to find. Files of every policy class
 * ({@link PolicyClass}) qualify, each class transitioned on its own, unless the class has no wide
 * code whose parity merges per index with the run's lambda, or the cluster has too few DataNodes
 * for its wide groups: then its files are skipped with that reason. The tree is streamed ({@link TreeWalk}): what discovery holds does not grow with
 * the tree, only the batch being filled holds candidates.
 */
public final class Discovery implements BatchSource.Candidates {

  static final String ALREADY_TRANSITIONED = "already transitioned";
  /** The xattr by which a file's owner keeps even the superuser from reading it. */
  static final String UNREADABLE_BY_SUPERUSER = "security.hdfs.unreadable.by.superuser";

  private final DistributedFileSystem dfs;
  private final Set<String> nodesWithAgents;
  private final List<String> snapshotted;
  private final List<String> zones;
  private final TreeWalk walk;
  private final CurrentPath currentPath;
  private final int lambda;
  /** Per class met so far: null if it can be transitioned, else why not. */
  private final Map<PolicyClass, String> refusals = new HashMap<>();
  /** Per policy whose class was refused: the reason and how many files it cost. */
  private final Map<String, ClassRefusal> refused = new LinkedHashMap<>();

  /** A policy class this run cannot transition: why, and the files skipped for it. */
  static final class ClassRefusal {
    final String reason;
    int files;

    ClassRefusal(String reason) {
      this.reason = reason;
    }
  }

  /**
   * @param nodesWithAgents uuids of the live DataNodes whose agents are ready
   * @param tree the tree, as an inode path ({@link TreeRoot})
   * @param lambda narrow stripes per wide group, for every class
   * @param currentPath a path under {@code tree} as a plain path now (snapshottable directories
   *     and encryption zones are known by such paths)
   */
  Discovery(DistributedFileSystem dfs, Set<String> nodesWithAgents, String tree, int lambda,
      CurrentPath currentPath) throws IOException {
    this.dfs = dfs;
    this.nodesWithAgents = nodesWithAgents;
    this.lambda = lambda;
    this.currentPath = currentPath;
    this.snapshotted = snapshottedDirs();
    this.zones = encryptionZones();
    this.walk = new TreeWalk(dfs, tree);
  }

  /** A path under the tree's inode path as a plain path now. */
  interface CurrentPath {
    String of(String underRoot) throws IOException;
  }

  /**
   * The next file that qualifies, or null when the tree has no more; every file passed over on
   * the way is given to {@code skipped} with its reason.
   */
  @Override
  public CandidateFile next(Consumer<SkippedFile> skipped) throws IOException {
    for (String path = walk.next(); path != null; path = walk.next()) {
      CandidateFile[] found = new CandidateFile[1];
      String reason = check(path, found);
      if (reason == null) {
        return found[0];
      }
      skipped.accept(new SkippedFile(path, reason));
    }
    return null;
  }

  /** The policies whose class this run could not transition, by name, in the order met. */
  Map<String, ClassRefusal> refusedPolicies() {
    return refused;
  }

  /** Null if {@code path} qualifies (then {@code found[0]} is it), else why not. */
  private String check(String path, CandidateFile[] found) throws IOException {
    HdfsFileStatus st = dfs.getClient().getFileInfo(path);
    if (st == null) {
      return "deleted during discovery";
    }
    ErasureCodingPolicy p = st.getErasureCodingPolicy();
    if (p == null || p.isReplicationPolicy()) {
      return "not erasure coded (replicated)";
    }
    if (DataOnlyPolicy.isDataOnly(p)) {
      return ALREADY_TRANSITIONED + " (policy " + p.getName() + ")";
    }
    try {
      NarrowCodec.forName(p.getCodecName());
    } catch (IllegalArgumentException e) {
      return "policy " + p.getName() + " uses codec '" + p.getCodecName() + "', whose parity "
          + "BART cannot merge; it merges " + NarrowCodec.names();
    }
    String refusal = refusal(p);
    if (refusal != null) {
      refused.computeIfAbsent(p.getName(), n -> new ClassRefusal(refusal)).files++;
      return refusal;
    }
    String now = currentPath.of(path);
    String under = ancestorIn(now, snapshotted);
    if (under != null) {
      return "in a snapshot of " + under + " (the snapshot would keep the old blocks)";
    }
    under = ancestorIn(now, zones);
    if (under != null) {
      return "in encryption zone " + under + " (a re-labelled file could not be decrypted)";
    }
    if (st.getLen() == 0) {
      return "empty";
    }
    LocatedBlocks lbs;
    try {
      lbs = dfs.getClient().getLocatedBlocks(path, 0, Long.MAX_VALUE);
    } catch (AccessControlException e) {
      if (dfs.getXAttrs(new Path(path)).containsKey(UNREADABLE_BY_SUPERUSER)) {
        return "marked " + UNREADABLE_BY_SUPERUSER + ": the HDFS superuser, as whom BART "
            + "works, may not read its blocks";
      }
      throw e;
    }
    if (lbs.isUnderConstruction()) {
      return "open for write";
    }
    List<BlockGroup> groups = BlockGroup.of(dfs.getClient(), path);
    String why = checkGroups(groups, nodesWithAgents);
    if (why != null) {
      return why;
    }
    found[0] = new CandidateFile(path, st, groups);
    return null;
  }

  /** Null if the class of {@code p} can be transitioned in this run, else why not (once each). */
  private String refusal(ErasureCodingPolicy p) {
    PolicyClass c = PolicyClass.of(p);
    if (!refusals.containsKey(c)) {
      refusals.put(c, classProblem(p));
    }
    return refusals.get(c);
  }

  private String classProblem(ErasureCodingPolicy p) {
    int k = p.getNumDataUnits();
    int m = p.getNumParityUnits();
    try {
      // the merged code, or the re-encoded one where no per-index merge exists
      WideCode.forTransition(NarrowCodec.forName(p.getCodecName()), k, m, lambda);
    } catch (WideCodeUnavailableException e) {
      return "policy " + p.getName() + " (" + PolicyClass.of(p) + ") has no wide code with "
          + "lambda " + lambda + ": " + e.getMessage() + "; this class is left as it is";
    }
    int needed = lambda * k + m;
    if (nodesWithAgents.size() < needed) {
      return "too few DataNodes: policy " + p.getName() + " with lambda " + lambda + " needs "
          + needed + " distinct live DataNodes with ready BART agents for a wide group, and "
          + "there are " + nodesWithAgents.size();
    }
    return null;
  }

  /**
   * Null if a file's block {@code groups} can be transitioned as the NameNode locates them (each
   * internal block once, on its own DataNode, each with a ready agent: uuids {@code
   * nodesWithAgents}),
   * else why not, naming the first group that cannot.
   */
  static String checkGroups(List<BlockGroup> groups, Set<String> nodesWithAgents) {
    for (int gi = 0; gi < groups.size(); gi++) {
      String why = checkGroup(groups.get(gi), nodesWithAgents);
      if (why != null) {
        return "block group " + gi + " " + why;
      }
    }
    return null;
  }

  private static String checkGroup(BlockGroup g, Set<String> nodesWithAgents) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < g.width(); i++) {
      if (g.isAbsent(i)) {
        continue;
      }
      List<DatanodeInfo> copies = g.nodes(i);
      if (copies.isEmpty()) {
        return "has no live replica of internal block " + i + " (wait for HDFS to rebuild it)";
      }
      if (copies.size() > 1) {
        // which copy HDFS keeps is its choice: a plan made now may read the one it deletes
        return "has " + copies.size() + " copies of internal block " + i + " (on "
            + DataNodeAddresses.of(copies) + "); run again once the NameNode has deleted the "
            + "extra ones (a decommissioning DataNode's copy stays until the node is gone)";
      }
      DatanodeInfo node = copies.get(0);
      if (!nodesWithAgents.contains(node.getDatanodeUuid())) {
        return "has internal block " + i + " on DataNode " + node.getXferAddr()
            + ", which has no ready BART agent";
      }
      if (!seen.add(node.getDatanodeUuid())) {
        return "has two internal blocks on DataNode " + node.getXferAddr();
      }
    }
    return null;
  }

  private List<String> snapshottedDirs() throws IOException {
    List<String> dirs = new ArrayList<>();
    SnapshottableDirectoryStatus[] all = dfs.getSnapshottableDirListing();
    if (all != null) {
      for (SnapshottableDirectoryStatus s : all) {
        if (s.getSnapshotNumber() > 0) {
          dirs.add(s.getFullPath().toUri().getPath());
        }
      }
    }
    return dirs;
  }

  private List<String> encryptionZones() throws IOException {
    List<String> zones = new ArrayList<>();
    RemoteIterator<EncryptionZone> it = dfs.listEncryptionZones();
    while (it.hasNext()) {
      zones.add(it.next().getPath());
    }
    return zones;
  }

  private static String ancestorIn(String path, List<String> dirs) {
    for (String d : dirs) {
      if (path.equals(d) || path.startsWith(d.endsWith("/") ? d : d + "/")) {
        return d;
      }
    }
    return null;
  }
}
