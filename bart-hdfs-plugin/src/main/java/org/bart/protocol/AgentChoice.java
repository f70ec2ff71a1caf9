package org.bart.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bart.protocol.wide.ReadPlan;
import org.bart.protocol.wide.WideUnit;

/**
 * The agents a degraded read asks, in order of preference (the first that answers serves): the
 * agents of DataNodes holding units the agent will read first, since its read of them is then
 * local (on a real cluster, one network transfer of a unit fewer).
 */
final class AgentChoice {

  private AgentChoice() {
  }

  /**
   * For a partial decode, which reads every unit but the member's: the agents of the other
   * members' units and of the wide parities, in wide order, then the member's own.
   */
  static List<String> forPartial(ReadPlan plan) {
    Set<String> out = new LinkedHashSet<>();
    List<Integer> member = plan.memberUnits();
    for (int u = 0; u < plan.units().size(); u++) {
      if (!member.contains(u)) {
        add(out, plan.units().get(u));
      }
    }
    for (int u : member) {
      add(out, plan.units().get(u));
    }
    return new ArrayList<>(out);
  }

  /** For a whole-member read, which reads the member's units: their agents first. */
  static List<String> forWhole(ReadPlan plan) {
    Set<String> out = new LinkedHashSet<>();
    for (int u : plan.memberUnits()) {
      add(out, plan.units().get(u));
    }
    for (WideUnit u : plan.units()) {
      add(out, u);
    }
    return new ArrayList<>(out);
  }

  private static void add(Set<String> out, WideUnit u) {
    if (u.node() != null && u.node().agentAddress() != null) {
      out.add(u.node().agentAddress());
    }
  }
}
