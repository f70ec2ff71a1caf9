package org.bart.protocol.wide;

import org.apache.hadoop.hdfs.protocol.DatanodeID;

/**
 * A DataNode as the NameNode knows it, with the address of its BART agent (null if none was
 * given: then nothing can be paced with it or stored through it). Immutable; {@link #toString()}
 * is how BART's messages name a DataNode ("host:xferPort (uuid)").
 */
public final class AgentNode {
  private final DatanodeID datanode;
  private final String agentAddress;

  public AgentNode(DatanodeID datanode, String agentAddress) {
    this.datanode = datanode;
    this.agentAddress = agentAddress;
  }

  public DatanodeID datanode() {
    return datanode;
  }

  /** The DataNode's uuid; empty if the request named none (Hadoop's DatanodeID keeps null). */
  public String uuid() {
    String uuid = datanode.getDatanodeUuid();
    return uuid == null ? "" : uuid;
  }

  /** host:port of the node's agent RPC server, or null. */
  public String agentAddress() {
    return agentAddress;
  }

  @Override
  public String toString() {
    return datanode.getIpAddr() + ":" + datanode.getXferPort() + " (" + uuid() + ")";
  }
}
