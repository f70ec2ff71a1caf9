package org.bart.namenode.transition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.metadata.BatchStore;
import org.bart.namenode.metadata.StateOwnership;
import org.bart.protocol.proto.MetadataProtos.BatchProto;
import org.bart.protocol.proto.MetadataProtos.BatchState;
import org.bart.report.SkippedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what a crashed transition of a tree left: a batch that had not started committing is
 * rolled back (its twins and parity files deleted: the originals never changed), a batch that had
 * is rolled forward (the rest of its files committed), and a finished batch is cleaned up. Every
 * step is idempotent, so a crash during recovery is recovered by the next run.
 *
 * <p>Nothing is done to a batch before its record and every inode it names are found to be the
 * coordinator's ({@link BatchStore}, {@link BatchRecordCheck}, {@link BatchGroups}): otherwise
 * the run stops with an {@link org.bart.namenode.metadata.UntrustedStateException} and the batch
 * is left as it is, for the administrator to look at.
 */
public final class Recovery {

  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  private final Namespace ns;
  private final String tree;
  private final BatchStore store;
  private final StateOwnership trust;

  Recovery(Namespace ns, String tree, BatchStore store, StateOwnership trust) {
    this.ns = ns;
    this.tree = tree;
    this.store = store;
    this.trust = trust;
  }

  /** Recovers every unfinished batch; returns one line per batch saying what was done. */
  List<String> run(List<SkippedFile> notCommitted) throws IOException {
    List<String> done = new ArrayList<>();
    for (String id : store.batchIds()) {
      BatchProto batch = store.read(id);
      if (batch == null) {
        store.deleteStaging(id);
        done.add("batch " + id + ": removed (it had created nothing durable)");
        continue;
      }
      BatchRecordCheck.check(tree, id, batch);
      if (batch.getState() == BatchState.BATCH_STAGING
          || batch.getState() == BatchState.BATCH_VERIFIED) {
        rollBack(batch);
        done.add("batch " + id + ": rolled back (nothing of it was committed)");
      } else {
        if (batch.getState() == BatchState.BATCH_COMMITTING) {
          notCommitted.addAll(new Committer(ns, tree, store, trust).commit(batch));
          store.write(batch.toBuilder().setState(BatchState.BATCH_DONE).build());
          done.add("batch " + id + ": commit finished");
        }
        store.deleteStaging(id);
      }
    }
    for (String line : done) {
      LOG.info("Recovery of {}: {}", tree, line);
    }
    return done;
  }

  /**
   * Deletes what the batch staged (its record checked already), each parity file by the inode
   * found to be the batch's; the NameNode then deletes their replicas.
   */
  void rollBack(BatchProto batch) throws IOException {
    for (String parity : BatchGroups.existingParity(ns, trust, batch)) {
      ns.delete(parity, false);
    }
    store.deleteStaging(batch.getId());
  }
}
