package org.bart.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedBlocks;
import org.bart.codec.WideCode;
import org.bart.codec.WideEncoder;
import org.bart.demo.SampleFiles;
import org.bart.namenode.hdfs.BlockGroup;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.GroupMetadata;
import org.bart.protocol.proto.MetadataProtos.GroupState;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.protocol.proto.MetadataProtos.MemberRefProto;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;


/**
 * Checks the wide groups of a transitioned tree from the outside, with the NameNode's view and
 * the original bytes: metadata consistent, blocks on distinct DataNodes, and every wide parity
 * equal to the wide code's encoding of the members' data.
 */
public final class WideGroups {

  private WideGroups() {
  }

  /** The parity files of {@code tree}. */
  public static List<String> parityFiles(DistributedFileSystem dfs, String tree) throws Exception {
    List<String> out = new ArrayList<>();
    Path dir = new Path(tree, BartPaths.HIDDEN_DIR + "/groups");
    if (dfs.exists(dir)) {
      for (FileStatus s : dfs.listStatus(dir)) {
        out.add(s.getPath().toUri().getPath());
      }
    }
    return out;
  }

  /** How many wide groups the membership xattrs of {@code files} name. */
  public static int namedBy(DistributedFileSystem dfs, Iterable<String> files) throws Exception {
    Set<Long> parities = new HashSet<>();
    for (String f : files) {
      for (MemberRefProto ref : GroupMetadata.readMembership(dfs, f).getGroupsList()) {
        parities.add(ref.getParityFileId());
      }
    }
    return parities.size();
  }

  public static WideGroupProto group(DistributedFileSystem dfs, String parityPath)
      throws Exception {
    Map<String, byte[]> x = dfs.getXAttrs(new Path(parityPath));
    byte[] v = x.get(BartPaths.GROUP_XATTR);
    assertNotNull(v, "group metadata of " + parityPath);
    return WideGroupProto.parseFrom(v);
  }

  /**
   * Checks every wide group of {@code tree}; {@code contents} gives each member file's bytes by
   * its path.
   *
   * @return the number of wide groups checked
   */
  public static int check(DistributedFileSystem dfs, String tree, Map<String, byte[]> contents)
      throws Exception {
    List<String> parities = parityFiles(dfs, tree);
    for (String parity : parities) {
      checkGroup(dfs, parity, contents);
    }
    return parities.size();
  }

  private static void checkGroup(DistributedFileSystem dfs, String parityPath,
      Map<String, byte[]> contents) throws Exception {
    WideGroupProto g = group(dfs, parityPath);
    assertEquals(GroupState.COMMITTED, g.getState(), parityPath);
    WideCode code = WideCode.parse(g.getWideCode());
    int k = code.k();
    Map<Long, String> byId = new HashMap<>();
    for (String path : contents.keySet()) {
      byId.put(dfs.getClient().getFileInfo(path).getFileId(), path);
    }
    Set<String> nodes = new HashSet<>();
    ByteBuffer[] data = new ByteBuffer[code.dataUnits()];
    long unitLength = 0;
    for (int s = 0; s < g.getMembersCount(); s++) {
      MemberProto m = g.getMembers(s);
      String path = byId.get(m.getFileId());
      assertNotNull(path, "member " + s + " of " + parityPath + " is one of the files");
      BlockGroup bg = BlockGroup.of(dfs.getClient(), path).get(m.getGroupIndex());
      assertEquals(m.getBlockGroupId(), bg.group().getBlockId(), "block group of member " + s);
      assertEquals(g.getDataOnlyPolicy(), bg.policy().getName());
      long groupBytes = k * dfs.getFileStatus(new Path(path)).getBlockSize();
      for (int j = 0; j < k; j++) {
        byte[] unit = internalBlock(contents.get(path), m.getGroupIndex() * groupBytes,
            m.getDataBytes(), g.getCellSize(), k, j);
        if (unit.length == 0) { // absent from a partial group: stored nowhere, zeros to the code
          assertEquals(null, bg.node(j), "absent block " + j + " of member " + s);
          data[s * k + j] = ByteBuffer.wrap(unit);
          continue;
        }
        assertTrue(nodes.add(bg.node(j).getDatanodeUuid()), "member " + s + " block " + j
            + " of " + parityPath + " shares DataNode " + bg.node(j).getXferAddr());
        assertEquals(bg.internalLength(j), unit.length);
        data[s * k + j] = ByteBuffer.wrap(unit);
        unitLength = Math.max(unitLength, unit.length);
      }
    }
    LocatedBlocks lbs = dfs.getClient().getLocatedBlocks(parityPath, 0, Long.MAX_VALUE);
    assertEquals(code.m(), lbs.locatedBlockCount(), "wide parity blocks of " + parityPath);
    for (LocatedBlock lb : lbs.getLocatedBlocks()) {
      assertEquals(1, lb.getLocations().length);
      assertTrue(nodes.add(lb.getLocations()[0].getDatanodeUuid()), "wide parity of "
          + parityPath + " shares DataNode " + lb.getLocations()[0].getXferAddr());
      assertEquals(unitLength, lb.getBlockSize());
    }
    ByteBuffer[] parity = new ByteBuffer[code.m()];
    for (int r = 0; r < code.m(); r++) {
      parity[r] = ByteBuffer.allocate((int) unitLength);
    }
    new WideEncoder(code).encode(data, parity);
    byte[] expected = new byte[(int) unitLength * code.m()];
    for (int r = 0; r < code.m(); r++) {
      parity[r].get(expected, r * (int) unitLength, (int) unitLength);
    }
    assertArrayEquals(expected, SampleFiles.read(dfs, new Path(parityPath)), "wide parity of "
        + parityPath + " equals the encoding of its members' data");
  }

  /** Internal data block j of the group at {@code start} (its cells j, j+k, ...). */
  static byte[] internalBlock(byte[] file, long start, long groupBytes, int cell, int k, int j) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long c = j; c * cell < groupBytes; c += k) {
      long from = start + c * cell;
      long to = Math.min(start + groupBytes, from + cell);
      out.write(file, (int) from, (int) (to - from));
    }
    return out.toByteArray();
  }
}
