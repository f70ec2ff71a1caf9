package org.bart.plan.lspm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bart.plan.BandwidthProfile;
import org.junit.jupiter.api.Test;

class LinkLoadsTest {

  @Test
  void rollbackUndoesLoadsBandwidthAndCost() {
    LinkLoads loads = new LinkLoads(4, null);
    loads.transfer(0, 1, 1);
    loads.transfer(0, 2, 1);
    loads.commit();
    assertEquals(2.0, loads.maxLoad());
    assertEquals(2, loads.bandwidth());
    int mark = loads.mark();
    double cost = loads.transfer(0, 3, 1);
    assertEquals(cost, loads.pendingCost(), 1e-12);
    loads.transfer(2, 1, 2);
    loads.rollbackTo(mark);
    assertEquals(0.0, loads.pendingCost(), 1e-12);
    assertEquals(2, loads.bandwidth());
    assertEquals(2.0, loads.load(loads.send(0)));
    assertEquals(1.0, loads.load(loads.recv(1)));
  }

  @Test
  void commitTracksTheMaximumBothWays() {
    LinkLoads loads = new LinkLoads(3, null);
    loads.transfer(0, 1, 3);
    loads.commit();
    assertEquals(3.0, loads.maxLoad());
    loads.transfer(0, 1, -2);
    loads.transfer(2, 1, 1);
    loads.commit();
    assertEquals(2.0, loads.maxLoad()); // recv of node 1: 3 - 2 + 1
  }

  @Test
  void profileLoadsAreNormalisedByMeanBandwidth() {
    // mean of all bandwidths is 2, so node 0's upload (1) counts double, node 1's download (4) half.
    LinkLoads loads = new LinkLoads(2, new BandwidthProfile(new double[] {1, 2}, new double[] {1, 4}));
    loads.transfer(0, 1, 2);
    loads.commit();
    assertEquals(4.0, loads.load(loads.send(0)));
    assertEquals(1.0, loads.load(loads.recv(1)));
    assertEquals(4.0, loads.maxLoad());
  }
}
