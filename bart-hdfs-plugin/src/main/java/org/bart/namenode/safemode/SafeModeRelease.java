package org.bart.namenode.safemode;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.HdfsConstants.SafeModeAction;
import org.apache.hadoop.util.Time;
import org.bart.namenode.hdfs.InodePaths;
import org.bart.namenode.hdfs.NameNodeInternals;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.TreeIndex;
import org.bart.namenode.metadata.WideLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a restarted NameNode leave startup safe mode as it would with stock EC files. HDFS counts
 * a block group safe once its data blocks are reported, so a data-only group (m = 0) with one
 * block on a dead DataNode is never safe, and the NameNode would wait forever although the wide
 * group rebuilds that block. Checked periodically during startup safe mode: when the blocks the
 * NameNode still waits for are all units of wide groups that lost no more than m units, and this
 * held for the safe-mode extension, safe mode is left (as {@code hdfs dfsadmin -safemode leave},
 * through the public client API) so that repair can run. Anything else (DataNodes missing, a
 * block BART cannot rebuild, a manual safe mode) is left to the NameNode and the operator.
 */
public final class SafeModeRelease {

  private static final Logger LOG = LoggerFactory.getLogger(SafeModeRelease.class);

  private final NameNodeInternals nn;
  private final InodePaths paths;
  private final long extensionMs;
  /** Since when the condition holds (monotonic ms), or -1. */
  private long since = -1;

  /**
   * @param extensionMs how long the condition must hold (dfs.namenode.safemode.extension)
   */
  public SafeModeRelease(NameNodeInternals nn, InodePaths paths, long extensionMs) {
    this.nn = nn;
    this.paths = paths;
    this.extensionMs = extensionMs;
  }

  /**
   * One check; leaves safe mode through {@code dfs} when due.
   *
   * @return true if it left safe mode
   */
  public synchronized boolean check(DistributedFileSystem dfs) throws IOException {
    long needed = nn.isActiveInStartupSafeMode() ? SafeModeTip.blocksNeeded(nn.safeModeTip()) : 0;
    if (needed <= 0 || rebuildable(dfs, needed) < needed) {
      since = -1;
      return false;
    }
    long now = Time.monotonicNow();
    if (since < 0) {
      since = now;
    }
    if (now - since < extensionMs) {
      return false;
    }
    LOG.warn("Leaving safe mode: the {} blocks the NameNode waits for are units of BART wide "
        + "groups that repair rebuilds ({})", needed, nn.safeModeTip().trim());
    dfs.setSafeMode(SafeModeAction.SAFEMODE_LEAVE);
    since = -1;
    return true;
  }

  /**
   * Blocks the NameNode counts unsafe that BART rebuilds: each member block group with a lost
   * data unit and each lost wide parity, in wide groups that lost at most m units. Stops
   * counting at {@code enough}.
   */
  private long rebuildable(DistributedFileSystem dfs, long enough) throws IOException {
    long count = 0;
    for (String tree : TreeIndex.trees(dfs, paths)) {
      Path groups = new Path(BartPaths.groupsDir(tree));
      if (!dfs.exists(groups)) {
        continue;
      }
      for (FileStatus parity : dfs.listStatus(groups)) {
        count += rebuildable(WideLayout.load(dfs, parity.getPath().toUri().getPath()));
        if (count >= enough) {
          return count;
        }
      }
    }
    return count;
  }

  private static long rebuildable(WideLayout l) {
    List<Integer> lost = l.lostUnits();
    if (lost.isEmpty() || lost.size() > l.code.m()) {
      return 0;
    }
    int k = l.code.k();
    long blocks = 0;
    int lastMember = -1;
    for (int u : lost) {
      if (u >= l.code.dataUnits()) {
        blocks++; // a wide parity: a block of its own
      } else if (u / k != lastMember && !l.goneMembers.contains(u / k)) {
        lastMember = u / k; // a member's block group: unsafe once, whatever it lost
        blocks++;
      }
    }
    return blocks;
  }
}
