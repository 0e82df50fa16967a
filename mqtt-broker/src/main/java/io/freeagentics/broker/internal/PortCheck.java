package io.freeagentics.broker.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Chooses a free port, or checks that a given one is free, on the broker's bind address before HiveMQ binds. */
public final class PortCheck {

  private PortCheck() {}

  /**
   * Returns {@code port} when it can be bound on {@code host}, or a free port chosen by the OS when {@code port}
   * is 0.
   *
   * @throws IOException naming host and port when the port is taken or the host is not a local address
   */
  public static int freePort(String host, int port) throws IOException {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (IOException e) {
      throw new IOException("--host '" + host + "' is not a known host name or address: " + e.getMessage(), e);
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IOException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
          + "): is another broker running there? Choose another port with --port, or 0 for any free port", e);
    }
  }
}
