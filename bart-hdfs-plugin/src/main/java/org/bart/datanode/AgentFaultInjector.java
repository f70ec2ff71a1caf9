package org.bart.datanode;

import java.io.IOException;

/**
 * Fault-injection seam of the agent: a no-op hook before and after each operation and after each
 * chunk a transfer moves. Tests replace the instance to inject a crash or an I/O error at an exact
 * point; production never changes it.
 */
public class AgentFaultInjector {

  private static volatile AgentFaultInjector instance = new AgentFaultInjector();

  public static AgentFaultInjector get() {
    return instance;
  }

  /** Installs {@code injector} for every agent in this JVM; returns the previous one. */
  public static AgentFaultInjector set(AgentFaultInjector injector) {
    AgentFaultInjector old = instance;
    instance = injector;
    return old;
  }

  /**
   * Called before operation {@code op} ("relabel", "send", "merge") producing {@code targetBlockId}
   * runs on the DataNode {@code datanodeUuid}.
   */
  public void beforeOperation(String op, String datanodeUuid, long targetBlockId)
      throws IOException {
  }

  /** Called after operation {@code op} succeeded, before its result is returned. */
  public void afterOperation(String op, String datanodeUuid, long targetBlockId)
      throws IOException {
  }

  /** Called after each chunk a streaming operation has pushed; {@code bytesSoFar} includes it. */
  public void afterChunk(String op, String datanodeUuid, long targetBlockId, long bytesSoFar)
      throws IOException {
  }
}
