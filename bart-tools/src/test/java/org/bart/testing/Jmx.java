package org.bart.testing;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * BART's metrics2 sources as the daemons' {@code /jmx} shows them: the MBeans of this JVM (all
 * daemons of a MiniDFSCluster run in it), {@code Hadoop:service=...,name=NAME}.
 */
public final class Jmx {

  private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

  private Jmx() {
  }

  /** The MBeans whose name starts with {@code prefix}. */
  public static Set<ObjectName> beans(String prefix) throws Exception {
    Set<ObjectName> out = new java.util.HashSet<>();
    for (ObjectName n : SERVER.queryNames(new ObjectName("Hadoop:*"), null)) {
      String name = n.getKeyProperty("name");
      if (name != null && name.startsWith(prefix)) {
        out.add(n);
      }
    }
    return out;
  }

  /** {@code attribute} summed over the MBeans whose name starts with {@code prefix}. */
  public static long sum(String prefix, String attribute) throws Exception {
    long total = 0;
    for (ObjectName n : beans(prefix)) {
      total += ((Number) SERVER.getAttribute(n, attribute)).longValue();
    }
    return total;
  }
}
