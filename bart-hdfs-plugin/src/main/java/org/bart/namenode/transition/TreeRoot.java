package org.bart.namenode.transition;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bart.namenode.hdfs.InodeInfo;
import org.bart.namenode.hdfs.Namespace;
import org.bart.namenode.metadata.BartPaths;

/**
 * The tree of a transition as the coordinator addresses it during the run: by its inode ({@code
 * /.reserved/.inodes/ID/...}), resolved once from the path the operator named. Renaming the tree
 * or a parent during the run then moves nothing out from under it: discovery, staging, commit,
 * clean-up and recovery find the files and the tree's {@code .bart} wherever the tree went, and
 * no path a user could redirect (by putting another directory at the old path) is followed.
 */
final class TreeRoot {

  /** The path the operator named, as reports show it. */
  final String named;
  /** The tree's inode id. */
  final long id;
  /** {@code /.reserved/.inodes/ID}: the tree wherever it is. */
  final String root;

  private TreeRoot(String named, long id) {
    this.named = named;
    this.id = id;
    this.root = BartPaths.byInode(id);
  }

  /** The tree at {@code named} now; null if there is none. */
  static TreeRoot of(Namespace ns, String named) throws IOException {
    InodeInfo i = ns.info(named);
    return i == null ? null : new TreeRoot(named, i.fileId());
  }

  /** {@code text} (a message) with every path under {@link #root} as under the named path. */
  String displayAll(String text) {
    Matcher m = Pattern.compile(Pattern.quote(root) + "(?![0-9])[^\\s;,:)]*").matcher(text);
    StringBuffer out = new StringBuffer();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(display(m.group())));
    }
    return m.appendTail(out).toString();
  }

  /** {@code path} (under {@link #root}) as under the named path, for the operator's report. */
  String display(String path) {
    if (!path.startsWith(root)) {
      return path;
    }
    String rest = path.substring(root.length());
    return named.endsWith("/") && rest.startsWith("/") ? named + rest.substring(1) : named + rest;
  }
}
