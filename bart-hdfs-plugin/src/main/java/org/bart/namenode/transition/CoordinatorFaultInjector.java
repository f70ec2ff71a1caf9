package org.bart.namenode.transition;

/**
 * Fault-injection seam of the coordinator: a no-op hook after each phase (of each batch), before
 * and after each file's commit and before an agent call is made again. Crash tests install one that throws {@link SimulatedCrash}, which stops the transition
 * on the spot, exactly as if the coordinator's process died there (nothing is rolled back).
 */
public class CoordinatorFaultInjector {

  private static volatile CoordinatorFaultInjector instance = new CoordinatorFaultInjector();

  public static CoordinatorFaultInjector get() {
    return instance;
  }

  /** Installs {@code injector} for this JVM; returns the previous one. */
  public static CoordinatorFaultInjector set(CoordinatorFaultInjector injector) {
    CoordinatorFaultInjector old = instance;
    instance = injector;
    return old;
  }

  /** Called when {@code phase} of the transition of {@code tree} has finished. */
  public void afterPhase(String tree, Phase phase) {
  }

  /**
   * Called when the commit's last check found the member file {@code path} unchanged (and held it
   * against writers), just before its twin replaces it.
   */
  public void beforeFileCommit(String path) {
  }

  /** Called after the member file {@code path} was committed (replaced by its twin). */
  public void afterFileCommit(String path) {
  }

  /**
   * Called when the agent call {@code what} timed out or lost its connection, just before it is
   * made again.
   */
  public void beforeAgentRetry(String what) {
  }

  /** Thrown by a test's injector to stop the coordinator as a crash would. */
  public static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulatedCrash(String where) {
      super("simulated coordinator crash " + where);
    }
  }
}
