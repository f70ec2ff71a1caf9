package org.bart.datanode.wide;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.bart.protocol.wide.WideUnit;

/**
 * How a wide read reads a unit: a positioned, front-to-back read of the unit's replica on its
 * DataNode, local or remote. Whatever fails (the node is down, the replica is missing, a checksum
 * does not match, pacing with the peer fails) is an {@link IOException}; the wide read then treats
 * the unit as lost. Implementations are shared by concurrent requests and must be thread-safe;
 * each {@link Reader} is used by one thread.
 */
public interface UnitSource {

  /**
   * Opens bytes [offset, unit.length()) of {@code unit}'s replica on its node for reading.
   *
   * @param unit a unit with a replica (its node may be null: then the open fails)
   * @throws IOException if the replica cannot be opened
   */
  Reader open(WideUnit unit, long offset) throws IOException;

  /** An open read of one unit, front to back. */
  interface Reader extends Closeable {

    /** The unit offset of the next byte read. */
    long position();

    /**
     * Fills {@code dst} from its position up to its limit, or up to the unit's end, and waits
     * until the bytes may cross the link they came over (bandwidth limits).
     *
     * @return bytes read (0 only at the unit's end)
     * @throws IOException if the replica cannot be read, or is found corrupt
     */
    int readFully(ByteBuffer dst) throws IOException;

    /** Whether the bytes come from another DataNode (they count as received by this one). */
    boolean isRemote();
  }
}
