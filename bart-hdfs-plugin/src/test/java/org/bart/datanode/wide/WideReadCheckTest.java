package org.bart.datanode.wide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bart.protocol.BartAgentException;
import org.bart.protocol.wide.WideReadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verification through the real {@link WideRead}: a consistent group checks, and a unit whose
 * bytes are wrong under valid checksums (which only a check can find) is named with the offset of
 * its first wrong byte, for every unit of a (6,3,3) group.
 */
class WideReadCheckTest {

  private static final Random CLASS_RANDOM = TestSeed.forClass(WideReadCheckTest.class);
  private static WideGroup group;

  @BeforeAll
  static void buildGroup() throws IOException {
    group = WideGroup.random(new Random(CLASS_RANDOM.nextLong()));
  }

  @Test
  void aConsistentGroupChecks() throws IOException {
    InMemoryUnits store = group.store();
    List<Integer> all = IntStream.range(0, WideGroup.CODE.totalUnits()).boxed()
        .collect(Collectors.toList());
    WideReadResult r = WideGroup.wideRead(store)
        .run(group.check(new ArrayList<>(), all));
    assertEquals(WideReadResult.Path.CHECKED, r.path());
    assertTrue(r.data().isEmpty() && r.decoded().isEmpty());
  }

  @Test
  void everySilentlyCorruptedUnitIsNamedWithItsOffset() {
    Random random = new Random(CLASS_RANDOM.nextLong());
    for (int unit = 0; unit < WideGroup.CODE.totalUnits(); unit++) {
      int u = unit;
      InMemoryUnits store = group.store();
      long end = Math.min(group.units[u].length, WideGroup.OFFSET + group.readLength());
      int at = (int) (WideGroup.OFFSET + random.nextInt((int) (end - WideGroup.OFFSET)));
      store.overwrite(WideGroup.FIRST_BLOCK_ID + u, at, (byte) (group.units[u][at] ^ 0x5a));
      String context = "unit " + u + " corrupted at " + at + " " + TestSeed.reproduce();
      BartAgentException e = assertThrows(BartAgentException.class,
          () -> WideGroup.wideRead(store)
              .run(group.check(new ArrayList<>(), Collections.singletonList(u))), context);
      assertEquals("unit " + u + " (" + group.replica(u) + ") of " + WideGroup.CODE
          + " differs from its decoding at offset " + at, e.getMessage(), context);
    }
  }

  @Test
  void anUnreadableUnitFailsItsCheck() {
    InMemoryUnits store = group.store();
    store.inject(WideGroup.FIRST_BLOCK_ID + 11, InMemoryUnits.Fault.OPEN_FAILS);
    BartAgentException e = assertThrows(BartAgentException.class,
        () -> WideGroup.wideRead(store)
            .run(group.check(new ArrayList<>(), Collections.singletonList(11))));
    assertEquals("check of " + WideGroup.CODE + ": unit 11 (" + group.replica(11)
        + ") cannot be read", e.getMessage());
  }
}
