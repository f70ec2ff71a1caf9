package org.bart.datanode;

import java.util.concurrent.Semaphore;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.BartBusyException;

/**
 * Bounds the operations an agent accepts at once (running, queued on its worker pools, or joined
 * to one running) to its RPC handlers less {@link #RESERVED_HANDLERS}: each accepted call holds a
 * handler until its operation ends, and the reserved ones stay free for the short calls that
 * operations on other agents wait for (throttle, getReplica, reportReplica). One over the bound is
 * refused at once with {@link BartBusyException}; the coordinator asks again after a back-off.
 * Thread-safe.
 */
final class OpAdmission {

  /** Handlers kept for the calls that never wait on a worker pool. */
  static final int RESERVED_HANDLERS = 4;

  private final int max;
  private final Semaphore slots;

  OpAdmission(int handlers) {
    this.max = Math.max(1, handlers - RESERVED_HANDLERS);
    this.slots = new Semaphore(max);
  }

  /**
   * Takes a slot for one operation; give it back with {@link #release()} when it ends.
   *
   * @throws BartBusyException if {@code max} operations are accepted already
   */
  void admit(String what, String node) throws BartBusyException {
    if (!slots.tryAcquire()) {
      throw new BartBusyException("BART agent of DataNode " + node + " busy: " + max
          + " operations accepted (" + BartConfigKeys.AGENT_HANDLER_COUNT + " less "
          + RESERVED_HANDLERS + "); " + what + " refused, ask again later");
    }
  }

  void release() {
    slots.release();
  }

  int max() {
    return max;
  }
}
