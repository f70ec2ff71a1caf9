package org.bart.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Random;

/**
 * Free ports below the kernel's ephemeral range (32768 and up on Linux), for servers that must be
 * told their port before they bind it (the BART coordinator, a test KDC): a port probed free in
 * the ephemeral range can be handed to another socket (another test JVM's) before the server
 * binds it, which a port out of that range is not.
 */
public final class FixedPorts {

  private static final int FROM = 20_000;
  private static final int COUNT = 12_000;
  private static final Random RANDOM = new Random();

  private FixedPorts() {
  }

  /** A port free on the loopback address now; {@code forWhat} names its user in the error. */
  public static int free(String forWhat) throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = FROM + RANDOM.nextInt(COUNT);
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port in " + FROM + ".." + (FROM + COUNT - 1) + " for "
        + forWhat);
  }
}
