package org.bart.namenode.maintenance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decisions of repair for one wide group, as pure functions of what the NameNode reports:
 * which units must be rebuilt, which replicas must move, and which DataNode receives a unit. No
 * HDFS call is made here, so every erasure pattern can be tried without a cluster; {@link
 * Maintenance} gathers the inputs and carries the decisions out.
 *
 * <p>Units are in wide order: member 0's k data units, member 1's, ..., then the m wide parities.
 */
public final class RepairDecisions {

  /** A replica of a unit as the NameNode lists it. */
  public static final class Replica {
    public final String uuid;
    public final String rack;
    /** False while its DataNode is decommissioning or entering maintenance. */
    public final boolean inService;
    /** The NameNode holds it corrupt: its DataNode still counts as used by the group. */
    public final boolean corrupt;

    public Replica(String uuid, String rack, boolean inService) {
      this(uuid, rack, inService, false);
    }

    public Replica(String uuid, String rack, boolean inService, boolean corrupt) {
      this.uuid = uuid;
      this.rack = rack;
      this.inService = inService;
      this.corrupt = corrupt;
    }
  }

  /** One unit of the group: whether it has a block (a gone member's has none) and its replicas. */
  public static final class Unit {
    public final boolean hasBlock;
    public final long length;
    public final List<Replica> replicas;

    public Unit(boolean hasBlock, long length, List<Replica> replicas) {
      this.hasBlock = hasBlock;
      this.length = length;
      this.replicas = Collections.unmodifiableList(new ArrayList<>(replicas));
    }
  }

  /** A DataNode that may receive a unit, in the cluster view's order. */
  public static final class Candidate {
    public final String uuid;
    public final String rack;
    /** Its agent was heard from recently. */
    public final boolean agentFresh;

    public Candidate(String uuid, String rack, boolean agentFresh) {
      this.uuid = uuid;
      this.rack = rack;
      this.agentFresh = agentFresh;
    }
  }

  private final int k;
  private final int dataUnits;
  private final List<Unit> units;

  /**
   * @param k data units per member
   * @param dataUnits lambda * k
   * @param units every unit of the group, in wide order
   */
  public RepairDecisions(int k, int dataUnits, List<Unit> units) {
    if (k <= 0 || dataUnits % k != 0 || dataUnits > units.size()) {
      throw new IllegalArgumentException("repair of a group of " + units.size() + " units with k = "
          + k + " and " + dataUnits + " data units");
    }
    this.k = k;
    this.dataUnits = dataUnits;
    this.units = units;
  }

  /**
   * Units with bytes and a block but no sound (not corrupt) replica on a DataNode in
   * {@code live}, in unit order. A
   * DataNode that just went quiet is still in {@code live} until the NameNode declares it dead, as
   * for HDFS's own reconstruction: a copy made earlier would be an excess replica the NameNode
   * might delete.
   */
  public List<Integer> unavailable(Set<String> live) {
    List<Integer> out = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      Unit unit = units.get(u);
      if (!unit.hasBlock || unit.length == 0) {
        continue;
      }
      boolean held = false;
      for (Replica r : unit.replicas) {
        held |= live.contains(r.uuid) && !r.corrupt;
      }
      if (!held) {
        out.add(u);
      }
    }
    return out;
  }

  /** Replica {@code i} of unit {@code u}. */
  public Replica replica(int u, int i) {
    return units.get(u).replicas.get(i);
  }

  /**
   * Why replica {@code replica} of unit {@code u} must move, or null if it may stay: its DataNode
   * is leaving and the unit has no copy on a DataNode in service, or an earlier unit (or replica)
   * of the group is on the same DataNode. A corrupt replica never moves: the unit is rebuilt and
   * the NameNode then deletes it. A leaving copy of a unit that was moved stays listed until its
   * DataNode is gone (HDFS keeps a replicated block's out-of-service replicas), so it must not be
   * moved again.
   */
  public String misplacement(int u, Replica replica) {
    if (replica.corrupt) {
      return null;
    }
    if (!replica.inService) {
      for (Replica other : units.get(u).replicas) {
        if (other.inService && !other.corrupt) {
          return null;
        }
      }
      return "leaving";
    }
    for (int v = 0; v <= u; v++) {
      for (Replica other : units.get(v).replicas) {
        if (other == replica) {
          break;
        }
        if (other.uuid.equals(replica.uuid)) {
          return "holds another unit";
        }
      }
    }
    return null;
  }

  /**
   * Where unit {@code unit} should go: a candidate with a fresh agent that holds no unit of the
   * group; for a data unit, the first on a rack the unit's member uses nowhere else if there is
   * one, else the first free candidate.
   *
   * @return the candidate's index, or -1 if no candidate is free
   */
  public int target(int unit, List<Candidate> candidates) {
    return target(unit, candidates, Collections.<String>emptySet(),
        Collections.<String, Integer>emptyMap());
  }

  /**
   * As {@link #target(int, List)}, also avoiding the DataNodes in {@code reserved} (those already
   * chosen for other lost units of the group in the same repair pass) and, among equally good
   * candidates, preferring the one with the fewest rebuilds in {@code assigned} (DataNode uuid to
   * rebuilds given to it so far in the pass), so that a pass spreads its work over the agents as
   * HDFS spreads reconstruction targets, instead of queueing it on the first free DataNode.
   */
  public int target(int unit, List<Candidate> candidates, Set<String> reserved,
      Map<String, Integer> assigned) {
    Set<String> used = new HashSet<>(reserved);
    for (Unit u : units) {
      for (Replica r : u.replicas) {
        used.add(r.uuid);
      }
    }
    Set<String> memberRacks = new HashSet<>();
    if (unit < dataUnits) {
      int first = unit / k * k;
      for (int u = first; u < first + k; u++) {
        if (u != unit) {
          for (Replica r : units.get(u).replicas) {
            memberRacks.add(r.rack);
          }
        }
      }
    }
    int best = -1;
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (used.contains(c.uuid) || !c.agentFresh) {
        continue;
      }
      if (best < 0 || better(c, candidates.get(best), memberRacks, assigned)) {
        best = i;
      }
    }
    return best;
  }

  /** A rack the member does not use first, then fewer rebuilds assigned; else keep the earlier. */
  private static boolean better(Candidate c, Candidate best, Set<String> memberRacks,
      Map<String, Integer> assigned) {
    boolean cSpreads = !memberRacks.contains(c.rack);
    if (cSpreads != !memberRacks.contains(best.rack)) {
      return cSpreads;
    }
    return assigned.getOrDefault(c.uuid, 0) < assigned.getOrDefault(best.uuid, 0);
  }
}
