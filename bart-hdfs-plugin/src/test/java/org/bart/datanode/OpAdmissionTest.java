package org.bart.datanode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bart.protocol.BartBusyException;
import org.junit.jupiter.api.Test;

/** An agent accepts operations up to its handlers less the reserved ones, and refuses as busy. */
class OpAdmissionTest {

  @Test
  void operationsBeyondTheHandlersLessTheReservedOnesAreRefusedAsBusy() throws Exception {
    OpAdmission a = new OpAdmission(16);
    assertEquals(12, a.max());
    for (int i = 0; i < 12; i++) {
      a.admit("send", "dn1");
    }
    String m = assertThrows(BartBusyException.class, () -> a.admit("merge", "dn1")).getMessage();
    assertTrue(m.contains("DataNode dn1 busy: 12 operations accepted"), m);
    assertTrue(m.contains("dfs.bart.agent.handler.count less 4"), m);
    a.release();
    a.admit("merge", "dn1"); // a slot given back is taken again
  }

  @Test
  void anAgentWithFewHandlersStillAcceptsOneOperation() throws Exception {
    OpAdmission a = new OpAdmission(2);
    a.admit("relabel", "dn1");
    assertThrows(BartBusyException.class, () -> a.admit("relabel", "dn1"));
  }
}
