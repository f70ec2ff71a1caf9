package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.hdfs.util.StripedBlockUtil;
import org.apache.hadoop.thirdparty.protobuf.InvalidProtocolBufferException;
import org.bart.codec.Gf256;
import org.bart.codec.WideCode;
import org.bart.fake.FakeCluster;
import org.bart.fake.FakeInode;
import org.bart.fake.FakeNamespace;
import org.bart.namenode.hdfs.DataOnlyPolicy;
import org.bart.namenode.metadata.BartPaths;
import org.bart.protocol.proto.MetadataProtos.GroupState;
import org.bart.protocol.proto.MetadataProtos.MemberProto;
import org.bart.protocol.proto.MetadataProtos.MembershipProto;
import org.bart.protocol.proto.MetadataProtos.WideGroupProto;

/**
 * What a fake tree must look like after a transition, or after a rolled-back one, checked on the
 * fake NameNode's state and the DataNodes' bytes. The wide parity is checked against the wide
 * code's own parity matrix applied to the members' data (not against a merge), so a merge of the
 * wrong parities, in the wrong order or with the wrong coefficients cannot pass.
 */
public final class TreeState {

  private final FakeCluster cluster;
  private final FakeNamespace ns;
  private final FakeTree tree;
  private final String context;

  public TreeState(FakeCluster cluster, FakeTree tree, String context) {
    this.cluster = cluster;
    this.ns = cluster.namespace();
    this.tree = tree;
    this.context = " [" + context + "]";
  }

  /** Every file is its data-only twin, byte for byte, in wide groups whose parity is right. */
  public void assertCommitted() throws InvalidProtocolBufferException {
    int stripes = 0;
    for (FakeTree.Written w : tree.files) {
      stripes += w.dataUnits.size();
    }
    assertCommittedBut(null, stripes / FakeTransition.LAMBDA);
  }

  /**
   * Every file but {@code leftOut} (null for none) is its data-only twin, byte for byte, in
   * {@code wideGroups} wide groups whose parity is right (over their members' data, a ghost's
   * included); nothing is staged and no replica is without a file.
   */
  public void assertCommittedBut(FakeTree.Written leftOut, int wideGroups)
      throws InvalidProtocolBufferException {
    String dataOnly = DataOnlyPolicy.of(FakeTree.POLICY).getName();
    for (FakeTree.Written w : tree.files) {
      if (w == leftOut) {
        continue;
      }
      FakeInode now = ns.inode(w.path);
      assertNotNull(now, w.path + context);
      assertNotEquals(w.fileId, now.id(), w.path + " was replaced by its twin" + context);
      assertEquals(dataOnly, now.policy().getName(), w.path + context);
      assertAttributesOf(w, now);
      assertDataUnits(w, now);
      byte[] membership = now.xattrs().get(BartPaths.MEMBER_XATTR);
      assertNotNull(membership, "membership of " + w.path + context);
      assertEquals(w.dataUnits.size(), MembershipProto.parseFrom(membership).getGroupsCount(),
          w.path + context);
    }
    List<String> parityFiles = ns.walk(BartPaths.groupsDir(tree.tree));
    assertEquals(wideGroups, parityFiles.size(), "wide groups" + context);
    for (String parity : parityFiles) {
      assertWideGroup(parity);
    }
    assertNoStagingLeft();
    assertNoOrphanReplica();
  }

  /** Every file is as written (same inode, policy, bytes) and nothing of BART's is left. */
  void assertRolledBack() {
    for (FakeTree.Written w : tree.files) {
      FakeInode now = ns.inode(w.path);
      assertNotNull(now, w.path + context);
      assertEquals(w.fileId, now.id(), w.path + " is the original inode" + context);
      assertEquals(FakeTree.POLICY.getName(), now.policy().getName(), w.path + context);
      assertAttributesOf(w, now);
      assertDataUnits(w, now);
    }
    assertEquals(new ArrayList<String>(), ns.walk(BartPaths.groupsDir(tree.tree)),
        "parity files after a roll-back" + context);
    assertNoStagingLeft();
    assertNoOrphanReplica();
  }

  private void assertAttributesOf(FakeTree.Written w, FakeInode now) {
    assertEquals(FakeTree.OWNER, now.owner(), w.path + context);
    assertEquals(FakeTree.GROUP, now.group(), w.path + context);
    assertEquals(FakeTree.MODE, now.mode(), w.path + context);
    assertEquals(w.mtime, now.mtime(), "modification time of " + w.path + context);
    assertNotNull(now.xattrs().get(FakeTree.USER_XATTR), "user xattr of " + w.path + context);
  }

  void assertDataUnits(FakeTree.Written w, FakeInode now) {
    assertEquals(w.dataUnits.size(), now.blocks().size(), "block groups of " + w.path + context);
    for (int g = 0; g < w.dataUnits.size(); g++) {
      for (int i = 0; i < FakeTree.K; i++) {
        long id = now.blocks().get(g).id + i;
        if (w.dataUnits.get(g)[i].length == 0) {
          assertEquals(-1, cluster.location(id), "absent unit " + i + " of " + w.path + " group "
              + g + " is stored nowhere" + context);
          continue;
        }
        assertArrayEquals(w.dataUnits.get(g)[i], bytesOf(id),
            w.path + " group " + g + " unit " + i + context);
      }
    }
  }

  private void assertWideGroup(String parityPath) throws InvalidProtocolBufferException {
    FakeInode parity = ns.inode(parityPath);
    WideGroupProto group = WideGroupProto.parseFrom(parity.xattrs().get(BartPaths.GROUP_XATTR));
    assertEquals(GroupState.COMMITTED, group.getState(), parityPath + context);
    WideCode code = WideCode.parse(group.getWideCode());
    List<byte[]> data = new ArrayList<>();
    Set<Integer> nodes = new HashSet<>();
    int absent = 0;
    for (MemberProto m : group.getMembersList()) {
      FakeInode member = ns.inode(BartPaths.byInode(m.getFileId()));
      assertNotNull(member, "member inode " + m.getFileId() + " of " + parityPath + context);
      FakeInode.Block b = member.blocks().get(m.getGroupIndex());
      assertEquals(m.getBlockGroupId(), b.id, parityPath + context);
      for (int i = 0; i < code.k(); i++) {
        if (cluster.location(b.id + i) < 0 && StripedBlockUtil.getInternalBlockLength(
            m.getDataBytes(), group.getCellSize(), code.k(), i) == 0) {
          data.add(new byte[0]); // absent: a zero of the code
          absent++;
          continue;
        }
        data.add(bytesOf(b.id + i));
        nodes.add(cluster.location(b.id + i));
      }
    }
    int length = 0; // of the longest member's unit 0, as its narrow parities are
    for (byte[] unit : data) {
      length = Math.max(length, unit.length);
    }
    assertEquals(code.m(), parity.blocks().size(), parityPath + context);
    for (int r = 0; r < code.m(); r++) {
      byte[] expected = new byte[length];
      for (int u = 0; u < data.size(); u++) {
        int coefficient = code.parityCoefficient(r, u);
        byte[] unit = data.get(u);
        for (int o = 0; o < unit.length; o++) {
          expected[o] ^= (byte) Gf256.mul(coefficient, unit[o] & 0xff);
        }
      }
      long id = parity.blocks().get(r).id;
      assertArrayEquals(expected, bytesOf(id), parityPath + " wide parity " + r + context);
      nodes.add(cluster.location(id));
    }
    assertEquals(code.totalUnits() - absent, nodes.size(),
        "the units of " + parityPath + " are on distinct DataNodes" + context);
  }

  void assertNoStagingLeft() {
    for (String p : ns.walk(BartPaths.hidden(tree.tree))) {
      assertTrue(!p.contains("/staging/"), p + " is left" + context);
    }
  }

  /** Every replica on a DataNode belongs to a file: old parity freed, nothing staged left. */
  void assertNoOrphanReplica() {
    assertEquals(new TreeSet<>(ns.referencedReplicaIds()),
        new TreeSet<>(cluster.allReplicaIds()), "replicas on the DataNodes" + context);
  }

  private byte[] bytesOf(long id) {
    int node = cluster.location(id);
    assertTrue(node >= 0, "blk_" + id + " is on no DataNode" + context);
    return cluster.replica(node, id).bytes();
  }
}
