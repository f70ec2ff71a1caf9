package org.bart.namenode.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.BartBusyException;
import org.junit.jupiter.api.Test;

/** Which agent failures the coordinator asks again after, how often, and which it does not. */
class AgentCallRetryTest {

  /** A call that fails with the given exceptions in turn, then answers "done". */
  private static final class Script implements AgentCallRetry.Call<String> {
    final Deque<IOException> failures;
    int calls;

    Script(IOException... failures) {
      this.failures = new ArrayDeque<>(Arrays.asList(failures));
    }

    @Override
    public String call() throws IOException {
      calls++;
      IOException next = failures.poll();
      if (next != null) {
        throw next;
      }
      return "done";
    }
  }

  @Test
  void aTimeoutAndALostConnectionAreAskedAgainUpToTheBound() throws IOException {
    List<String> told = new ArrayList<>();
    AgentCallRetry retry = new AgentCallRetry(2, 60_000, 1, told::add);
    Script twice = new Script(new SocketTimeoutException("60000 millis timeout"),
        new ConnectException("Connection refused"));
    assertEquals("done", retry.call("relabel", twice));
    assertEquals(3, twice.calls);
    assertEquals(2, retry.retried());
    assertEquals(Arrays.asList("relabel", "relabel"), told, "the hook hears of each retry");

    SocketTimeoutException third = new SocketTimeoutException("third");
    Script thrice = new Script(new SocketTimeoutException("1"), new SocketTimeoutException("2"),
        third);
    assertSame(third, assertThrows(SocketTimeoutException.class,
        () -> retry.call("send", thrice)));
    assertEquals(3, thrice.calls, "one call and two retries, no more");
  }

  @Test
  void anAgentsOwnFailureIsFinalAtOnce() {
    AgentCallRetry retry = new AgentCallRetry(5, 60_000, 1, what -> { });
    Script missing = new Script(new BartAgentException("replica blk_1 not found"));
    assertThrows(BartAgentException.class, () -> retry.call("send", missing));
    assertEquals(1, missing.calls);
    assertEquals(0, retry.retried());
  }

  @Test
  void aBusyAgentIsAskedAgainAfterABackOffUntilItAccepts() throws IOException {
    AgentCallRetry retry = new AgentCallRetry(0, 60_000, 1, what -> { });
    Script busy = new Script(new BartBusyException("busy"), new BartBusyException("busy"),
        new BartBusyException("busy"));
    assertEquals("done", retry.call("merge", busy));
    assertEquals(4, busy.calls);
    assertEquals(3, retry.busyWaits());
    assertEquals(0, retry.retried(), "busy refusals do not use up the retries");
  }

  @Test
  void anAgentBusyForLongerThanTheTimeoutFails() {
    AgentCallRetry retry = new AgentCallRetry(2, 0, 1, what -> { });
    BartBusyException refusal = new BartBusyException("busy");
    Script busy = new Script(refusal, new BartBusyException("busy"));
    assertSame(refusal, assertThrows(BartBusyException.class, () -> retry.call("merge", busy)));
    assertEquals(1, busy.calls);
  }
}
