package org.bart.namenode.maintenance;

import java.util.Set;
import org.apache.hadoop.hdfs.protocol.ExtendedBlock;

/**
 * The DataNodes (uuids) whose replica of a unit's block the NameNode holds corrupt (reported by a
 * reader that met a checksum error, an agent's included): repair treats those replicas as lost.
 */
public interface CorruptReplicas {

  Set<String> nodesOf(ExtendedBlock block);
}
