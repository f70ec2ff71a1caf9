package org.bart.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoadStatsTest {

  private static TransferTask t(int src, int dst) {
    return new TransferTask(TransferTask.Kind.RELOCATION, 0, 0, src, dst);
  }

  @Test
  void countsSendAndReceivePerNode() {
    LoadStats s = LoadStats.of(Arrays.asList(t(0, 1), t(0, 2), t(0, 1), t(2, 1)), 4);
    assertArrayEquals(new int[] {3, 0, 1, 0}, s.send());
    assertArrayEquals(new int[] {0, 3, 1, 0}, s.recv());
    assertEquals(3, s.maxLoad());
    assertEquals(4, s.bandwidth());
    LoadSummary send = s.sendSummary();
    assertEquals(0, send.min());
    assertEquals(3, send.max());
    assertEquals(1.0, send.mean());
    assertEquals(Math.sqrt((4 + 1 + 0 + 1) / 4.0), send.stddev(), 1e-12, "population stddev");
    assertEquals(send.stddev() / send.mean(), send.cv(), 1e-12);
  }

  @Test
  void weightedLoadsDivideByLinkBandwidth() {
    LoadStats s = LoadStats.of(Arrays.asList(t(0, 1), t(0, 1), t(1, 0)), 2);
    BandwidthProfile bw = new BandwidthProfile(new double[] {4, 1}, new double[] {10, 0.5});
    WeightedLoadStats w = s.weighted(bw);
    assertArrayEquals(new double[] {0.5, 1.0}, w.send());
    assertArrayEquals(new double[] {0.1, 4.0}, w.recv());
    assertEquals(4.0, w.maxWeightedLoad());
    assertEquals(3, w.bandwidth());
    assertEquals(0.75, w.sendSummary().mean(), 1e-12, "exact mean, not BART's truncated one");
  }
}
