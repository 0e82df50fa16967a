package io.freeagentics.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay from a local port to the broker, opened on demand: before {@link #open()} the port refuses
 * connections (the broker is "unreachable"), after it every connection is relayed.
 */
final class TcpForwarder implements AutoCloseable {
  private final int port;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new ArrayList<>();
  private ServerSocket server;
  private Thread acceptor;

  private TcpForwarder(int port, String targetHost, int targetPort) {
    this.port = port;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /** A relay on a port that is free now and stays closed until {@link #open()}. */
  static TcpForwarder onFreePort(String targetHost, int targetPort) throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return new TcpForwarder(probe.getLocalPort(), targetHost, targetPort);
    }
  }

  int port() {
    return port;
  }

  synchronized void open() throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress("127.0.0.1", port));
    ServerSocket listening = server;
    acceptor = new Thread(() -> {
      while (!listening.isClosed()) {
        try {
          Socket client = listening.accept();
          Socket target = new Socket(targetHost, targetPort);
          synchronized (this) {
            sockets.add(client);
            sockets.add(target);
          }
          pump(client, target);
          pump(target, client);
        } catch (IOException e) {
          if (!listening.isClosed()) {
            throw new IllegalStateException("relay to " + targetHost + ":" + targetPort + " failed", e);
          }
        }
      }
    }, "relay-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException closed) {
        // One side closed: the relay of this connection ends, the other direction sees the close too.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "relay-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      throw new IllegalStateException("closing a relay socket failed", e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (server != null) {
      server.close();
    }
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
