package dev.procgroups.transport.atomix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Ports free for both TCP and UDP on 127.0.0.1 (Atomix uses the same port for both): for tests and
 * local clusters.
 */
public final class FreePorts {
  private static final Set<Integer> handedOut = new HashSet<>();

  private FreePorts() {}

  public static synchronized int next() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = freeTcpPort();
      if (!handedOut.contains(port) && udpFree(port)) {
        handedOut.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free TCP+UDP port on 127.0.0.1");
  }

  private static int freeTcpPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean udpFree(int port) {
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
      return socket.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }
}
