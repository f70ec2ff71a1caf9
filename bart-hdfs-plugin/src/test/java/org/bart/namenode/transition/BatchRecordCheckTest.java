package org.bart.namenode.transition;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.bart.namenode.metadata.BartPaths;
import org.bart.namenode.metadata.UntrustedStateException;
import org.bart.protocol.proto.MetadataProtos.BatchFileProto;
import org.bart.protocol.proto.MetadataProtos.BatchProto;
import org.bart.protocol.proto.MetadataProtos.BatchState;
import org.junit.jupiter.api.Test;

/** Every field of a batch record must be one the coordinator could have written for the tree. */
class BatchRecordCheckTest {

  private static final String TREE = "/data/t";
  private static final String ID = "b42";

  private static BatchFileProto file(String name, long id) {
    return BatchFileProto.newBuilder().setPath(TREE + "/" + name).setOriginalFileId(id)
        .setLength(10).setModificationTime(20).setTwinPath(BartPaths.twin(TREE, ID, id)).build();
  }

  private static BatchProto good() {
    return BatchProto.newBuilder().setId(ID).setState(BatchState.BATCH_COMMITTING)
        .addFiles(file("a", 7)).addFiles(file("sub/b", 8))
        .addParityPaths(BartPaths.parityFile(TREE, ID, 0))
        .addParityPaths(BartPaths.parityFile(TREE, ID, 1)).build();
  }

  private static String refusal(UnaryOperator<BatchProto.Builder> change) {
    BatchProto bad = change.apply(good().toBuilder()).build();
    return assertThrows(UntrustedStateException.class,
        () -> BatchRecordCheck.check(TREE, ID, bad)).getMessage();
  }

  @Test
  void aRecordAsTheCoordinatorWritesItPasses() throws Exception {
    BatchRecordCheck.check(TREE, ID, good());
    BatchRecordCheck.check("/", ID, BatchProto.newBuilder().setId(ID)
        .setState(BatchState.BATCH_STAGING).addParityPaths(BartPaths.parityFile("/", ID, 0))
        .build());
  }

  @Test
  void theIdMustBeTheDirectorysName() {
    String m = refusal(b -> b.setId("b43"));
    assertTrue(m.contains(BartPaths.batchRecord(TREE, ID)) && m.contains("b43"), m);
    assertFalse(m.contains("\n"));
  }

  @Test
  void anOriginalMustLieUnderTheTreeOutsideBart() {
    for (String p : new String[] {"/data/other/x", "/data/t", "/data/tx/a", TREE + "/../u/a",
        TREE + "/./a", TREE + "//a", TREE + "/a/", "data/t/a", TREE + "/.bart",
        TREE + "/.bart/groups/b42-0", "/etc/secret"}) {
      String m = refusal(b -> b.setFiles(0, b.getFiles(0).toBuilder().setPath(p)));
      assertTrue(m.contains(p) && m.contains("not under " + TREE), m);
    }
  }

  @Test
  void aTwinMustBeItsOwnPathInTheBatchsStagingDirectory() {
    for (String t : new String[] {"/home/mallory/f", TREE + "/a", BartPaths.twin(TREE, "b1", 7),
        BartPaths.twin(TREE, ID, 8), BartPaths.twin("/data/u", ID, 7),
        BartPaths.twin(TREE, ID, 7) + "/x"}) {
      String m = refusal(b -> b.setFiles(0, b.getFiles(0).toBuilder().setTwinPath(t)));
      assertTrue(m.contains("twin " + t), m);
    }
  }

  @Test
  void parityFilesMustBeTheBatchsOwnInOrder() {
    for (String p : new String[] {"/etc/secret", TREE + "/a", BartPaths.parityFile(TREE, ID, 1),
        BartPaths.parityFile(TREE, "b1", 0), BartPaths.parityFile("/data/u", ID, 0)}) {
      String m = refusal(b -> b.setParityPaths(0, p));
      assertTrue(m.contains("parity file 0 is " + p), m);
    }
  }

  @Test
  void aFileListedTwiceIsRefused() {
    assertTrue(refusal(b -> b.addFiles(file("a", 7))).contains("listed twice"));
    assertTrue(refusal(b -> b.addFiles(file("c", 8))).contains("listed twice"));
    assertTrue(refusal(b -> b.addFiles(file("a", 9))).contains("listed twice"));
  }

  @Test
  void negativeLengthsAndTimesAreRefused() {
    assertTrue(refusal(b -> b.setFiles(1, b.getFiles(1).toBuilder().setLength(-1)))
        .contains("negative"));
    assertTrue(refusal(b -> b.setFiles(1, b.getFiles(1).toBuilder()
        .setModificationTime(Long.MIN_VALUE))).contains("negative"));
  }
}
