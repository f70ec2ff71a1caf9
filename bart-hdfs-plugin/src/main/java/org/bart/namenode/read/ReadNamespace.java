package org.bart.namenode.read;

import java.io.IOException;
import java.util.List;
import org.bart.namenode.metadata.WideLayout;

/**
 * What a degraded read asks of the NameNode. Calls are made on behalf of the reading user only
 * where this says so; the others read BART's own metadata as the NameNode.
 */
public interface ReadNamespace {

  /**
   * Returns only if the calling user may read {@code path} at {@code offset}.
   *
   * @throws IOException (an {@code AccessControlException}, a {@code FileNotFoundException}, ...)
   *     as the NameNode would answer the user
   */
  void checkReadable(String path, long offset) throws IOException;

  /**
   * Where each block group of {@code path} is protected, in file order, or null if the file is
   * not transitioned.
   */
  List<MemberRef> membership(String path) throws IOException;

  /** The data bytes of each block group of the striped file {@code path}, in file order. */
  List<Long> blockGroupBytes(String path) throws IOException;

  /** The wide group whose parity file has inode id {@code parityFileId}, as it is now. */
  WideLayout layout(long parityFileId) throws IOException;
}
