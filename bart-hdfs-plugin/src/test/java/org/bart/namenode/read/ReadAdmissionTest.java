package org.bart.namenode.read;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.conf.Configuration;
import org.bart.conf.BartConfigKeys;
import org.bart.protocol.BartBusyException;
import org.junit.jupiter.api.Test;

class ReadAdmissionTest {

  @Test
  void refusesOverTheUsersBoundAndOverTheTotalAndAdmitsAgainOnceReadsEnd() throws Exception {
    ReadAdmission a = new ReadAdmission(3, 2);
    ReadAdmission.Ticket alice1 = a.admit("alice");
    ReadAdmission.Ticket alice2 = a.admit("alice");
    BartBusyException perUser = assertThrows(BartBusyException.class, () -> a.admit("alice"));
    assertTrue(perUser.getMessage().contains(BartConfigKeys.DEGRADED_READS_MAX_PER_USER),
        perUser::getMessage);
    ReadAdmission.Ticket bob = a.admit("bob");
    BartBusyException total = assertThrows(BartBusyException.class, () -> a.admit("carol"));
    assertTrue(total.getMessage().contains(BartConfigKeys.DEGRADED_READS_MAX + ")"),
        total::getMessage);
    alice1.close();
    alice1.close(); // closing twice releases once
    a.admit("carol");
    assertThrows(BartBusyException.class, () -> a.admit("dave"));
    alice2.close();
    bob.close();
    a.admit("alice").close();
  }

  @Test
  void boundsThatLeaveNoHandlerOrExceedTheTotalAreRefusedNamingTheKey() {
    Configuration conf = new Configuration(false);
    conf.setInt(BartConfigKeys.NAMENODE_HANDLER_COUNT, 4);
    conf.setInt(BartConfigKeys.DEGRADED_READS_MAX, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReadAdmission.of(conf));
    assertTrue(e.getMessage().startsWith(BartConfigKeys.DEGRADED_READS_MAX + " = 4"),
        e::getMessage);
    conf.setInt(BartConfigKeys.DEGRADED_READS_MAX, 0);
    assertThrows(IllegalArgumentException.class, () -> ReadAdmission.of(conf));
    conf.setInt(BartConfigKeys.DEGRADED_READS_MAX, 3);
    conf.setInt(BartConfigKeys.DEGRADED_READS_MAX_PER_USER, 4);
    e = assertThrows(IllegalArgumentException.class, () -> ReadAdmission.of(conf));
    assertTrue(e.getMessage().startsWith(BartConfigKeys.DEGRADED_READS_MAX_PER_USER + " = 4"),
        e::getMessage);
    conf.setInt(BartConfigKeys.DEGRADED_READS_MAX_PER_USER, 3);
    ReadAdmission.of(conf);
    ReadAdmission.of(new Configuration(false)); // the defaults
  }
}
