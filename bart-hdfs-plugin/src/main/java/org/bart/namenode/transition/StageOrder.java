package org.bart.namenode.transition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.bart.plan.CodeParams;
import org.bart.plan.LoadStats;
import org.bart.plan.TransferTask;
import org.bart.plan.TransitionPlan;

/**
 * The order in which the stage starts its tasks (one per wide group's parity, one per member
 * file's data blocks): those that move blocks to or from the DataNodes with the highest planned
 * load first. The plan's max_load is a time only if the busiest DataNodes never wait, and the
 * stage runs fewer tasks at once than it has, while each agent serves its calls in arrival order;
 * in plain file order a busy DataNode's work could start last. Ties keep parity and file tasks
 * interleaved, so that neither kind waits behind the other. Pure: no HDFS, no agents.
 */
final class StageOrder {

  /** One task of the stage: the parity of wide group {@code index}, or the data of file {@code index}. */
  static final class Task {
    final boolean parity;
    final int index;
    /** The highest planned load of a DataNode this task sends to or receives from. */
    final int criticality;

    Task(boolean parity, int index, int criticality) {
      this.parity = parity;
      this.index = index;
      this.criticality = criticality;
    }

    @Override
    public String toString() {
      return (parity ? "parity " : "file ") + index + " (" + criticality + ")";
    }
  }

  private StageOrder() {
  }

  /**
   * @param stripesPerFile how many stripes each member file has; a file's stripes are numbered
   *     after those of the files before it, as in the plan
   */
  static List<Task> of(TransitionPlan plan, int[] stripesPerFile) {
    LoadStats loads = plan.loadStats();
    int[] load = new int[loads.send().length];
    for (int n = 0; n < load.length; n++) {
      load[n] = Math.max(loads.send()[n], loads.recv()[n]);
    }
    int[] fileOf = new int[plan.problem().numStripes()];
    for (int f = 0, s = 0; f < stripesPerFile.length; f++) {
      for (int i = 0; i < stripesPerFile[f]; i++) {
        fileOf[s++] = f;
      }
    }
    CodeParams code = plan.problem().code();
    int groups = plan.groups().size();
    int[] parity = new int[groups];
    int[] file = new int[stripesPerFile.length];
    for (TransferTask t : plan.transferTasks()) {
      int critical = Math.max(load[t.src()], load[t.dst()]);
      if (t.wideBlock() >= code.kF()) {
        parity[t.group()] = Math.max(parity[t.group()], critical);
      } else {
        int f = fileOf[plan.groups().get(t.group()).member(t.wideBlock() / code.kI())];
        file[f] = Math.max(file[f], critical);
      }
    }
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < Math.max(groups, file.length); i++) {
      if (i < groups) {
        tasks.add(new Task(true, i, parity[i]));
      }
      if (i < file.length) {
        tasks.add(new Task(false, i, file[i]));
      }
    }
    // A stable sort: equal tasks keep the interleaved order.
    Collections.sort(tasks, Comparator.comparingInt((Task t) -> -t.criticality));
    return tasks;
  }
}
