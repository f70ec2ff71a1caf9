package org.bart.namenode.read;

import java.io.IOException;
import java.util.List;
import org.bart.namenode.cluster.AgentRegistry;
import org.bart.namenode.metadata.WideLayout;
import org.bart.protocol.wide.ReadPlan;

/**
 * Plans a user's read of a transitioned file that the stock client could not complete: checks
 * that the caller may read the file (by asking the NameNode for its blocks as that user), finds
 * the block group holding the offset and its wide group, and hands out the group's layout: the
 * member's position and every unit with a DataNode whose agent is alive. The bytes are then read
 * by an agent for the client (the NameNode never sees them).
 *
 * <p>What it asks of the NameNode goes through {@link ReadNamespace}; the caller is checked
 * before anything else, and BART's metadata is then read as the NameNode's login user.
 */
public final class ReadPlanner {

  private final ReadNamespace namespace;
  private final AgentRegistry registry;
  private final long freshMs;
  private final long maxReadBytes;

  /**
   * @param freshMs how recently an agent must have been heard from to be named in a plan
   * @param maxReadBytes the most bytes an agent returns for one read
   *     ({@code dfs.bart.agent.read.max.bytes})
   */
  public ReadPlanner(ReadNamespace namespace, AgentRegistry registry, long freshMs,
      long maxReadBytes) {
    this.namespace = namespace;
    this.registry = registry;
    this.freshMs = freshMs;
    this.maxReadBytes = maxReadBytes;
  }

  /**
   * The plan of the block group of {@code path} that holds {@code offset}, for {@code user} (the
   * caller, whom the NameNode checks), or null at or past the file's end.
   *
   * @throws IOException as the NameNode answers a user who may not read the file (naming the
   *     path), or if the file is not transitioned
   */
  public ReadPlan plan(String path, long offset, String user) throws IOException {
    namespace.checkReadable(path, offset);
    List<MemberRef> membership = namespace.membership(path);
    if (membership == null) {
      throw new IOException(path + " is not a transitioned file: read it with the stock client");
    }
    List<Long> groups = namespace.blockGroupBytes(path);
    long groupStart = 0;
    int gi = 0;
    while (gi < groups.size() && offset >= groupStart + groups.get(gi)) {
      groupStart += groups.get(gi);
      gi++;
    }
    if (gi == groups.size()) {
      return null;
    }
    MemberRef ref = membership.get(gi);
    WideLayout l = namespace.layout(ref.parityFileId());
    return new ReadPlan(path, user, groupStart, groups.get(gi), l.group.getCellSize(),
        ref.position(), l.code, l.toUnits(registry, freshMs), l.parityPath, maxReadBytes);
  }
}
