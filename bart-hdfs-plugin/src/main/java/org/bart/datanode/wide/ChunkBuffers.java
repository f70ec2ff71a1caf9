package org.bart.datanode.wide;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chunk-sized buffers reused across an agent's wide reads. A degraded read of one row takes
 * about 25 of them (every source unit, every wanted unit, the decode outputs); allocated anew,
 * each is a humongous object to G1 at the default 1 MiB chunk, and their churn set off a
 * collection every few requests in the DataNode (measured: 22 of 38 collections during the
 * benchmark's BART reads were "G1 Humongous Allocation"). At most {@code max} idle buffers are
 * kept. Thread-safe.
 */
final class ChunkBuffers {

  private final int chunkBytes;
  private final int max;
  private final ConcurrentLinkedQueue<ByteBuffer> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger idleCount = new AtomicInteger();

  ChunkBuffers(int chunkBytes, int max) {
    this.chunkBytes = chunkBytes;
    this.max = max;
  }

  /** A cleared heap buffer of the chunk size; its bytes are whatever it last held. */
  ByteBuffer take() {
    ByteBuffer b = idle.poll();
    if (b == null) {
      return ByteBuffer.allocate(chunkBytes);
    }
    idleCount.decrementAndGet();
    b.clear();
    return b;
  }

  /** Keeps {@code b} for a later {@link #take} (nobody may use it any more). */
  void give(ByteBuffer b) {
    if (b != null && b.capacity() == chunkBytes && b.hasArray()
        && idleCount.incrementAndGet() <= max) {
      idle.add(b);
    } else if (b != null && b.capacity() == chunkBytes && b.hasArray()) {
      idleCount.decrementAndGet();
    }
  }
}
